// What a co-editing scenario reads and does in the section screen's live editor: the editor, its
// status line, its text as a person reads it, typing as a person types on a line of their own, and
// waiting until pages agree on exactly the text everyone typed.
//
// Why a line of one's own: two people whose carets stand at the same place and who type at the
// same moment get their letters interleaved. That is the CRDT's legitimate answer (Yjs orders
// concurrent inserts at one position by client id), not a loss: someone who presses Ctrl+End just
// after another's first letter arrived types after that letter, and the other's next letters,
// sent before hers arrived, go after her whole line ("e\nindia juliet…cho"). So each typist first
// starts a line with her label, one after the other, and the typing at once happens at the ends of
// those lines, where no one else's caret is: the text then has one right answer, which is checked
// exactly (every character each typed, none lost, none moved).
import * as Y from 'yjs';
import { check } from './harness.mjs';

/** What the live text is named in the Yjs document (frontend/src/editor/live.ts, `TEXT`). */
const TEXT = 'body';

/** @param {import('playwright-core').Page} page */
export function sectionScreen(page) {
  return page.locator('[data-screen="section"]');
}

/** The live editor (CodeMirror's content), once it replaced the stand-in. */
export function liveEditor(/** @type {import('playwright-core').Page} */ page) {
  return sectionScreen(page).locator('.cm-content');
}

/** The live editor's status line ("All changes saved.", "Offline — …", the server's refusal). */
export function liveStatus(/** @type {import('playwright-core').Page} */ page) {
  return sectionScreen(page).locator('.live-state');
}

/** The editor's text as the person reads it: its lines, without the remote carets' name labels. */
export async function editorText(/** @type {import('playwright-core').Page} */ page) {
  return liveEditor(page).evaluate((el) => {
    const clone = /** @type {HTMLElement} */ (el.cloneNode(true));
    clone.querySelectorAll('.cm-ySelectionCaret, .cm-widgetBuffer').forEach((c) => c.remove());
    return [...clone.querySelectorAll('.cm-line')].map((line) => line.textContent ?? '').join('\n');
  });
}

/** Puts the caret on a new line at the end of the text. */
export async function newLineAtEnd(/** @type {import('playwright-core').Page} */ page) {
  await liveEditor(page).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
}

/**
 * Starts the person's own line at the end of the text, with `label`, and waits until every page
 * shows it: call it for one typist at a time (see the top of this file).
 */
export async function startOwnLine(/** @type {import('playwright-core').Page} */ page, /** @type {string} */ label, /** @type {import('playwright-core').Page[]} */ pages) {
  const expected = `${await editorText(page)}\n${label}`;
  await newLineAtEnd(page);
  await page.keyboard.type(label, { delay: 15 });
  await convergedOn(pages, expected);
}

/** Puts the caret at the end of the person's own line (the one starting with `label`). */
export async function endOfOwnLine(/** @type {import('playwright-core').Page} */ page, /** @type {string} */ label) {
  await liveEditor(page).locator('.cm-line').filter({ hasText: label }).click();
  await page.keyboard.press('End');
}

/** Types `words` where the caret is, a key at a time as a person would, a space before each. */
export async function typeWords(/** @type {import('playwright-core').Page} */ page, /** @type {string[]} */ words) {
  for (const word of words) await page.keyboard.type(` ${word}`, { delay: 15 });
}

/** Types `words` at the end of the person's own line (see {@link endOfOwnLine}). */
export async function typeAtEndOfOwnLine(/** @type {import('playwright-core').Page} */ page, /** @type {string} */ label, /** @type {string[]} */ words) {
  await endOfOwnLine(page, label);
  await typeWords(page, words);
}

/**
 * Waits until every page shows exactly `expected`; returns it. If they do not, fails saying, line by
 * line, what each page lacks or has too much (characters counted, so a lost or moved letter shows),
 * and who wrote each run of characters in each page's stored Yjs document.
 */
