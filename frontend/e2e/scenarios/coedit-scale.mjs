// Co-editing one section across two instances (issue 15): three editors type into one section at
// once, two through instance A and one through instance B (same PostgreSQL, as behind a load
// balancer): all converge on exactly the text they typed, every character of it, and the version
// saved lists the three as co-authors. An editor's draft is merged (through B) while two of them
// type: the merged change and every character both typists typed are there. Each typist types at
// the end of a line of her own, started one after the other (lib/live.mjs says why). The owner freezes the paper: an editor's screen says her
// typing is not saved and turns read-only, and the server keeps nothing typed after. Signing out
// deletes that editor's offline copies (IndexedDB), so the next person at her device cannot
// read them.
//
// Setup that is not what a step tests (the paper, the accounts, the draft, freezing) goes through
// the REST API.
import { api as apiOf, check } from '../lib/harness.mjs';
import { convergedOn, editorText, endOfOwnLine, liveEditor, liveStatus, sectionScreen, startOwnLine, typeAtEndOfOwnLine, typeWords } from '../lib/live.mjs';
import { signInLocally } from './sign-in.mjs';

/** The app's English wording the scenario relies on (one place to adjust). */
const L = {
  saved: /all changes saved/i,
  saveVersion: /^save version$/i,
  // A pause of a few seconds checkpoints by itself: then the version is already there.
  versionSaved: /(?:saved as|nothing changed since) revision (\d+)/i,
  // The server's refusal ("… is frozen, so you cannot save a section …") in the status line, or
  // the read-only state the server's access check may have put the editor in first.
  frozen: /not saved: .*frozen|^watching live/i,
  signOut: /^sign out$/i,
  signIn: 'Sign in',
};

