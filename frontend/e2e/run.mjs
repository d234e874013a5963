#!/usr/bin/env node
// Runs the browser end-to-end scenarios against a running Plenary.
//
//   PLENARY_URL=http://127.0.0.1:8080 PLENARY_ADMIN_PASSWORD=… node run.mjs [scenario …]
//
// Without arguments it runs the scenarios in DEFAULT_SCENARIOS. Each is a module in scenarios/
// exporting `run(t)`. Output: one line per step, the failures in plain words, then a closing
// "N passed, N failed" line; the exit status is 0 only when every scenario passed.
//
// Environment:
//   PLENARY_URL              Plenary's base URL (required)
//   PLENARY_URL_B            a second instance of that Plenary, on the same PostgreSQL
//                            (scenario coedit-scale)
//   PLENARY_ADMIN_HANDLE     first administrator's handle (default admin)
//   PLENARY_ADMIN_PASSWORD   its password (required)
//   PLENARY_KEYCLOAK_URL     the Keycloak realm Plenary trusts (scenario keycloak; its client
//                            plenary-web must accept this Plenary's origin as a redirect URI)
//   PLENARY_KEYCLOAK_USER    a user of that realm (scenario keycloak)
//   PLENARY_KEYCLOAK_PASSWORD  that user's password
//   E2E_SCREENSHOTS          where screenshots go (default ../../target/e2e/screenshots)
//   E2E_DOWNLOADS            where downloaded files go (default ../../target/e2e/downloads)
//   E2E_CHROMIUM             the Chromium executable (default /usr/bin/chromium)
//   E2E_TIMEOUT_MS           timeout of each browser action (default 15000)
//   E2E_KEEP_GOING=1         diagnosis: when a step fails, note it, do its effect through the API
//                            (its fallback, if it has one) and go on (the scenario still fails),
//                            so one run lists every step that fails
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Session, api, launchBrowser } from './lib/harness.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** What `node run.mjs` runs. */
export const DEFAULT_SCENARIOS = ['harness', 'sign-in', 'keycloak', 'workshop', 'moderation', 'import', 'coedit', 'coedit-scale'];

function required(/** @type {string} */ name) {
  const value = process.env[name];
  if (!value) {
    console.error(`e2e: set ${name}`);
    process.exit(2);
  }
  return value;
}

/** @type {import('./lib/harness.mjs').Config} */
const config = {
  baseUrl: required('PLENARY_URL').replace(/\/+$/, ''),
  secondUrl: process.env.PLENARY_URL_B?.replace(/\/+$/, '') || undefined,
  adminHandle: process.env.PLENARY_ADMIN_HANDLE || 'admin',
  adminPassword: required('PLENARY_ADMIN_PASSWORD'),
  keycloakUrl: process.env.PLENARY_KEYCLOAK_URL || undefined,
  screenshots: path.resolve(process.env.E2E_SCREENSHOTS || path.join(HERE, '../../target/e2e/screenshots')),
  downloads: path.resolve(process.env.E2E_DOWNLOADS || path.join(HERE, '../../target/e2e/downloads')),
  chromium: process.env.E2E_CHROMIUM || '/usr/bin/chromium',
  timeoutMs: Number(process.env.E2E_TIMEOUT_MS || 15_000),
};

/**
 * A failure in plain words: a failed check's message, or a browser action's error with the first
 * lines of its call log (which say what was looked for), or a program error's stack.
 * @param {unknown} error
 */
function describe(error) {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'CheckFailed') return error.message;
  const lines = error.message.replace(/\u001b\[[0-9;]*m/g, '').split('\n').filter((line) => line.trim() !== '');
  if (lines.length > 1 && /^(page|locator|frame|elementHandle|browserContext)\.\w+:/.test(lines[0] ?? '')) {
    return lines.slice(0, 6).join('\n');
  }
  return error.stack ?? error.message;
}

const KEEP_GOING = process.env.E2E_KEEP_GOING === '1';
const names = process.argv.slice(2).length > 0 ? process.argv.slice(2) : DEFAULT_SCENARIOS;
const started = Date.now();
const seconds = (/** @type {number} */ since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

console.log(`e2e: ${names.join(', ')} against ${config.baseUrl} with ${config.chromium}`);
const browser = await launchBrowser(config);
console.log(`e2e: Chromium ${browser.version()} (${seconds(started)})`);

let passed = 0;
let failed = 0;
/** @type {string[]} */
const failures = [];
try {
  for (const name of names) {
    const scenario = await import(`./scenarios/${name}.mjs`);
    const session = new Session(browser, config, name);
    const scenarioStart = Date.now();
    console.log(`\n▶ ${name}`);
    /** @type {unknown} */
    let error;
    /** @type {string[]} */
    const stepFailures = [];
    const t = {
      session,
      config,
      api: api(config.baseUrl),
      /**
       * One named step of the scenario, logged with its time.
       * @template T
       * @param {string} stepName
       * @param {() => Promise<T>} body
       * @param {{fallback?: () => Promise<T>}} [options]  the step's effect through the API
       * @returns {Promise<T>}
       */
      async step(stepName, body, options = {}) {
        session.stepName = stepName;
        const stepStart = Date.now();
        try {
          const result = await body();
          console.log(`  ✓ ${stepName} (${seconds(stepStart)})`);
          return result;
        } catch (e) {
          console.log(`  ✗ ${stepName} (${seconds(stepStart)})`);
          await session.failureScreenshots();
          if (!KEEP_GOING) throw e;
          // Diagnosis only: note the failure, do the step's effect through the API, go on to find
          // every step that fails. The scenario fails all the same.
          const message = describe(e);
          stepFailures.push(`step "${stepName}": ${message}`);
          console.log(`    ${message.split('\n').join('\n    ')}\n    (E2E_KEEP_GOING: done through the API instead)`);
          return /** @type {T} */ (options.fallback === undefined ? undefined : await options.fallback());
        }
      },
    };
    try {
      await scenario.run(t);
    } catch (e) {
      error = e;
    }
    await session.close();
    /** @type {string[]} */
    const problems = [...stepFailures];
    if (error !== undefined) {
      const e = /** @type {Error} */ (error);
      problems.push(describe(e));
    }
    if (session.consoleErrors.length > 0) {
      problems.push(
        `${session.consoleErrors.length} console error(s):\n` +
          session.consoleErrors.map((c) => `  - [${c.persona}] ${c.text}\n      at ${c.url}`).join('\n'),
      );
    }
    if (problems.length === 0) {
      passed++;
      console.log(`✔ ${name} passed (${seconds(scenarioStart)}, ${session.screens.length} screenshots)`);
    } else {
      failed++;
      const text = problems.join('\n');
      failures.push(`${name}:\n${text}`);
      console.log(`✘ ${name} FAILED (${seconds(scenarioStart)})\n${text}`);
    }
  }
} finally {
  await browser.close();
}

console.log(`\ne2e: screenshots in ${config.screenshots}`);
if (failures.length > 0) {
  console.log(`\nFailures:\n${failures.join('\n\n')}`);
}
console.log(`e2e: done in ${seconds(started)}`);
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
