// Co-editing one section live (issue 15): two editors type into the same section at once and both
// see exactly what both typed; an observer watches the text live and cannot type, and an update
// her socket sends anyway is refused; one editor loses her connection for half a minute, keeps
// typing (the status says offline), reloads with the socket still down and finds her text
// (IndexedDB), then comes back and nothing is lost. "Save version" makes the live text a revision,
// which the API then serves. Each editor types at the end of a line of her own (lib/live.mjs says
// why), so the text everyone must end up with is known to the character.
//
// Setup that is not what a step tests (the paper, its section, the accounts) goes through the REST
// API. The reload happens with the app reachable and only the live socket down: the app has no
// service worker, so a reload with the whole network off would not load it at all.
import { check } from '../lib/harness.mjs';
import { convergedOn, deniedReason, editorText, framedInsert, liveEditor as editor, liveStatus as status, sectionScreen as screen, startOwnLine, typeAtEndOfOwnLine } from '../lib/live.mjs';
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
/** Each editor's own line starts with her label (the order is the order of the lines). */
const LABELS = { amara: 'Amara:', bilal: 'Bilal:' };
/** What the observer's socket sends although her editor is read-only. */
const OBSERVER_UPDATE = 'Observers rewrite everything. ';
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
  /** The observer's live socket, on the server's side (see the observer step). */
  /** @type {import('playwright-core').WebSocketRoute | null} */
  let olgaSocket = null;
  /** @type {string[]} */
  const olgaRefusals = [];
  await olga.context().routeWebSocket(/\/live$/, (ws) => {
    const server = ws.connectToServer();
    olgaSocket = server;
    server.onMessage((message) => {
      const reason = deniedReason(message);
      // Her app sent no update: the refusal answers the one the step sends, not hers to read.
      if (reason !== null) olgaRefusals.push(reason);
      else ws.send(message);
    });
  });
  /** What each editor typed on her own line so far, in order. */
  const lines = { amara: [LABELS.amara], bilal: [LABELS.bilal] };
  const typedText = () => [SEED, lines.amara.join(' '), lines.bilal.join(' ')].join('\n');

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

  await t.step('both type into the section at once, each on her own line: all show exactly what both typed', async () => {
    await startOwnLine(amara, LABELS.amara, [amara, bilal, olga]);
    await startOwnLine(bilal, LABELS.bilal, [amara, bilal, olga]);
    await Promise.all([typeAtEndOfOwnLine(amara, LABELS.amara, AMARA_WORDS), typeAtEndOfOwnLine(bilal, LABELS.bilal, BILAL_WORDS)]);
    lines.amara.push(...AMARA_WORDS);
    lines.bilal.push(...BILAL_WORDS);
    await convergedOn([amara, bilal, olga], typedText());
    await status(amara).getByText(L.saved).waitFor();
    await status(bilal).getByText(L.saved).waitFor();
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

  await t.step('the observer sees the text live and cannot type into it; an update her socket sends is refused and the text is unchanged', async () => {
    const before = await editorText(olga);
    await editor(olga).click();
    await olga.keyboard.press('ControlOrMeta+End');
    await olga.keyboard.type(' observer was here');
    await olga.waitForTimeout(300);
    check((await editorText(olga)) === before, 'the observer’s typing changed nothing');
    check((await editor(olga).getAttribute('aria-readonly')) === 'true', 'the observer’s editor says it is read-only');
    check((await screen(olga).getByRole('button', { name: L.saveVersion }).count()) === 0, 'the observer has no Save version');
    // Her app never sends a change; a socket that does anyway (a tampered app) is refused.
    const socket = /** @type {import('playwright-core').WebSocketRoute | null} */ (olgaSocket);
    check(socket !== null, 'the observer’s live socket is open');
    socket?.send(framedInsert(OBSERVER_UPDATE));
    for (let i = 0; i < 40 && olgaRefusals.length === 0; i++) await olga.waitForTimeout(250);
    check(/observer/i.test(olgaRefusals[0] ?? ''), `the server refuses the observer’s update: ${JSON.stringify(olgaRefusals)}`);
    await olga.waitForTimeout(500);
    for (const page of [amara, bilal, olga]) {
      const text = await editorText(page);
      check(text === before, `the text is unchanged after the observer’s update: ${JSON.stringify(text)}`);
    }
    await status(olga).getByText(L.watching).waitFor();
  });

  await t.step(`one editor goes offline for ${OFFLINE_MS / 1000} s and keeps typing; a reload keeps her text; back online, nothing is lost`, async () => {
    const offlineErrors = session.expectConsoleError('bilal', /ERR_INTERNET_DISCONNECTED|ERR_NETWORK_CHANGED|Failed to fetch|WebSocket/);
    const started = Date.now();
    await bilal.context().setOffline(true);
    await status(bilal).getByText(L.offline).waitFor();
    await Promise.all([typeAtEndOfOwnLine(amara, LABELS.amara, AMARA_LATER), typeAtEndOfOwnLine(bilal, LABELS.bilal, BILAL_OFFLINE)]);
    lines.amara.push(...AMARA_LATER);
    lines.bilal.push(...BILAL_OFFLINE);
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
    await typeAtEndOfOwnLine(bilal, LABELS.bilal, BILAL_AFTER_RELOAD);
    lines.bilal.push(...BILAL_AFTER_RELOAD);
    await session.screen(bilal, 'section-offline');
    await bilal.waitForTimeout(Math.max(0, OFFLINE_MS - (Date.now() - started)));
    // Back online: the browser says so, the socket connects, the offline text goes up as step 2.
    socketDown = false;
    await bilal.evaluate(() => window.dispatchEvent(new Event('online')));
    await convergedOn([amara, bilal, olga], typedText());
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