const FIRST = 'The commons opens in spring.';
const REST = '\n\nThe market closes in winter.';
const SEED = `${FIRST}${REST}`;
const MERGED = 'The commons opens in early spring.';
/** Each typist's own line starts with her label (the order is the order of the lines). */
const LABELS = { amara: 'Amara:', bilal: 'Bilal:', chen: 'Chen:' };
const AT_ONCE = {
  amara: ['alpha', 'bravo', 'charlie', 'delta'],
  bilal: ['echo', 'foxtrot', 'golf', 'hotel'],
  chen: ['india', 'juliet', 'kilo', 'lima'],
};
/** Words typed a round at a time while the draft is merged (more than the merge needs). */
const DURING_MERGE = {
  amara: ['maple', 'cedar', 'birch', 'alder', 'aspen', 'larch', 'rowan', 'hazel', 'holly', 'linden', 'willow', 'spruce', 'poplar', 'sequoia'],
  chen: ['otter', 'heron', 'egret', 'crane', 'finch', 'robin', 'wren', 'swift', 'plover', 'martin', 'kestrel', 'osprey', 'curlew', 'bittern'],
};
/** Typing rounds go on at least this many rounds after the merge answered. */
const ROUNDS_AFTER_MERGE = 2;
const PAUSE_BETWEEN_ROUNDS_MS = 1_500;
const AFTER_FREEZE = 'zebra';
/** How long the first opening of the live text may take (see the first step). */
const FIRST_OPEN_MS = 90_000;

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** @param {any} t */
export async function run(t) {
  const { session, config, api } = t;
  if (!config.secondUrl) {
    throw new Error('set PLENARY_URL_B to a second instance of the Plenary at PLENARY_URL (same PostgreSQL), or name other scenarios');
  }
  const apiB = apiOf(config.secondUrl);
  const suffix = Date.now().toString(36);
  const ownerToken = await api.signIn(config.adminHandle, config.adminPassword);
  const paperId = (await api.call('POST', '/api/papers', { token: ownerToken, body: { title: `Across instances ${suffix}`, language: 'en' } })).json.id;
  const sectionId = (await api.call('POST', `/api/papers/${paperId}/sections`, { token: ownerToken, body: { heading: 'Joint findings', kind: 'NARRATIVE', body: SEED } })).json.id;
  const sectionPath = `/api/papers/${paperId}/sections/${sectionId}`;
  const people = {
    amara: { handle: `amara${suffix}`, name: 'Amara Osei', password: 'violet lantern across the harbour', url: config.baseUrl },
    bilal: { handle: `bilal${suffix}`, name: 'Bilal Rahman', password: 'copper kettle under the bridge', url: config.baseUrl },
    chen: { handle: `chen${suffix}`, name: 'Chen Wei', password: 'amber kite above the valley', url: config.secondUrl },
  };
  for (const who of Object.values(people)) {
    const invitation = (await api.call('POST', `/api/papers/${paperId}/invitations`, { token: ownerToken, body: { role: 'EDITOR' } })).json;
    await api.call('POST', `/api/invitations/${invitation.token}/sign-up`, {
      body: { handle: who.handle, displayName: who.name, password: who.password, organisation: 'Peace Tech Forum', stakeholderGroup: 'CIVIL_SOCIETY' },
    });
  }
  const address = `/#/papers/${paperId}/sections/${sectionId}`;

  const amara = await session.persona('amara');
  const bilal = await session.persona('bilal');
  const chen = await session.persona('chen');
  const pages = [amara, bilal, chen];
  /** What everyone saw when the paper was frozen. */
  let textWhenFrozen = '';
  /** What each typed on her own line so far, in order. */
  const lines = { amara: [LABELS.amara], bilal: [LABELS.bilal], chen: [LABELS.chen] };
  /** The text everyone typed: the first paragraph as it stands, then the typists' lines. */
  const typedText = (/** @type {string} */ first) => [`${first}${REST}`, lines.amara.join(' '), lines.bilal.join(' '), lines.chen.join(' ')].join('\n');

  await t.step('three editors open the section, two through instance A and one through instance B: all are saved', async () => {
    for (const [page, who] of [
      [amara, people.amara],
      [bilal, people.bilal],
      [chen, people.chen],
    ]) {
      const p = /** @type {import('playwright-core').Page} */ (page);
      const w = /** @type {{handle: string, password: string, url: string}} */ (who);
      await p.goto(`${w.url}/`);
      await signInLocally(p, w.handle, w.password);
      await p.locator('[data-screen="papers"]').waitFor();
      await p.goto(`${w.url}${address}`);
    }
    // The first socket of a section on an instance starts that instance's Yjs (GraalJS): seconds,
    // more on a loaded machine.
    for (const page of pages) await liveEditor(page).getByText(FIRST).waitFor({ timeout: FIRST_OPEN_MS });
    check(new URL(chen.url()).origin === new URL(config.secondUrl).origin, `Chen works through instance B: ${chen.url()}`);
    for (const page of pages) await liveStatus(page).getByText(L.saved).waitFor();
    await session.screen(amara, 'section-instance-a');
    await session.screen(chen, 'section-instance-b');
  });

  await t.step('the three type at once, each on her own line: all show exactly the text they typed, every character', async () => {
    await startOwnLine(amara, LABELS.amara, pages);
    await startOwnLine(bilal, LABELS.bilal, pages);
    await startOwnLine(chen, LABELS.chen, pages);
    await Promise.all([
      typeAtEndOfOwnLine(amara, LABELS.amara, AT_ONCE.amara),
      typeAtEndOfOwnLine(bilal, LABELS.bilal, AT_ONCE.bilal),
      typeAtEndOfOwnLine(chen, LABELS.chen, AT_ONCE.chen),
    ]);
    lines.amara.push(...AT_ONCE.amara);
    lines.bilal.push(...AT_ONCE.bilal);
    lines.chen.push(...AT_ONCE.chen);
    await convergedOn(pages, typedText(FIRST));
    for (const page of pages) await liveStatus(page).getByText(L.saved).waitFor();
  });

  await t.step('Save version: the revision holds the live text and lists the three as co-authors', async () => {
    const text = await editorText(chen);
    await sectionScreen(chen).getByRole('button', { name: L.saveVersion }).click();
    const saved = sectionScreen(chen).getByText(L.versionSaved).first();
    await saved.waitFor();
    const number = Number(L.versionSaved.exec((await saved.textContent()) ?? '')?.[1]);
    // Read through the other instance than the one that saved it.
    const revision = (await api.call('GET', `${sectionPath}/revisions/${number}`, { token: ownerToken })).json;
    check(revision.body === text, `revision ${number} holds the live text: ${JSON.stringify(revision.body)} vs ${JSON.stringify(text)}`);
    /** @type {string[]} */
    const coAuthors = (revision.coAuthors ?? []).map((/** @type {{displayName: string}} */ a) => a.displayName).sort();
    const expected = [people.amara.name, people.bilal.name, people.chen.name].sort();
    check(JSON.stringify(coAuthors) === JSON.stringify(expected), `revision ${number} lists the three co-authors: ${JSON.stringify(coAuthors)}`);
    await session.screen(chen, 'section-version-instance-b');
  });

  await t.step('an editor’s draft is merged through instance B while two editors type: the change and every character both typed are there', async () => {
    const bilalToken = await api.signIn(people.bilal.handle, people.bilal.password);
    const current = (await api.call('GET', `${sectionPath}/content`, { token: bilalToken })).json;
    check(current.body.includes(FIRST), `the section starts with the seed: ${JSON.stringify(current.body)}`);
    const draftId = (
      await api.call('POST', `${sectionPath}/drafts`, {
        token: bilalToken,
        body: { body: current.body.replace(FIRST, MERGED), rationale: 'Say when in spring', baseRevision: current.revision, submit: true },
      })
    ).json.id;

    // A merge names the revision it merges into (If-Match), and the typing crossing it makes new
    // revisions: the owner merges in a lull, when everything typed so far is saved (a 412 means
    // typing reached the server between the preview and the merge; she tries again at the next).
    let attempts = 0;
    let merged = false;
    /** @type {unknown} */
    let mergeError = null;
    const mergeOnce = async () => {
      attempts++;
      const preview = (await apiB.call('GET', `/api/papers/${paperId}/drafts/${draftId}/merge-preview`, { token: ownerToken })).json;
      check(preview.clean === true, `the draft merges without conflicts: ${JSON.stringify(preview).slice(0, 400)}`);
      const answer = await apiB.call('POST', `/api/papers/${paperId}/drafts/${draftId}/merge`, {
        token: ownerToken,
        headers: { 'If-Match': preview.currentEtag },
        body: { resolutions: [] },
        expect: [200, 412],
      });
      if (answer.status === 200) {
        check(answer.json.status === 'MERGED', `the draft is merged: ${answer.text.slice(0, 300)}`);
        merged = true;
      }
    };
    /** @type {Promise<void> | null} */
    let merging = null;
    let roundsAfter = 0;
    await Promise.all([endOfOwnLine(amara, LABELS.amara), endOfOwnLine(chen, LABELS.chen)]);
    const rounds = Math.min(DURING_MERGE.amara.length, DURING_MERGE.chen.length);
    for (let round = 0; round < rounds && roundsAfter < ROUNDS_AFTER_MERGE && mergeError === null; round++) {
      const words = { amara: DURING_MERGE.amara[round] ?? '', chen: DURING_MERGE.chen[round] ?? '' };
      await Promise.all([typeWords(amara, [words.amara]), typeWords(chen, [words.chen])]);
      lines.amara.push(words.amara);
      lines.chen.push(words.chen);
      if (merged) roundsAfter++;
      await Promise.all([liveStatus(amara).getByText(L.saved).waitFor(), liveStatus(chen).getByText(L.saved).waitFor()]);
      if (!merged && merging === null) {
        merging = mergeOnce()
          .catch((e) => {
            mergeError = e;
          })
          .finally(() => {
            merging = null;
          });
      }
      await sleep(PAUSE_BETWEEN_ROUNDS_MS); // the typists go on whether or not the merge is done
    }
    if (merging !== null) await merging;
    if (mergeError !== null) throw mergeError;
    check(merged, `the draft was merged within ${rounds} rounds of typing (${attempts} attempts)`);
    check(roundsAfter >= ROUNDS_AFTER_MERGE, `the typing went on past the merge (${attempts} attempts, ${roundsAfter} rounds after it)`);
    const text = await convergedOn(pages, typedText(MERGED));
    for (const page of pages) await liveStatus(page).getByText(L.saved).waitFor();
    const checkpoint = (await api.call('POST', `${sectionPath}/live/checkpoint`, { token: ownerToken })).json;
    const content = (await apiB.call('GET', `${sectionPath}/content`, { token: ownerToken })).json;
    check(content.revision === checkpoint.revision, `instance B serves the checkpoint (${checkpoint.revision}): ${content.revision}`);
    check(content.body === text, `the revision holds what everyone sees: ${JSON.stringify(content.body)} vs ${JSON.stringify(text)}`);
    await session.screen(amara, 'section-merged');
  });

  await t.step('the owner freezes the paper: an editor’s screen says her typing is not saved and turns read-only; nothing typed after is stored', async () => {
    const before = await editorText(amara);
    await api.call('POST', `/api/papers/${paperId}/status`, { token: ownerToken, body: { status: 'FROZEN', reason: 'Sent to the plenary' } });
    await liveEditor(bilal).click();
    await bilal.keyboard.press('ControlOrMeta+End');
    await bilal.keyboard.type(` ${AFTER_FREEZE}`, { delay: 15 });
    await liveStatus(bilal).getByText(L.frozen).waitFor();
    await sectionScreen(bilal).locator('.cm-content[aria-readonly="true"]').waitFor();
    await session.screen(bilal, 'section-frozen');
    // What the others see, and what the server holds, is the text from before the freeze.
    await sleep(1_000);
    check((await editorText(amara)) === before, `Amara sees nothing typed after the freeze: ${JSON.stringify(await editorText(amara))}`);
    check((await editorText(chen)) === before, `Chen sees nothing typed after the freeze: ${JSON.stringify(await editorText(chen))}`);
    const refused = await api.call('POST', `${sectionPath}/live/checkpoint`, { token: ownerToken, expect: [409] });
    check(/frozen/i.test(refused.json?.detail ?? ''), `a version of the frozen paper is refused: ${refused.text.slice(0, 300)}`);
    // Bilal's copy still holds what the server refused: she signs out (which deletes it, next
    // step) before the paper is reopened, so it cannot go up then.
    textWhenFrozen = before;
  });

  await t.step('signing out deletes the editor’s offline copies in this browser', async () => {
    const bilalId = (await api.call('GET', '/api/me', { token: await api.signIn(people.bilal.handle, people.bilal.password) })).json.id;
    const own = `plenary-live-${bilalId}-`;
    const databases = () => bilal.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
    const kept = (await databases()).filter((n) => n.startsWith(own));
    check(kept.includes(`${own}${paperId}-${sectionId}`), `the section’s offline copy is in IndexedDB before signing out: ${JSON.stringify(kept)}`);
    await bilal.getByRole('button', { name: L.signOut }).click();
    await bilal.getByRole('heading', { name: L.signIn, exact: true }).waitFor();
    /** @type {string[]} */
    let left = [];
    for (let i = 0; i < 20; i++) {
      left = (await databases()).filter((n) => n.startsWith(own));
      if (left.length === 0) break;
      await sleep(250);
    }
    check(left.length === 0, `no offline copy of Bilal’s is left after signing out: ${JSON.stringify(left)}`);
    const note = await bilal.evaluate(() => localStorage.getItem('plenary.liveStores'));
    check(!(note ?? '').includes(own), `nor a note of its name: ${note}`);
    await session.screen(bilal, 'signed-out');

    // Reopened, the paper's live text is still what it was when frozen.
    await api.call('POST', `/api/papers/${paperId}/status`, { token: ownerToken, body: { status: 'DRAFTING', reason: 'Back to drafting' } });
    const checkpoint = (await api.call('POST', `${sectionPath}/live/checkpoint`, { token: ownerToken })).json;
    const content = (await api.call('GET', `${sectionPath}/revisions/${checkpoint.revision}`, { token: ownerToken })).json;
    check(content.body === textWhenFrozen, `nothing typed after the freeze is stored: ${JSON.stringify(content.body)} vs ${JSON.stringify(textWhenFrozen)}`);
  });
}
