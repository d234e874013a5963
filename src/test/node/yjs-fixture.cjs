// Writes the interop fixture YjsInteropTest reads: updates made by npm yjs in node, as two
// browsers would send them while typing at once, and the text they converge to.
// Regenerate with (from the repository root):
//   NODE_PATH=frontend/node_modules node src/test/node/yjs-fixture.cjs \
//     > src/test/resources/org/plenary/coedit/node-updates.json
const Y = require('yjs');

const a = new Y.Doc();
a.clientID = 101;
const b = new Y.Doc();
b.clientID = 202;
const sent = [];
a.on('update', (u, origin) => { if (origin !== 'remote') sent.push({ from: 'a', u }); });
b.on('update', (u, origin) => { if (origin !== 'remote') sent.push({ from: 'b', u }); });

const typeAt = (doc, pos, s) => { for (const ch of s) { doc.getText('body').insert(pos, ch); pos += ch.length; } };
typeAt(a, 0, 'Plenary — ');
Y.applyUpdate(b, Y.encodeStateAsUpdate(a), 'remote');
// Both type at once, unaware of each other: a at the end, b at the start.
typeAt(a, a.getText('body').length, 'Gleichberechtigung für alle. ');
typeAt(b, 0, 'قرار ١٥ · 平等 🌍 ');
b.getText('body').delete(0, 2);
Y.applyUpdate(a, Y.encodeStateAsUpdate(b), 'remote');
Y.applyUpdate(b, Y.encodeStateAsUpdate(a), 'remote');
if (a.getText('body').toString() !== b.getText('body').toString()) throw new Error('node diverged');
process.stdout.write(JSON.stringify({
  yjs: require('yjs/package.json').version,
  text: a.getText('body').toString(),
  updates: sent.map(s => ({ from: s.from, base64: Buffer.from(s.u).toString('base64') })),
}, null, 1) + '\n');
