// Looking after a paper and oneself, through the web app: a reader flags a comment; an editor (on a
// phone-sized screen) finds it in the flagged queue on the paper's settings screen, is told why an empty reason will not do, and
// hides it; the reader then sees the editor's reason instead of the text. A search within the paper
// shows highlighted snippets (server text never becomes markup) and links to the section. The owner
// archives the paper, finds it again with "Show archived papers", brings it back, and pages through
// the audit log. The reader downloads her data, then erases her account after a wrong confirmation.
//
// Setup that is not what a step tests (the paper, its section, the accounts, the comment to flag)
// goes through the REST API; the steps go through the UI, found by role, label and text.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { VIEWPORTS, check } from '../lib/harness.mjs';
import { DEMO_TITLE, noHorizontalScroll, signInLocally } from './sign-in.mjs';

/** The app's English wording the scenario relies on (one place to adjust). */
const L = {
  flag: (/** @type {string} */ name) => new RegExp(`^flag the comment by ${name}$`, 'i'),
  flagReason: /^why flag it\?/i,
  flagSend: /^flag for the editors$/i,
  flaggedByMe: 'You flagged this comment.',
  queue: /^flagged comments$/i,
  hideSummary: (/** @type {string} */ name) => new RegExp(`^hide the comment by ${name}$`, 'i'),
  hideReason: /^why hide it\?/i,
  hideSend: /^hide the comment$/i,
  queueEmpty: 'No flagged comments are waiting.',
  search: /^words to find/i,
  searchButton: /^search$/i,
  archive: /^archive this paper$/i,
  unarchive: /^bring this paper back from the archive$/i,
  archivedNotice: 'This paper is archived.',
  showArchived: /^show archived papers$/i,
  auditOpen: /^show the audit log$/i,
  auditType: /^type of event/i,
  auditShow: /^show$/i,
  older: /^older events$/i,
  newer: /^newer events$/i,
  download: /^download my data$/i,
  eraseStart: /^i want to erase my account$/i,
  eraseConfirm: /^type erase to confirm/i,
  eraseSubmit: /^erase my account for good$/i,
  paperNav: /^paper$/i,
  settings: /^outline and settings$/i,
};

const HIDE_REASON = 'Personal attack on a participant; please restate the point.';
const FLAGGED_TEXT = 'Whoever wrote this section clearly knows nothing about radio.';

