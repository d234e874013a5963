// The browser test harness: one Chromium for the whole run, a browser context per persona, and the
// checks every scenario gets for free (no console errors, zero axe-core violations on each main
// screen, a screenshot of each main screen).
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
/**
 * axe-core's browser build, evaluated in pages through the DevTools protocol: the app's
 * Content-Security-Policy (script-src 'self') refuses an injected inline script tag, as it should.
 */
export const AXE_PATH = require.resolve('axe-core/axe.min.js');
const AXE_SOURCE = readFileSync(AXE_PATH, 'utf8');

/** WCAG 2.0 and 2.1, levels A and AA: the rules the issue asks for. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * @typedef {object} Config
 * @property {string} baseUrl            Plenary's URL, e.g. http://127.0.0.1:8080
 * @property {string|undefined} secondUrl a second instance of that Plenary (same PostgreSQL)
 * @property {string} adminHandle
 * @property {string} adminPassword
 * @property {string} screenshots        directory for the screenshots
 * @property {string} downloads          directory for downloaded files
 * @property {string} chromium           path of the Chromium executable
 * @property {number} timeoutMs          default timeout of each browser action
 * @property {string|undefined} keycloakUrl realm URL when Keycloak sign-in is to be tested
 */

/** An error that names what failed in plain words; the runner prints only its message. */
export class CheckFailed extends Error {
  name = 'CheckFailed';
}

/** Fails with `message` unless `condition` holds. */
export function check(condition, message) {
  if (!condition) throw new CheckFailed(message);
}

/** Launches the one Chromium of the run. */
export async function launchBrowser(/** @type {Config} */ config) {
  return chromium.launch({
    executablePath: config.chromium,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
}

/** Sizes of the two viewports the scenarios use. */
export const VIEWPORTS = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
};

/**
 * What one scenario sees: personas (a browser context and page each), the screen check, and the
 * console errors collected across all its pages.
 */
export class Session {
  /**
   * @param {import('playwright-core').Browser} browser
   * @param {Config} config
   * @param {string} scenario name, used in screenshot file names
   */
  constructor(browser, config, scenario) {
    this.browser = browser;
    this.config = config;
    this.scenario = scenario;
    /** @type {{persona: string, text: string, url: string}[]} */
    this.consoleErrors = [];
    /** @type {{persona: string, pattern: RegExp}[]} */
    this.expectedErrors = [];
    /** @type {import('playwright-core').BrowserContext[]} */
    this.contexts = [];
    /** @type {string[]} */
    this.screens = [];
    /** @type {Map<string, import('playwright-core').Page>} */
    this.pages = new Map();
    this.stepName = '';
  }

  /**
   * A new person at a new browser (own context: own storage, own session).
   * @param {string} name
   * @param {{viewport?: {width: number, height: number}, locale?: string, isMobile?: boolean}} [options]
   */
  async persona(name, options = {}) {
    const phone = options.viewport === VIEWPORTS.phone;
    const context = await this.browser.newContext({
      baseURL: this.config.baseUrl,
      viewport: options.viewport ?? VIEWPORTS.desktop,
      locale: options.locale ?? 'en-GB',
      acceptDownloads: true,
      isMobile: options.isMobile ?? phone,
      hasTouch: phone,
      deviceScaleFactor: 1,
    });
    context.setDefaultTimeout(this.config.timeoutMs);
    context.setDefaultNavigationTimeout(this.config.timeoutMs);
    this.contexts.push(context);
    const page = await context.newPage();
    this.pages.set(name, page);
    this.watch(name, page);
    context.on('page', (other) => this.watch(name, other));
    return page;
  }

  /** Collects console errors and uncaught exceptions of a page. */
  watch(/** @type {string} */ persona, /** @type {import('playwright-core').Page} */ page) {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const location = message.location();
      const text = message.text();
      const url = location.url ?? '';
      if (this.expectedErrors.some((e) => e.persona === persona && e.pattern.test(`${text} ${url}`))) {
        return;
      }
      this.consoleErrors.push({ persona, text, url: `${url}${location.lineNumber ? `:${location.lineNumber}` : ''} (step: ${this.stepName})` });
    });
    page.on('pageerror', (error) => {
      this.consoleErrors.push({
        persona,
        text: `uncaught ${error.name}: ${error.message}`,
        url: `${page.url()} (step: ${this.stepName})`,
      });
    });
  }

  /**
   * Declares a console error the browser itself logs for a request the scenario makes fail on
   * purpose (Chromium logs "Failed to load resource: … 401" for every failed fetch). Only errors
   * of this persona matching `pattern` (against "text url") are accepted.
   * @param {string} persona
   * @param {RegExp} pattern
   */
  expectConsoleError(persona, pattern) {
    const expected = { persona, pattern };
    this.expectedErrors.push(expected);
    /** No longer expected (call when the step that causes it is over). */
    return () => {
      this.expectedErrors = this.expectedErrors.filter((e) => e !== expected);
    };
  }

  /**
   * A main screen is showing: waits for it, runs axe-core on the whole document, and saves a
   * screenshot as `<scenario>-<name>.png`.
   * @param {import('playwright-core').Page} page
   * @param {string} name   screenshot name
   * @param {import('playwright-core').Locator} [ready]  what shows that the screen is ready
   */
  async screen(page, name, ready) {
    if (ready !== undefined) await ready.first().waitFor({ state: 'visible' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await axeCheck(page, name);
    const file = path.join(this.config.screenshots, `${this.scenario}-${name}.png`);
    await mkdir(this.config.screenshots, { recursive: true });
    await page.screenshot({ path: file, fullPage: true });
    this.screens.push(file);
  }

  /**
   * After a failed step: a screenshot of every open page, `<scenario>-FAILED-<persona>.png`, to see
   * what the browser showed. Never fails itself.
   */
  async failureScreenshots() {
    await mkdir(this.config.screenshots, { recursive: true }).catch(() => {});
    for (const [persona, page] of this.pages) {
      if (page.isClosed()) continue;
      const file = path.join(this.config.screenshots, `${this.scenario}-FAILED-${persona}.png`);
      await page.screenshot({ path: file, fullPage: true, timeout: 5_000 }).catch(() => {});
    }
  }

  async close() {
    for (const context of this.contexts) {
      await context.close().catch(() => {});
    }
  }
}

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) on the page and fails, listing each violation with the
 * elements it concerns, unless there are none.
 * @param {import('playwright-core').Page} page
 * @param {string} name
 */
