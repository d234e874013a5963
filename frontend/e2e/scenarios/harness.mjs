// The harness's own checks can fail: an axe-core violation and a console error planted in a page
// are caught. (A check that cannot fail proves nothing.)
import { Session, axeCheck, check } from '../lib/harness.mjs';

/** @param {any} t */
export async function run(t) {
  const { session, config } = t;
  const page = await session.persona('self-test');
  await page.goto('/');
  await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();

  await t.step('axe-core reports a planted violation, naming the rule', async () => {
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
      img.id = 'planted';
      document.body.append(img);
    });
    let message = '';
    try {
      await axeCheck(page, 'planted');
    } catch (e) {
      message = /** @type {Error} */ (e).message;
    }
    check(message.includes('image-alt') && message.includes('#planted'), `axe-core found the image without text: ${message || 'nothing reported'}`);
  });

  await t.step('console errors and uncaught exceptions are collected', async () => {
    const probe = new Session(session.browser, config, 'self-test-probe');
    const other = await probe.persona('probe');
    await other.goto('/');
    await other.evaluate(() => {
      console.error('planted console error');
      setTimeout(() => {
        throw new Error('planted exception');
      }, 0);
    });
    await other.waitForTimeout(200);
    await probe.close();
    const texts = probe.consoleErrors.map((e) => e.text).join(' | ');
    check(texts.includes('planted console error'), `the console error was collected: ${texts}`);
    check(texts.includes('planted exception'), `the uncaught exception was collected: ${texts}`);
  });

  await t.step('the page runs no injected inline script, and the refusal is a console error', async () => {
    const probe = new Session(session.browser, config, 'self-test-csp');
    const other = await probe.persona('csp');
    await other.goto('/');
    const ran = await other.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.plantedInline = true;';
      document.body.append(script);
      return /** @type {any} */ (window).plantedInline === true;
    });
    await other.waitForTimeout(200);
    await probe.close();
    const texts = probe.consoleErrors.map((e) => e.text).join(' | ');
    check(!ran, 'the inline script did not run');
    check(texts.includes('Content Security Policy'), `the refusal was collected: ${texts}`);
  });
}