export async function convergedOn(/** @type {import('playwright-core').Page[]} */ pages, /** @type {string} */ expected, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  /** @type {string[]} */
  let texts = [];
  for (;;) {
    texts = await Promise.all(pages.map(editorText));
    if (texts.every((x) => x === expected)) return expected;
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const differences = texts.map((text, i) => `page ${i + 1}: ${differencesByLine(expected, text).join('; ') || 'as expected'}`);
  const authors = (await Promise.all(pages.map(authorship))).flat();
  check(
    false,
    `the pages did not converge on the text everyone typed: expected ${JSON.stringify(expected)}, got ${texts.map((x) => JSON.stringify(x)).join(' | ')}\n` +
      `${differences.join('\n')}\nwho wrote what (Yjs client id: text), as each page stored it:\n${authors.join('\n')}`,
  );
  return '';
}

/** For each line of `expected` that `actual` lacks, the characters missing from it and the extra ones. */
export function differencesByLine(/** @type {string} */ expected, /** @type {string} */ actual) {
  const have = actual.split('\n');
  /** @type {string[]} */
  const out = [];
  for (const [i, line] of expected.split('\n').entries()) {
    if (have[i] === line) continue;
    const { missing, extra } = characterDifference(line, have[i] ?? '');
    out.push(`line ${i + 1} is ${JSON.stringify(have[i] ?? null)}, not ${JSON.stringify(line)} (missing ${JSON.stringify(missing)}, extra ${JSON.stringify(extra)})`);
  }
  if (have.length > expected.split('\n').length) out.push(`extra lines ${JSON.stringify(have.slice(expected.split('\n').length))}`);
  return out;
}

/** The characters of `want` not in `got` and those of `got` not in `want`, counted. */
function characterDifference(/** @type {string} */ want, /** @type {string} */ got) {
  /** @type {Map<string, number>} */
  const count = new Map();
  for (const c of want) count.set(c, (count.get(c) ?? 0) + 1);
  for (const c of got) count.set(c, (count.get(c) ?? 0) - 1);
  let missing = '';
  let extra = '';
  for (const [c, n] of count) {
    if (n > 0) missing += c.repeat(n);
    if (n < 0) extra += c.repeat(-n);
  }
  return { missing, extra };
}

/**
 * The page's stored Yjs documents (y-indexeddb, `plenary-live-…`), as runs of text each with the
 * Yjs client id that inserted it: where each typist's characters ended up.
 */
export async function authorship(/** @type {import('playwright-core').Page} */ page) {
  /** @type {{name: string, updates: number[][]}[]} */
  const stores = await page
    .evaluate(async () => {
      const names = (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith('plenary-live-'));
      return Promise.all(
        names.map(
          (name) =>
            new Promise((resolve, reject) => {
              const open = indexedDB.open(name);
              open.onerror = () => reject(open.error);
              open.onsuccess = () => {
                const all = open.result.transaction('updates').objectStore('updates').getAll();
                all.onerror = () => reject(all.error);
                all.onsuccess = () => {
                  open.result.close();
                  resolve({ name, updates: all.result.map((u) => [...u]) });
                };
              };
            }),
        ),
      );
    })
    .catch((e) => [{ name: `(could not read IndexedDB: ${e})`, updates: [] }]);
  return stores.map(({ name, updates }) => {
    const doc = new Y.Doc();
    for (const update of updates) Y.applyUpdate(doc, Uint8Array.from(update));
    /** @type {{client: number, text: string}[]} */
    const runs = [];
    // Items in document order, deleted ones left out (Yjs keeps them as tombstones).
    for (let item = doc.getText(TEXT)._start; item !== null; item = item.right) {
      if (item.deleted || !item.countable) continue;
      const text = item.content.getContent().join('');
      const last = runs.at(-1);
      if (last !== undefined && last.client === item.id.client) last.text += text;
      else runs.push({ client: item.id.client, text });
    }
    return `${name}: ${runs.map((r) => `${r.client}: ${JSON.stringify(r.text)}`).join(', ')}`;
  });
}

/**
 * A Yjs update, framed as the live socket's `0 2 <update>` (docs/live.md, "The socket"), that
 * writes `text` at the start of a section's text: what a client that ignores its read-only state
 * would send.
 */
export function framedInsert(/** @type {string} */ text) {
  const doc = new Y.Doc();
  doc.getText(TEXT).insert(0, text);
  const update = Y.encodeStateAsUpdate(doc);
  return Buffer.concat([Buffer.from([0, 2]), varUint(update.length), Buffer.from(update)]);
}

/** lib0's variable-length unsigned integer (7 bits a byte, low first). */
function varUint(/** @type {number} */ n) {
  const bytes = [];
  while (n > 0x7f) {
    bytes.push(0x80 | (n & 0x7f));
    n >>>= 7;
  }
  bytes.push(n);
  return Buffer.from(bytes);
}

/** The reason of a `2 0 <reason>` message (the server's refusal), or null for any other message. */
export function deniedReason(/** @type {string | Buffer} */ message) {
  if (typeof message === 'string' || message[0] !== 2 || message[1] !== 0) return null;
  let length = 0;
  let shift = 0;
  let at = 2;
  for (let byte = 0x80; byte & 0x80; at++, shift += 7) {
    byte = message[at] ?? 0;
    length |= (byte & 0x7f) << shift;
  }
  return message.subarray(at, at + length).toString('utf8');
}