export async function axeCheck(page, name) {
  const loaded = await page.evaluate(() => typeof (/** @type {any} */ (window).axe) !== 'undefined');
  if (!loaded) await page.evaluate(`${AXE_SOURCE}\n;true`);
  const results = await page.evaluate(
    (tags) =>
      /** @type {any} */ (window).axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      }),
    AXE_TAGS,
  );
  /** @type {any[]} */
  const violations = results.violations;
  if (violations.length === 0) return;
  const lines = [`${violations.length} axe-core violation(s) on screen "${name}" (${page.url()}):`];
  for (const v of violations) {
    lines.push(`  - ${v.id} [${v.impact}] ${v.help} (${v.helpUrl})`);
    for (const node of v.nodes.slice(0, 8)) {
      lines.push(`      at ${node.target.join(' ')}: ${node.html.replace(/\s+/g, ' ').slice(0, 160)}`);
      const summary = (node.failureSummary ?? '').replace(/\s+/g, ' ').trim();
      if (summary) lines.push(`        ${summary.slice(0, 300)}`);
    }
    if (v.nodes.length > 8) lines.push(`      … and ${v.nodes.length - 8} more`);
  }
  throw new CheckFailed(lines.join('\n'));
}

/**
 * A small REST client for setup that is not what a scenario tests (accounts, extra members).
 * @param {string} baseUrl
 */
export function api(baseUrl) {
  /**
   * @param {string} method
   * @param {string} pathAndQuery
   * @param {{token?: string, body?: unknown, headers?: Record<string, string>, expect?: number[]}} [options]
   */
  async function call(method, pathAndQuery, options = {}) {
    /** @type {Record<string, string>} */
    const headers = { Accept: 'application/json', ...(options.headers ?? {}) };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    /** @type {RequestInit} */
    const init = { method, headers };
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(options.body);
    }
    const response = await fetch(new URL(pathAndQuery, baseUrl), init);
    const text = await response.text();
    const expect = options.expect ?? [200, 201, 204];
    if (!expect.includes(response.status)) {
      throw new CheckFailed(`${method} ${pathAndQuery} answered ${response.status}: ${text.slice(0, 500)}`);
    }
    let json;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, json, text };
  }
  return {
    call,
    /** Signs in a local account and returns its token. */
    async signIn(/** @type {string} */ handle, /** @type {string} */ password) {
      const r = await call('POST', '/api/auth/sign-in', { body: { handle, password } });
      return /** @type {string} */ (r.json.token);
    },
  };
}