/** @param {any} t */
export async function run(t) {
  const { session, config, api } = t;
  const suffix = Date.now().toString(36);
  const ownerToken = await api.signIn(config.adminHandle, config.adminPassword);
  const editorAccount = { handle: `kofi${suffix}`, name: 'Kofi Mensah', password: 'amber kettle beside the quiet dune' };
  const readerAccount = { handle: `ines${suffix}`, name: 'Inès Duarte', password: 'seven herons over a silver lake' };
  const writerAccount = { handle: `tomas${suffix}`, name: 'Tomas Berg', password: 'copper bridges in the morning fog' };

  // ---- Setup through the API ---------------------------------------------------------------------
  const paperTitle = `Community media in crises ${suffix}`;
  const paperId = (await api.call('POST', '/api/papers', { token: ownerToken, body: { title: paperTitle, language: 'en' } })).json.id;
  const heading = 'Community radio as early warning';
  const sectionId = (
    await api.call('POST', `/api/papers/${paperId}/sections`, {
      token: ownerToken,
      body: {
        heading,
        kind: 'NARRATIVE',
        body: 'Community radio stations reach people when networks fail. Stations marked <b>radio</b> in the R&D "radio" registry get spare transmitters.',
      },
    })
  ).json.id;
  await joinByApi(api, ownerToken, paperId, 'EDITOR', editorAccount, 'GOVERNMENT_POLICY');
  await joinByApi(api, ownerToken, paperId, 'CONTRIBUTOR', readerAccount, 'CIVIL_SOCIETY');
  const writerToken = await joinByApi(api, ownerToken, paperId, 'CONTRIBUTOR', writerAccount, 'TECH_INDUSTRY');
  const commentId = (
    await api.call('POST', `/api/papers/${paperId}/sections/${sectionId}/comments`, { token: writerToken, body: { body: FLAGGED_TEXT } })
  ).json.comment.id;

  // ---- A reader flags the comment ---------------------------------------------------------------
  const reader = await session.persona('reader');
  await t.step('the reader flags a comment with a reason', async () => {
    await reader.goto('/');
    await signInLocally(reader, readerAccount.handle, readerAccount.password);
    await reader.locator('[data-screen="papers"]').waitFor();
    await reader.goto(`/#/papers/${paperId}/sections/${sectionId}`);
    const comments = reader.locator('[data-panel="comments"]');
    await comments.getByText(FLAGGED_TEXT).waitFor();
    await comments.getByRole('button', { name: L.flag(writerAccount.name) }).click();
    await comments.getByLabel(L.flagReason).fill('Insulting, not about the text.');
    await comments.getByRole('button', { name: L.flagSend }).click();
    await comments.getByText(L.flaggedByMe).waitFor();
    check((await comments.getByRole('button', { name: L.flag(writerAccount.name) }).count()) === 0, 'a comment is flagged once: the Flag button is gone');
  });

  // ---- The editor hides it from the queue (phone-sized screen) ---------------------------------
  const editor = await session.persona('editor', { viewport: VIEWPORTS.phone });
  await t.step('the editor finds the comment in the flagged queue, on a phone', async () => {
    await editor.goto('/');
    await signInLocally(editor, editorAccount.handle, editorAccount.password);
    await editor.locator('[data-screen="papers"]').waitFor();
    await editor.goto(`/#/papers/${paperId}/settings`);
    const queue = editor.locator('[data-panel="flagged"]');
    await queue.getByRole('heading', { name: L.queue }).waitFor();
    await queue.getByText(FLAGGED_TEXT).waitFor();
    await queue.getByText('Flags: 1').waitFor();
    await session.screen(editor, 'flagged-queue-phone');
    await noHorizontalScroll(editor, 'the paper’s settings with the flagged queue on a phone');
  });

  await t.step('a blank reason is refused next to its field, and what was typed stays', async () => {
    const queue = editor.locator('[data-panel="flagged"]');
    await queue.getByText(L.hideSummary(writerAccount.name)).click();
    const reason = queue.getByLabel(L.hideReason);
    const stopExpecting = session.expectConsoleError('editor', /status of 4\d\d.*\/hide/);
    await reason.fill('   ');
    await queue.getByRole('button', { name: L.hideSend }).click();
    await queue.locator('.field-error').filter({ hasText: /\S/ }).first().waitFor();
    check((await reason.getAttribute('aria-invalid')) === 'true', 'the reason field is marked invalid');
    check((await reason.inputValue()) === '   ', 'the typed reason is kept after the refusal');
    stopExpecting();
  });

  await t.step('the editor hides the comment with a reason and the queue empties', async () => {
    const queue = editor.locator('[data-panel="flagged"]');
    await queue.getByLabel(L.hideReason).fill(HIDE_REASON);
    await queue.getByRole('button', { name: L.hideSend }).click();
    await queue.getByText(L.queueEmpty).waitFor();
    const view = (await api.call('GET', `/api/papers/${paperId}/comments/${commentId}`, { token: ownerToken })).json;
    check(view.comment.hidden === true && view.comment.hiddenReason === HIDE_REASON, 'the server has the comment hidden with the reason');
  });

  await t.step('the reader sees the editor’s reason instead of the comment', async () => {
    await reader.reload();
    const comments = reader.locator('[data-panel="comments"]');
    await comments.getByText(`Hidden by an editor: ${HIDE_REASON}`).waitFor();
    check((await comments.getByText(FLAGGED_TEXT).count()) === 0, 'the hidden text is not shown to the reader');
    await session.screen(reader, 'comment-hidden');
  });

  // ---- Search ------------------------------------------------------------------------------------
  await t.step('the reader searches the paper and opens a hit', async () => {
    await reader.goto(`/#/papers/${paperId}/settings`);
    const search = reader.locator('[data-panel="search"]');
    await search.getByLabel(L.search).fill('radio');
    await search.getByRole('button', { name: L.searchButton }).click();
    const hit = search.locator('.hit').first();
    await hit.waitFor();
    check((await hit.locator('mark').count()) > 0, 'the matches are highlighted');
    const snippet = hit.locator('.snippet');
    check((await snippet.locator('b').count()) === 0, 'markup in the section text is not turned into elements');
    const text = await snippet.innerText();
    check(text.includes('R&D "radio"') && !text.includes('&amp;'), `escaped characters show as themselves (${JSON.stringify(text)})`);
    await session.screen(reader, 'search-results');
    await hit.getByRole('link', { name: heading }).click();
    await reader.locator('[data-screen="section"]').waitFor();
    check(reader.url().endsWith(`#/papers/${paperId}/sections/${sectionId}`), `the hit opens its section (at ${reader.url()})`);
  });

  await t.step('the reader opens the versions of an edited comment', async () => {
    const edited = (
      await api.call('POST', `/api/papers/${paperId}/sections/${sectionId}/comments`, { token: writerToken, body: { body: 'Stations need spare batteries.' } })
    ).json.comment.id;
    await api.call('PATCH', `/api/papers/${paperId}/comments/${edited}`, { token: writerToken, body: { body: 'Stations need spare batteries and solar chargers.' } });
    await reader.reload();
    const comments = reader.locator('[data-panel="comments"]');
    const comment = comments.locator(`[data-comment-id="${edited}"]`);
    await comment.getByText('Stations need spare batteries and solar chargers.').waitFor();
    await comment.getByRole('button', { name: new RegExp(`^earlier versions of the comment by ${writerAccount.name}$`, 'i') }).click();
    const versions = comment.locator('.versions');
    await versions.getByText(/^Version 1,/).waitFor();
    await versions.getByText(/^Version 2,/).waitFor();
    await versions.getByText('Stations need spare batteries.', { exact: true }).waitFor();
  });

  await t.step('the editor compares two drafts of the section', async () => {
    const first = (
      await api.call('POST', `/api/papers/${paperId}/sections/${sectionId}/drafts`, {
        token: ownerToken,
        body: { body: 'Community radio stations reach people when networks fail.', rationale: 'Shorter.', submit: true },
      })
    ).json.id;
    const second = (
      await api.call('POST', `/api/papers/${paperId}/sections/${sectionId}/drafts`, {
        token: ownerToken,
        body: { body: 'Community radio stations reach everyone when networks fail.', rationale: 'Wider.', submit: true },
      })
    ).json.id;
    await editor.goto(`/#/papers/${paperId}/drafts/${first}`);
    const panel = editor.locator('[data-panel="compare"]');
    await panel.getByLabel(/^another draft of this section/i).selectOption(String(second));
    await panel.getByRole('button', { name: /^compare$/i }).click();
    await panel.getByText(`From draft ${first} to draft ${second}: 1 words added, 1 removed.`).waitFor();
    await panel.locator('ins').filter({ hasText: 'everyone' }).waitFor();
    await panel.locator('del').filter({ hasText: 'people' }).waitFor();
    await session.screen(editor, 'draft-compare-phone');
    await noHorizontalScroll(editor, 'the draft comparison on a phone');
  });

  // ---- Archive -----------------------------------------------------------------------------------
  const owner = await session.persona('owner');
  await t.step('the owner archives the paper; it is found again with "Show archived papers"', async () => {
    await owner.goto('/');
    await signInLocally(owner, config.adminHandle, config.adminPassword);
    await owner.locator('[data-screen="papers"]').waitFor();
    await owner.goto(`/#/papers/${paperId}/settings`);
    await owner.getByRole('button', { name: L.archive }).click();
    await owner.getByText(L.archivedNotice).waitFor();
    await owner.goto('/#/');
    const papers = owner.locator('[data-screen="papers"]');
    await papers.locator('.cards, .empty').first().waitFor();
    check((await papers.getByRole('link', { name: paperTitle }).count()) === 0, 'an archived paper is left out of the list');
    await papers.getByLabel(L.showArchived).check();
    const card = papers.locator('.card').filter({ has: owner.getByRole('link', { name: paperTitle }) });
    await card.getByText('Archived').waitFor();
    await session.screen(owner, 'papers-archived');
    await card.getByRole('link', { name: paperTitle }).click();
    await owner.locator('[data-screen="paper"]').getByText(L.archivedNotice).waitFor();
    await owner.getByRole('navigation', { name: L.paperNav }).getByRole('link', { name: L.settings }).click();
    await owner.getByRole('button', { name: L.unarchive }).click();
    await owner.getByRole('button', { name: L.archive }).waitFor();
    const paper = (await api.call('GET', `/api/papers/${paperId}`, { token: ownerToken })).json;
    check(paper.archived === false, 'the paper is back from the archive');
  });

  // ---- Audit log ---------------------------------------------------------------------------------
  await t.step('the owner reads the audit log, filtered and paged', async () => {
    const audit = owner.locator('[data-panel="audit"]');
    await audit.getByText(L.auditOpen).click();
    await audit.locator('table').waitFor();
    await audit.getByText('paper.archived').first().waitFor();
    await audit.getByLabel(L.auditType).fill('comment.*');
    await audit.getByRole('button', { name: L.auditShow }).click();
    // The filter leaves out other events (the archiving is the newest one without it).
    await audit.getByText('paper.archived').first().waitFor({ state: 'detached' });
    await audit.getByText('comment.hidden').first().waitFor();
    await audit.getByLabel(L.auditType).fill('');
    await audit.getByRole('button', { name: L.auditShow }).click();
    await audit.getByText(/^Events 1–\d+ of \d+\.$/).waitFor();
    await session.screen(owner, 'audit-log');
  });

  await t.step('the audit log of the demo paper pages by keyboard', async () => {
    const demo = (await api.call('GET', '/api/papers?all=true&size=100', { token: ownerToken })).json.items.find((/** @type {any} */ p) => p.title === DEMO_TITLE);
    check(demo !== undefined, 'the demo paper is there');
    await owner.goto(`/#/papers/${demo.id}/settings`);
    const audit = owner.locator('[data-panel="audit"]');
    await audit.getByText(L.auditOpen).click();
    await audit.getByText(/^Events 1–20 of \d+\.$/).waitFor();
    await audit.getByRole('button', { name: L.older }).focus();
    await owner.keyboard.press('Enter');
    await audit.getByText(/^Events 21–\d+ of \d+\.$/).waitFor();
    await audit.getByText(/^Page 2 of \d+$/).waitFor();
    await audit.getByRole('button', { name: L.newer }).focus();
    await owner.keyboard.press('Enter');
    await audit.getByText(/^Events 1–20 of \d+\.$/).waitFor();
  });

  // ---- Your data ---------------------------------------------------------------------------------
  await t.step('the reader downloads her data as a JSON file', async () => {
    await reader.goto('/#/profile');
    const panel = reader.locator('[data-panel="data"]');
    await panel.getByRole('button', { name: L.download }).waitFor();
    await session.screen(reader, 'profile-data');
    const [download] = await Promise.all([reader.waitForEvent('download'), panel.getByRole('button', { name: L.download }).click()]);
    check(/^plenary-my-data-\d{4}-\d{2}-\d{2}\.json$/.test(download.suggestedFilename()), `the file is named for its content (${download.suggestedFilename()})`);
    const file = path.join(config.downloads, `${suffix}-${download.suggestedFilename()}`);
    await download.saveAs(file);
    const data = JSON.parse(await readFile(file, 'utf8'));
    check(JSON.stringify(data).includes(readerAccount.handle), 'the downloaded data is the reader’s');
  });

  await t.step('the reader erases her account after a wrong confirmation', async () => {
    const panel = reader.locator('[data-panel="erasure"]');
    await panel.getByText(L.eraseStart).click();
    const confirm = panel.getByLabel(L.eraseConfirm);
    const stopExpecting = session.expectConsoleError('reader', /status of 4\d\d.*\/api\/me\/erasure/);
    await confirm.fill('erase');
    await panel.getByRole('button', { name: L.eraseSubmit }).click();
    await panel.locator('.field-error').filter({ hasText: /ERASE/ }).waitFor();
    check((await confirm.inputValue()) === 'erase', 'the typed confirmation is kept after the refusal');
    stopExpecting();
    await session.screen(reader, 'erasure-refused');
    await confirm.fill('ERASE');
    await panel.getByRole('button', { name: L.eraseSubmit }).click();
    await reader.getByText('Your account is erased.').first().waitFor();
    const signIn = await api.call('POST', '/api/auth/sign-in', { body: { handle: readerAccount.handle, password: readerAccount.password }, expect: [400, 401, 403, 422] });
    check(signIn.status >= 400, 'the erased account cannot sign in');
  });
}

/** An account with a role in the paper, through an invitation link; returns its token. */
async function joinByApi(/** @type {any} */ api, /** @type {string} */ ownerToken, /** @type {number} */ paperId, /** @type {string} */ role, /** @type {{handle: string, name: string, password: string}} */ who, /** @type {string} */ group) {
  const invitation = (await api.call('POST', `/api/papers/${paperId}/invitations`, { token: ownerToken, body: { role } })).json;
  const signedUp = await api.call('POST', `/api/invitations/${invitation.token}/sign-up`, {
    body: { handle: who.handle, displayName: who.name, password: who.password, stakeholderGroup: group },
  });
  return /** @type {string} */ (signedUp.json.token);
}
