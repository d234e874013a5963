// Signing in with a local account, the papers list, the French locale and a phone-sized screen:
// what the web app offers since the Foundation.
import { VIEWPORTS, check } from '../lib/harness.mjs';

export const DEMO_TITLE = 'Partnering with the tech industry for peace and human security';

/**
 * Fills the local sign-in form and submits it.
 * @param {import('playwright-core').Page} page
 * @param {string} handle
 * @param {string} password
 * @param {{handle: RegExp, password: RegExp, submit: RegExp}} [labels]
 */
export async function signInLocally(page, handle, password, labels = { handle: /^handle\b/i, password: /^password\b/i, submit: /^sign in$/i }) {
  await page.getByLabel(labels.handle).fill(handle);
  await page.getByLabel(labels.password).fill(password);
  await page.getByRole('button', { name: labels.submit }).click();
}

/** @param {any} t */
export async function run(t) {
  const { session, config } = t;
  const visitor = await session.persona('visitor');

  await t.step('an anonymous visitor is asked to sign in', async () => {
    await visitor.goto('/');
    await session.screen(visitor, 'sign-in', visitor.getByRole('heading', { name: 'Sign in', exact: true }));
    check((await visitor.locator('html').getAttribute('lang')) === 'en', 'the page says it is in English');
  });

  await t.step('a wrong password shows the server’s message next to the form', async () => {
    // Chromium logs every failed request as a console error: this 401 is the point of the step.
    session.expectConsoleError('visitor', /status of 401.*\/api\/auth\/sign-in/);
    await signInLocally(visitor, config.adminHandle, 'not the right password at all');
    const alert = visitor.getByRole('alert');
    await alert.waitFor();
    const text = await alert.innerText();
    check(
      text.includes('The handle or password is not right.'),
      `the alert gives the server’s problem detail in plain words: ${JSON.stringify(text)}`,
    );
    await session.screen(visitor, 'sign-in-failed');
  });

  await t.step('the administrator signs in with the one-time password and sees the demo paper', async () => {
    await signInLocally(visitor, config.adminHandle, config.adminPassword);
    await visitor.getByRole('heading', { name: DEMO_TITLE }).waitFor();
    await visitor.getByRole('button', { name: 'Sign out' }).waitFor();
    await session.screen(visitor, 'papers', visitor.getByRole('heading', { name: 'Papers', exact: true, level: 1 }));
  });

  await t.step('the papers list in French (?lang=fr)', async () => {
    await visitor.goto('/?lang=fr');
    await visitor.getByRole('heading', { name: 'Textes', exact: true, level: 1 }).waitFor();
    await visitor.getByRole('heading', { name: DEMO_TITLE }).waitFor();
    check((await visitor.locator('html').getAttribute('lang')) === 'fr', 'the page says it is in French');
    await session.screen(visitor, 'papers-fr');
  });

  await t.step('signing out returns to the sign-in form', async () => {
    await visitor.goto('/?lang=en');
    await visitor.getByRole('button', { name: 'Sign out' }).click();
    await visitor.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
    await visitor.reload();
    await visitor.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
  });

  const phone = await session.persona('phone', { viewport: VIEWPORTS.phone });
  await t.step('on a phone-sized screen: sign in and the papers list, without sideways scrolling', async () => {
    await phone.goto('/');
    await phone.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
    await noHorizontalScroll(phone, 'sign-in on a phone');
    await session.screen(phone, 'phone-sign-in');
    await signInLocally(phone, config.adminHandle, config.adminPassword);
    await phone.getByRole('heading', { name: DEMO_TITLE }).waitFor();
    await noHorizontalScroll(phone, 'papers on a phone');
    await session.screen(phone, 'phone-papers');
  });

  await t.step('keyboard only: the skip link reaches the main content, and the page stays', async () => {
    await phone.goto('/');
    await phone.getByRole('heading', { name: DEMO_TITLE }).waitFor();
    // Start from the top of the document: a tap on the page's top left corner (no control there)
    // moves where Tab starts from.
    await phone.mouse.click(1, 1);
    await phone.keyboard.press('Tab');
    const focused = await phone.evaluate(() => document.activeElement?.textContent ?? '');
    check(/skip/i.test(focused), `the first Tab lands on the skip link, not on ${JSON.stringify(focused)}`);
    await phone.keyboard.press('Enter');
    const inMain = await phone.evaluate(() => document.activeElement?.closest('main') !== null);
    check(inMain, 'Enter on the skip link moves the focus into the main content');
    check(
      await phone.getByRole('heading', { name: DEMO_TITLE }).isVisible(),
      `the papers are still shown after the skip link (the page shows ${JSON.stringify(await phone.locator('h1').first().innerText())})`,
    );
  });
}

/**
 * The page fits the viewport's width: nothing needs sideways scrolling.
 * @param {import('playwright-core').Page} page
 * @param {string} what
 */
export async function noHorizontalScroll(page, what) {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  check(scroll <= width, `${what}: the page is ${scroll} px wide in a ${width} px viewport`);
}
