// Reads a Yjs update (base64 on stdin) with npm yjs and prints the document's text as JSON:
// YjsInteropTest checks that node reads what the server's Yjs wrote.
const Y = require('yjs');
let input = '';
process.stdin.on('data', d => { input += d; });
process.stdin.on('end', () => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(input.trim(), 'base64'));
  process.stdout.write(JSON.stringify(doc.getText('body').toString()));
});
