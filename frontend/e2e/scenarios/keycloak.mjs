// Signing in with Keycloak (authorization code + PKCE, issue 7) against a real Keycloak: the
// sign-in page's button, Keycloak's own login form, back in the app as the Keycloak user (an
// editor of the demo paper, known there by her Keycloak id), a refused access token renewed with
// the refresh token, a refused refresh token that sends her through Keycloak again without losing
// her unsaved text, and signing out of Keycloak too.
//
// Needs PLENARY_KEYCLOAK_URL (the realm Plenary trusts, which must also let the web app's origin
// sign in with its client plenary-web), PLENARY_KEYCLOAK_USER and PLENARY_KEYCLOAK_PASSWORD;
// WebAppIT sets them up.
import { check } from '../lib/harness.mjs';
import { DEMO_TITLE } from './sign-in.mjs';

/** The app's English wording the scenario relies on. */
const L = {
  signIn: 'Sign in',
  withKeycloak: /^sign in with keycloak$/i,
  papers: 'Papers',
  signOut: /^sign out$/i,
  expired: /your session has expired/i,
  editorText: /^section text/i,
  saveVersion: /^save version$/i,
  allSaved: /all changes saved/i,
};

const UNSAVED_SENTENCE = 'Typed while Keycloak ended the session, and not lost.';

