/** Renders the page. All text comes from strings.ts or from the server, inserted as plain text. */
import { apiUrl } from './api';
import { h } from './dom';
import { formatCount, formatDateTime } from './format';
import type { PaperPage, PaperSummary } from './papers';
import type { FailureMessage } from './problem';
import { statusClass, statusLabel } from './status';
import { LOCALES, MESSAGES, type Locale, type Strings } from './strings';

export interface Shell {
  readonly root: HTMLElement;
  /** Where the papers list, the empty note or the error goes. */
  readonly content: HTMLElement;
  /** Announces loading and results to screen readers. */
  readonly live: HTMLElement;
}

function languageSwitcher(current: Locale, strings: Strings): HTMLElement {
  const items = LOCALES.map((locale) => {
    const url = new URL(window.location.href);
    url.searchParams.set('lang', locale);
    const own = MESSAGES[locale];
    return h(
      'li',
      {},
      h(
        'a',
        {
          href: `${url.pathname}${url.search}${url.hash}`,
          lang: locale,
          hreflang: locale,
          'aria-current': locale === current ? 'true' : undefined,
        },
        own.languageName,
      ),
    );
  });
  return h('nav', { class: 'languages', 'aria-label': strings.languageNav }, h('ul', {}, ...items));
}

export function renderShell(app: HTMLElement, locale: Locale, strings: Strings, apiBase: string): Shell {
  const live = h('p', { class: 'live', role: 'status', 'aria-live': 'polite' });
  const content = h('div', { class: 'papers-content' });
  const docs = apiUrl(apiBase, '/q/swagger-ui');
  const root = h(
    'div',
    { class: 'page' },
    h('a', { class: 'skip-link', href: '#main' }, strings.skipToContent),
    h(
      'header',
      { class: 'site-header' },
      h('div', { class: 'brand' }, h('p', { class: 'app-name' }, strings.appName), h('p', { class: 'tagline' }, strings.tagline)),
      languageSwitcher(locale, strings),
    ),
    h(
      'main',
      { id: 'main', tabindex: '-1' },
      h(
        'section',
        { 'aria-labelledby': 'papers-heading' },
        h('h1', { id: 'papers-heading' }, strings.papersHeading),
        live,
        content,
      ),
    ),
    h(
      'footer',
      { class: 'site-footer' },
      h('p', {}, strings.apiDocsIntro, ' ', h('a', { href: docs }, strings.apiDocs)),
    ),
  );
  app.replaceChildren(root);
  return { root, content, live };
}

export function renderLoading(shell: Shell, strings: Strings): void {
  shell.content.setAttribute('aria-busy', 'true');
  shell.content.replaceChildren();
  shell.live.textContent = strings.loading;
}

function paperItem(paper: PaperSummary, locale: Locale, strings: Strings): HTMLElement {
  const language = paper.language !== '' ? paper.language : undefined;
  return h(
    'li',
    {},
    h(
      'article',
      { class: 'paper', 'aria-labelledby': `paper-${paper.id}` },
      // The paper's own text keeps its language and finds its direction itself.
      h('h2', { id: `paper-${paper.id}`, class: 'paper-title', lang: language, dir: 'auto' }, paper.title),
      paper.subtitle !== null && h('p', { class: 'paper-subtitle', lang: language, dir: 'auto' }, paper.subtitle),
      h(
        'p',
        { class: 'paper-meta' },
        h(
          'span',
          { class: statusClass(paper.status) },
          h('span', { class: 'visually-hidden' }, `${strings.statusPrefix} `),
          statusLabel(paper.status, strings),
        ),
        ' ',
        h(
          'span',
          { class: 'paper-updated' },
          strings.updated(formatDateTime(paper.updatedAt, locale)),
        ),
      ),
    ),
  );
}

export function renderPapers(shell: Shell, page: PaperPage, locale: Locale, strings: Strings): void {
  shell.content.removeAttribute('aria-busy');
  if (page.items.length === 0) {
    shell.live.textContent = '';
    shell.content.replaceChildren(h('p', { class: 'empty' }, strings.empty));
    return;
  }
  const total = formatCount(page.total, locale);
  shell.live.textContent =
    page.items.length < page.total
      ? strings.showing(formatCount(page.items.length, locale), total)
      : strings.total(total);
  shell.content.replaceChildren(
    h('ul', { class: 'papers' }, ...page.items.map((paper) => paperItem(paper, locale, strings))),
  );
}

export function renderFailure(
  shell: Shell,
  message: FailureMessage,
  strings: Strings,
  retry: () => void,
): void {
  shell.content.removeAttribute('aria-busy');
  shell.live.textContent = '';
  const button = h('button', { type: 'button' }, strings.retry);
  button.addEventListener('click', retry);
  shell.content.replaceChildren(
    h(
      'div',
      { class: 'error', role: 'alert' },
      h('h2', {}, strings.errorHeading),
      h('p', { dir: 'auto' }, message.summary),
      message.details.length > 0 &&
        h('ul', {}, ...message.details.map((line) => h('li', { dir: 'auto' }, line))),
      button,
    ),
  );
}

/** The sign-in form; `submit` gets the handle and password. */
export function renderSignIn(
  shell: Shell,
  strings: Strings,
  submit: (handle: string, password: string) => void,
  failure?: FailureMessage,
): void {
  shell.content.removeAttribute('aria-busy');
  shell.live.textContent = '';
  const handle = h('input', { id: 'handle', name: 'handle', autocomplete: 'username', required: 'true' });
  const password = h('input', {
    id: 'password',
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: 'true',
  });
  const form = h(
    'form',
    { class: 'sign-in', 'aria-labelledby': 'sign-in-heading' },
    h('h2', { id: 'sign-in-heading' }, strings.signInHeading),
    h('p', {}, strings.signInIntro),
    failure !== undefined &&
      h(
        'div',
        { class: 'error', role: 'alert' },
        h('p', {}, h('strong', {}, strings.signInFailed)),
        h('p', { dir: 'auto' }, failure.summary),
      ),
    h('p', {}, h('label', { for: 'handle' }, strings.handleLabel), ' ', handle),
    h('p', {}, h('label', { for: 'password' }, strings.passwordLabel), ' ', password),
    h('button', { type: 'submit' }, strings.signInButton),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    shell.live.textContent = strings.signingIn;
    submit((handle as HTMLInputElement).value, (password as HTMLInputElement).value);
  });
  shell.content.replaceChildren(form);
}

/** "Signed in as …" with a sign-out button, above the papers. */
export function renderSignedIn(strings: Strings, name: string, signOut: () => void): HTMLElement {
  const button = h('button', { type: 'button', class: 'sign-out' }, strings.signOut);
  button.addEventListener('click', signOut);
  return h('p', { class: 'signed-in' }, strings.signedInAs(name), ' ', button);
}
