// What a co-editing scenario reads and does in the section screen's live editor: the editor, its
// status line, its text as a person reads it, typing as a person types, and waiting until pages
// agree. (scenarios/coedit.mjs has its own copies of these; they read the same app.)
import { check } from './harness.mjs';

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

/** Types `words` where the caret is, a key at a time as a person would (a space before each but the first). */
export async function typeWords(/** @type {import('playwright-core').Page} */ page, /** @type {string[]} */ words, first = true) {
  for (const [i, word] of words.entries()) {
    await page.keyboard.type(first && i === 0 ? word : ` ${word}`, { delay: 15 });
  }
}

/** Waits until every page shows the same text and it holds every one of `words`; returns it. */
export async function converged(/** @type {import('playwright-core').Page[]} */ pages, /** @type {string[]} */ words, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  /** @type {string[]} */
  let texts = [];
  for (;;) {
    texts = await Promise.all(pages.map(editorText));
    const first = texts[0] ?? '';
    if (texts.every((x) => x === first) && words.every((w) => first.includes(w))) return first;
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const missing = words.filter((w) => !(texts[0] ?? '').includes(w));
  check(false, `the pages did not converge on every word (missing ${JSON.stringify(missing)}): ${texts.map((x) => JSON.stringify(x)).join(' | ')}`);
  return '';
}