/** @param {any} t */
export async function run(t) {
  const { session, config, api } = t;
  const realm = required(config.keycloakUrl, 'PLENARY_KEYCLOAK_URL');
  const user = required(process.env.PLENARY_KEYCLOAK_USER, 'PLENARY_KEYCLOAK_USER');
  const password = required(process.env.PLENARY_KEYCLOAK_PASSWORD, 'PLENARY_KEYCLOAK_PASSWORD');

  await t.step('the server offers Keycloak sign-in with this realm', async () => {
    const methods = (await api.call('GET', '/api/auth/methods')).json;
    check(methods?.singleSignOn?.issuer === realm, `GET /api/auth/methods names the realm ${realm}: ${JSON.stringify(methods)}`);
    check(methods.singleSignOn.clientId === 'plenary-web', `the web app signs in as plenary-web: ${JSON.stringify(methods)}`);
  });

  const page = await session.persona('keycloak-user');
  const signInHeading = page.getByRole('heading', { name: L.signIn, exact: true, level: 1 });

  await t.step('the sign-in page offers Keycloak, whose login form asks for the user', async () => {
    await page.goto('/');
    await session.screen(page, 'sign-in', page.getByRole('button', { name: L.withKeycloak }));
    await page.getByRole('button', { name: L.withKeycloak }).click();
    await keycloakForm(page, realm);
  });

  await t.step('after Keycloak’s login form she is back in the app, signed in, on her papers', async () => {
    await keycloakLogin(page, user, password);
    await page.getByRole('heading', { name: L.papers, exact: true, level: 1 }).waitFor();
    check(new URL(page.url()).origin === new URL(config.baseUrl).origin, `back on Plenary, not on ${page.url()}`);
    check(!/[?&](code|state)=/.test(page.url()), `the address no longer carries the authorization code: ${page.url()}`);
    // The name Keycloak gave her is the one the header shows.
    const name = claims(await accessToken(page)).name;
    check(typeof name === 'string' && name !== '', 'the access token names her');
    await page.getByRole('link', { name: `Profile (${name})` }).waitFor();
    // The demo paper made her an editor by her Keycloak id, before she ever signed in.
    await page.getByRole('heading', { name: DEMO_TITLE }).waitFor();
    await session.screen(page, 'papers');
  });

  const { paperId, sectionId } = await t.step('a reload keeps her signed in (the tokens live in the tab)', async () => {
    await page.reload();
    await page.getByRole('heading', { name: DEMO_TITLE }).waitFor();
    const token = await accessToken(page);
    const papers = (await api.call('GET', '/api/papers?page=0&size=100', { token })).json.items;
    const paper = papers.find((/** @type {any} */ p) => p.title === DEMO_TITLE);
    check(paper !== undefined, 'her token lists the demo paper through the API');
    const sections = (await api.call('GET', `/api/papers/${paper.id}/sections`, { token })).json;
    return { paperId: paper.id, sectionId: sections[sections.length - 1].id };
  });

  await t.step('a refused access token is renewed with the refresh token, and the save goes through', async () => {
    await page.goto(`/#/papers/${paperId}/sections/${sectionId}`);
    const screen = page.locator('[data-screen="section"]');
    const editor = screen.getByRole('textbox', { name: L.editorText }).and(screen.locator('[contenteditable="true"]'));
    // The live text is there and in sync: she may type.
    await screen.getByText(L.allSaved).first().waitFor();
    await editor.click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Renewed without a word.');
    await editor.getByText('Renewed without a word.').waitFor();
    await screen.getByText(L.allSaved).first().waitFor();
    // Chromium logs the refused request; the app answers it by asking Keycloak for a new token.
    const refused = session.expectConsoleError('keycloak-user', /status of 401/);
    const forged = await spoilToken(page);
    await screen.getByRole('button', { name: L.saveVersion }).first().click();
    await screen.getByText(/(saved as|nothing changed since) revision/i).first().waitFor();
    refused();
    check((await accessToken(page)) !== forged, 'the app holds a new access token from Keycloak');
    const body = (await api.call('GET', `/api/papers/${paperId}/sections/${sectionId}/content`, { token: await accessToken(page) })).json.body;
    check(body.includes('Renewed without a word.'), `the text was saved under her name: ${JSON.stringify(body)}`);
  });

  await t.step('when Keycloak refuses the refresh token too, she signs in again and her unsaved text is kept', async () => {
    const screen = page.locator('[data-screen="section"]');
    const editor = screen.getByRole('textbox', { name: L.editorText }).and(screen.locator('[contenteditable="true"]'));
    await editor.click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type(UNSAVED_SENTENCE);
    await editor.getByText(UNSAVED_SENTENCE).waitFor();
    // Keycloak revokes the refresh token (RFC 7009), as when her Keycloak session is ended; the
    // server refuses the access token.
    const refreshToken = await page.evaluate(() => sessionStorage.getItem('plenary.refresh'));
    check(refreshToken !== null, 'a Keycloak sign-in keeps a refresh token');
    const revoked = await fetch(`${realm}/protocol/openid-connect/revoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: 'plenary-web', token: /** @type {string} */ (refreshToken), token_type_hint: 'refresh_token' }),
    });
    check(revoked.ok, `Keycloak revoked the refresh token (${revoked.status})`);
    const refused = session.expectConsoleError('keycloak-user', /status of 40[01]/);
    await spoilToken(page);
    await screen.getByRole('button', { name: L.saveVersion }).first().click();
    await page.getByText(L.expired).first().waitFor();
    await signInHeading.waitFor();
    await session.screen(page, 'session-expired');
    refused();
    // Revoking the refresh token ended her Keycloak session: Keycloak asks for her password.
    await page.getByRole('button', { name: L.withKeycloak }).click();
    await keycloakForm(page, realm);
    await keycloakLogin(page, user, password);
    const again = page.locator('[data-screen="section"]');
    // Her text is in the live document (and on this device): the editor has it again (its preview
    // shows it; CodeMirror draws only the lines in view of this long section).
    await again.locator('.preview').getByText(UNSAVED_SENTENCE).waitFor();
    check(page.url().endsWith(`#/papers/${paperId}/sections/${sectionId}`), `back on the section she was writing: ${page.url()}`);
    await again.getByText(L.allSaved).first().waitFor();
    await again.getByRole('button', { name: L.saveVersion }).first().click();
    await again.getByText(/(saved as|nothing changed since) revision/i).first().waitFor();
    const body = (await api.call('GET', `/api/papers/${paperId}/sections/${sectionId}/content`, { token: await accessToken(page) })).json.body;
    check(body.includes(UNSAVED_SENTENCE), `the text typed before the session ended was saved: ${JSON.stringify(body)}`);
  });

  await t.step('signing out ends the Keycloak session too and comes back to the sign-in page', async () => {
    await page.getByRole('button', { name: L.signOut }).click();
    await signInHeading.waitFor();
    check(new URL(page.url()).origin === new URL(config.baseUrl).origin, `Keycloak sent her back to Plenary, not to ${page.url()}`);
    check((await page.evaluate(() => sessionStorage.getItem('plenary.token'))) === null, 'no token is left in the tab');
    await session.screen(page, 'signed-out');
    // Keycloak no longer knows her: signing in again asks for her password.
    await page.getByRole('button', { name: L.withKeycloak }).click();
    await keycloakForm(page, realm);
  });
}

/** Keycloak's login form (not Plenary's page: no axe-core check here). */
async function keycloakForm(/** @type {import('playwright-core').Page} */ page, /** @type {string} */ realm) {
  await page.locator('#username').waitFor();
  check(page.url().startsWith(`${realm}/`), `the browser is at Keycloak's realm, not at ${page.url()}`);
}

async function keycloakLogin(/** @type {import('playwright-core').Page} */ page, /** @type {string} */ user, /** @type {string} */ password) {
  await page.locator('#username').fill(user);
  await page.locator('#password').fill(password);
  await page.locator('#kc-login').click();
}

/**
 * Makes the tab's access token one the server refuses (its signature reversed), as it refuses an
 * expired one: a token cannot be made to expire sooner. Returns the spoiled token.
 */
async function spoilToken(/** @type {import('playwright-core').Page} */ page) {
  return page.evaluate(() => {
    const [header, payload, signature] = (sessionStorage.getItem('plenary.token') ?? '').split('.');
    const spoiled = `${header}.${payload}.${[...(signature ?? '')].reverse().join('')}`;
    sessionStorage.setItem('plenary.token', spoiled);
    return spoiled;
  });
}

async function accessToken(/** @type {import('playwright-core').Page} */ page) {
  const token = await page.evaluate(() => sessionStorage.getItem('plenary.token'));
  check(token !== null, 'the tab holds an access token');
  return /** @type {string} */ (token);
}

/** The claims of a JWT (not verified: the server does that). */
function claims(/** @type {string} */ jwt) {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'));
}

function required(/** @type {string|undefined} */ value, /** @type {string} */ name) {
  check(value !== undefined && value !== '', `the keycloak scenario needs ${name} (WebAppIT sets it)`);
  return /** @type {string} */ (value);
}
