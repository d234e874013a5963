// Co-editing one section live (issue 15): two editors type into the same section at once and both
// see every word; an observer watches the text live and cannot type; one editor loses her
// connection for half a minute, keeps typing (the status says offline), reloads with the socket
// still down and finds her text (IndexedDB), then comes back and nothing is lost. "Save version"
// makes the live text a revision, which the API then serves.
//
// Setup that is not what a step tests (the paper, its section, the accounts) goes through the REST
// API. The reload happens with the app reachable and only the live socket down: the app has no
// service worker, so a reload with the whole network off would not load it at all.
import { check } from '../lib/harness.mjs';
import { signInLocally } from './sign-in.mjs';

/** The app's English wording the scenario relies on (one place to adjust). */
const L = {
  saved: /all changes saved/i,
  offline: /^offline — your text is kept/i,
  watching: /^watching live/i,
  saveVersion: /^save version$/i,
  // A pause of a few seconds checkpoints by itself: then the version is already there.
  versionSaved: /(?:saved as|nothing changed since) revision (\d+)/i,
};

const SEED = 'The commons opens in spring.';
const AMARA_WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo'];
const BILAL_WORDS = ['foxtrot', 'golf', 'hotel', 'india', 'juliet'];
const AMARA_LATER = ['kilo', 'lima', 'mike'];
const BILAL_OFFLINE = ['november', 'oscar', 'papa'];
const BILAL_AFTER_RELOAD = ['quebec', 'romeo'];
/** How long the editor stays offline (the issue: a phone that loses its connection). */
const OFFLINE_MS = 30_000;

/** @param {any} t */
export async function run(t) {
  const { session, config, api } = t;
  const suffix = Date.now().toString(36);
  const ownerToken = await api.signIn(config.adminHandle, config.adminPassword);
  const paperId = (await api.call('POST', '/api/papers', { token: ownerToken, body: { title: `Live drafting ${suffix}`, language: 'en' } })).json.id;
  const sectionId = (await api.call('POST', `/api/papers/${paperId}/sections`, { token: ownerToken, body: { heading: 'Shared findings', kind: 'NARRATIVE', body: SEED } })).json.id;
  const people = {
    amara: { handle: `amara${suffix}`, name: 'Amara Osei', password: 'violet lantern across the harbour', role: 'EDITOR' },
    bilal: { handle: `bilal${suffix}`, name: 'Bilal Rahman', password: 'copper kettle under the bridge', role: 'EDITOR' },
    olga: { handle: `olga${suffix}`, name: 'Olga Berg', password: 'seven herons over the marsh', role: 'OBSERVER' },
  };
  for (const who of Object.values(people)) {
    const invitation = (await api.call('POST', `/api/papers/${paperId}/invitations`, { token: ownerToken, body: { role: who.role } })).json;
    await api.call('POST', `/api/invitations/${invitation.token}/sign-up`, {
      body: { handle: who.handle, displayName: who.name, password: who.password, organisation: 'Peace Tech Forum', stakeholderGroup: 'CIVIL_SOCIETY' },
    });
  }
  const address = `/#/papers/${paperId}/sections/${sectionId}`;

  const amara = await session.persona('amara');
  const bilal = await session.persona('bilal');
  const olga = await session.persona('olga');
  /** The live socket of Bilal's browser, cut off while `socketDown` holds (see the reload step). */
  let socketDown = false;
  await bilal.context().routeWebSocket(/\/live$/, (ws) => {
    if (socketDown) ws.close({ code: 1006, reason: 'no network' });
    else ws.connectToServer();
  });

  await t.step('two editors and an observer open the section: the editors are saved, the observer watches', async () => {
    for (const [page, who] of [
      [amara, people.amara],
      [bilal, people.bilal],
      [olga, people.olga],
    ]) {
      const p = /** @type {import('playwright-core').Page} */ (page);
      const w = /** @type {{handle: string, password: string}} */ (who);
      await p.goto('/');
      await signInLocally(p, w.handle, w.password);
      await p.locator('[data-screen="papers"]').waitFor();
      await p.goto(address);
      await editor(p).getByText(SEED).waitFor();
    }
    await status(amara).getByText(L.saved).waitFor();
    await status(bilal).getByText(L.saved).waitFor();
    await status(olga).getByText(L.watching).waitFor();
    await session.screen(amara, 'section-live');
    await session.screen(olga, 'section-watching');
  });

  await t.step('both type into the section at once: both show the same text with every word each typed', async () => {
    await Promise.all([typeAtEnd(amara, AMARA_WORDS), typeAtEnd(bilal, BILAL_WORDS)]);
    const text = await converged([amara, bilal, olga], [SEED, ...AMARA_WORDS, ...BILAL_WORDS]);
    await status(amara).getByText(L.saved).waitFor();
    await status(bilal).getByText(L.saved).waitFor();
    check(text.includes(SEED), `the seed text is still there: ${JSON.stringify(text)}`);
    // Each sees the other's caret with its label (shape and initials) always shown, and the others
    // listed in the section's header with their shapes: colour is never the only clue.
    const caret = screen(amara).locator('.cm-ySelectionInfo').filter({ hasText: /^\S BR$/ });
    await caret.waitFor();
    check((await caret.evaluate((el) => getComputedStyle(el).opacity)) === '1', 'the caret’s label shows without hovering');
    const coEditors = screen(amara).locator('[data-panel="co-editors"]');
    await coEditors.getByText(/^\S Bilal Rahman$/).waitFor();
    await coEditors.getByText(/^\S Olga Berg \(watching\)$/).waitFor();
    await session.screen(amara, 'section-carets');
  });

  await t.step('the observer sees the text live and cannot type into it', async () => {
    const before = await editorText(olga);
    await editor(olga).click();
    await olga.keyboard.press('ControlOrMeta+End');
    await olga.keyboard.type(' observer was here');
    await olga.waitForTimeout(300);
    check((await editorText(olga)) === before, 'the observer’s typing changed nothing');
    check((await editor(olga).getAttribute('aria-readonly')) === 'true', 'the observer’s editor says it is read-only');
    check((await screen(olga).getByRole('button', { name: L.saveVersion }).count()) === 0, 'the observer has no Save version');
  });

  await t.step(`one editor goes offline for ${OFFLINE_MS / 1000} s and keeps typing; a reload keeps her text; back online, nothing is lost`, async () => {
    const offlineErrors = session.expectConsoleError('bilal', /ERR_INTERNET_DISCONNECTED|ERR_NETWORK_CHANGED|Failed to fetch|WebSocket/);
    const started = Date.now();
    await bilal.context().setOffline(true);
    await status(bilal).getByText(L.offline).waitFor();
    await Promise.all([typeAtEnd(amara, AMARA_LATER), typeAtEnd(bilal, BILAL_OFFLINE)]);
    await status(bilal).getByText(L.offline).waitFor();
    await status(amara).getByText(L.saved).waitFor();
    check(!(await editorText(amara)).includes(BILAL_OFFLINE[0] ?? ''), 'what Bilal typed offline has not reached Amara');
    check(!(await editorText(bilal)).includes(AMARA_LATER[0] ?? ''), 'what Amara typed meanwhile has not reached Bilal');
    await bilal.waitForTimeout(Math.max(0, OFFLINE_MS / 2 - (Date.now() - started)));
    // The reload: the app loads, the live socket still cannot connect.
    socketDown = true;
    await bilal.context().setOffline(false);
    await bilal.reload();
    await editor(bilal).getByText(BILAL_OFFLINE.join(' ')).waitFor();
    await status(bilal).getByText(L.offline).waitFor();
    await typeAtEnd(bilal, BILAL_AFTER_RELOAD);
    await session.screen(bilal, 'section-offline');
    await bilal.waitForTimeout(Math.max(0, OFFLINE_MS - (Date.now() - started)));
    // Back online: the browser says so, the socket connects, the offline text goes up as step 2.
    socketDown = false;
    await bilal.evaluate(() => window.dispatchEvent(new Event('online')));
    const all = [SEED, ...AMARA_WORDS, ...BILAL_WORDS, ...AMARA_LATER, ...BILAL_OFFLINE, ...BILAL_AFTER_RELOAD];
    await converged([amara, bilal, olga], all);
    await status(bilal).getByText(L.saved).waitFor({ timeout: 30_000 });
    await status(amara).getByText(L.saved).waitFor();
    offlineErrors();
  });

  await t.step('Save version makes the live text a revision, and the API serves that text', async () => {
    const text = await editorText(amara);
    await screen(amara).getByRole('button', { name: L.saveVersion }).click();
    const saved = screen(amara).getByText(L.versionSaved).first();
    await saved.waitFor();
    const revision = Number(L.versionSaved.exec((await saved.textContent()) ?? '')?.[1]);
    const content = (await api.call('GET', `/api/papers/${paperId}/sections/${sectionId}/content`, { token: ownerToken })).json;
    check(content.revision === revision, `the section is at the revision shown (${revision}): ${content.revision}`);
    check(content.body === text, `the revision holds the live text: ${JSON.stringify(content.body)} vs ${JSON.stringify(text)}`);
    await session.screen(amara, 'section-version');
  });
}

/** @param {import('playwright-core').Page} page */
function screen(page) {
  return page.locator('[data-screen="section"]');
}

/** The live editor (CodeMirror's content), once it replaced the stand-in. */
function editor(/** @type {import('playwright-core').Page} */ page) {
  return screen(page).locator('.cm-content');
}

function status(/** @type {import('playwright-core').Page} */ page) {
  return screen(page).locator('.live-state');
}

/** The editor's text as the person reads it: its lines, without the remote carets' name labels. */
async function editorText(/** @type {import('playwright-core').Page} */ page) {
  return editor(page).evaluate((el) => {
    const clone = /** @type {HTMLElement} */ (el.cloneNode(true));
    clone.querySelectorAll('.cm-ySelectionCaret, .cm-widgetBuffer').forEach((c) => c.remove());
    return [...clone.querySelectorAll('.cm-line')].map((line) => line.textContent ?? '').join('\n');
  });
}

/** Types `words` on a new line at the end of the text, a word at a time as a person would. */
async function typeAtEnd(/** @type {import('playwright-core').Page} */ page, /** @type {string[]} */ words) {
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  for (const [i, word] of words.entries()) {
    await page.keyboard.type(i === 0 ? word : ` ${word}`, { delay: 15 });
  }
}

/** Waits until every page shows the same text and it holds every word; returns it. */
async function converged(/** @type {import('playwright-core').Page[]} */ pages, /** @type {string[]} */ words, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
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
