import './style.css';
import { screenRoot, type Ctx } from './app';
import { Client } from './client';
import { API_BASE, OIDC, REQUEST_TIMEOUT_MS, discoverOidc, type SignInMethods } from './config';
import { h } from './dom';
import { LiveUpdates } from './live';
import { authorizeUrl, codeChallenge, exchangeCode, logoutUrl, randomVerifier, refresh } from './oidc';
import { href, parseRoute, type Route } from './router';
import { showDraft, showDrafts } from './screens/drafts';
import { showEndorsements } from './screens/endorse';
import { showHistory } from './screens/history';
import { showJoin } from './screens/join';
import { showNotifications } from './screens/notifications';
import { showPaper } from './screens/paper';
import { showPapers } from './screens/papers';
import { showProfile } from './screens/profile';
import { showPublish } from './screens/publish';
import { showSection } from './screens/section';
import { showWorkshops } from './screens/workshops';
import { LOCALES, MESSAGES, pickLocale, setLocale, t, type Locale } from './strings';
import type { Profile, SessionView } from './types';
import { field, form, showFormFailure } from './ui';

/** The session lives only as long as the browser tab (sessionStorage), never in a cookie. */
const TOKEN_KEY = 'plenary.token';
const REFRESH_KEY = 'plenary.refresh';
const ID_TOKEN_KEY = 'plenary.idToken';
const RETURN_KEY = 'plenary.returnTo';
const OIDC_STATE_KEY = 'plenary.oidc.state';
const OIDC_VERIFIER_KEY = 'plenary.oidc.verifier';
const LOCALE_KEY = 'plenary.locale';

const token = (): string | null => sessionStorage.getItem(TOKEN_KEY);
let me: Profile | null = null;
let leaving: (() => void)[] = [];

function chooseLocale(): Locale {
  const explicit = new URLSearchParams(window.location.search).get('lang');
  if (explicit !== null) localStorage.setItem(LOCALE_KEY, explicit);
  return pickLocale(explicit ?? localStorage.getItem(LOCALE_KEY), navigator.languages);
}

const locale = chooseLocale();
setLocale(locale);
document.documentElement.lang = locale;
document.documentElement.dir = MESSAGES[locale].dir;

const api: Client = new Client({
  fetch: (input, init) => window.fetch(input, init),
  base: API_BASE,
  timeoutMs: REQUEST_TIMEOUT_MS,
  token,
  onUnauthorized: async () => {
    const refreshToken = sessionStorage.getItem(REFRESH_KEY);
    if (OIDC !== null && refreshToken !== null) {
      const renewed = await refresh(OIDC, refreshToken);
      if (renewed !== null) {
        storeTokens(renewed.accessToken, renewed.refreshToken, renewed.idToken);
        return true;
      }
    }
    sessionExpired();
    return false;
  },
});
const live = new LiveUpdates(api, token);

function storeTokens(access: string, refreshToken: string | null, idToken: string | null = null): void {
  sessionStorage.setItem(TOKEN_KEY, access);
  if (refreshToken !== null) sessionStorage.setItem(REFRESH_KEY, refreshToken);
  else sessionStorage.removeItem(REFRESH_KEY);
  if (idToken !== null) sessionStorage.setItem(ID_TOKEN_KEY, idToken);
}

function clearSession(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(REFRESH_KEY);
  sessionStorage.removeItem(ID_TOKEN_KEY);
  me = null;
  live.stop();
}

/** An expired session: remember where the person was, ask them to sign in, then come back. */
function sessionExpired(): void {
  const here = window.location.hash;
  if (parseRoute(here).name !== 'signin') sessionStorage.setItem(RETURN_KEY, here);
  clearSession();
  expiredNotice = true;
  window.location.hash = href({ name: 'signin' });
}
let expiredNotice = false;

// ---- shell -------------------------------------------------------------------------------

const liveRegion = h('p', { class: 'live visually-hidden', role: 'status', 'aria-live': 'polite' });
const mainArea = h('main', { id: 'main', tabindex: '-1' });
const unreadBadge = h('span', { class: 'badge', hidden: true });
const navList = h('ul', { class: 'nav-list' });
// The skip link moves focus itself: following "#main" would go through the hash router.
const skipLink = h('a', { class: 'skip-link', href: '#main' }, t('nav.skip'));
skipLink.addEventListener('click', (event) => {
  event.preventDefault();
  mainArea.focus();
});
const header = h(
  'header',
  { class: 'site-header' },
  skipLink,
  h('p', { class: 'app-name' }, h('a', { href: '#/' }, t('app.name'))),
  h('nav', { class: 'site-nav', 'aria-label': t('nav.main') }, navList),
  languageSwitcher(),
);

function languageSwitcher(): HTMLElement {
  return h(
    'nav',
    { class: 'languages', 'aria-label': t('nav.language') },
    h(
      'ul',
      {},
      ...LOCALES.map((l) => {
        const url = new URL(window.location.href);
        url.searchParams.set('lang', l);
        return h(
          'li',
          {},
          h(
            'a',
            { href: `${url.pathname}${url.search}${url.hash}`, lang: l, hreflang: l, 'aria-current': l === locale ? 'true' : undefined },
            MESSAGES[l].languageName,
          ),
        );
      }),
    ),
  );
}

function renderNav(): void {
  if (me === null) {
    navList.replaceChildren();
    return;
  }
  const signOut = h('button', { type: 'button', class: 'link-button' }, t('nav.signOut'));
  signOut.addEventListener('click', () => void signOutOfHere());
  navList.replaceChildren(
    h('li', {}, h('a', { href: href({ name: 'papers' }) }, t('nav.papers'))),
    h('li', {}, h('a', { href: href({ name: 'notifications' }) }, t('nav.notifications'), unreadBadge)),
    h('li', {}, h('a', { href: href({ name: 'profile' }) }, t('nav.profile', { name: me.displayName }))),
    h('li', {}, signOut),
  );
}

/** How long signing out waits for the server to hear that this tab left its paper. */
const LEAVE_WAIT_MS = 2_000;

async function signOutOfHere(): Promise<void> {
  const sso = sessionStorage.getItem(REFRESH_KEY) !== null;
  const idToken = sessionStorage.getItem(ID_TOKEN_KEY);
  // Leave the paper while the token still counts: without it the server refuses to end this tab's
  // presence (401), and the others would see the person there until the presence times out.
  await Promise.race([live.stop(), new Promise((resolve) => setTimeout(resolve, LEAVE_WAIT_MS))]);
  if (!sso) void api.post('/api/auth/sign-out');
  clearSession();
  sessionStorage.removeItem(RETURN_KEY);
  if (sso && OIDC !== null) {
    window.location.assign(logoutUrl(OIDC, idToken, `${window.location.origin}${window.location.pathname}`));
    return;
  }
  window.location.hash = href({ name: 'signin' });
}

function refreshUnread(): void {
  if (me === null) return;
  void api.get<{ unread: number }>('/api/me/notifications/unread').then((a) => {
    if (!a.ok) return;
    unreadBadge.hidden = a.value.unread === 0;
    unreadBadge.textContent = a.value.unread === 0 ? '' : t('nav.unread', { n: a.value.unread });
  });
}

const app = document.getElementById('app');
app?.replaceChildren(
  h('div', { class: 'page' }, header, mainArea, liveRegion, h('footer', { class: 'site-footer' }, h('p', {}, t('app.footer'), ' ', h('a', { href: api.url('/q/swagger-ui') }, t('app.apiDocs'))))),
);

const ctx: Ctx = {
  api,
  live,
  locale,
  me: () => me,
  mount(name, title, ...children) {
    const root = screenRoot(name, title, ...children);
    mainArea.replaceChildren(root);
    document.title = `${title} – ${t('app.name')}`;
    return root;
  },
  announce(message) {
    liveRegion.textContent = '';
    // A fresh text node after clearing makes screen readers announce repeated messages too.
    setTimeout(() => {
      liveRegion.textContent = message;
    }, 50);
  },
  go(route) {
    if (window.location.hash === href(route)) void render();
    else window.location.hash = href(route);
  },
  onLeave(cleanup) {
    leaving.push(cleanup);
  },
  refresh() {
    void render(false);
  },
  refreshUnread,
};

// ---- sign-in -----------------------------------------------------------------------------

async function afterSignIn(): Promise<void> {
  const answer = await api.get<Profile>('/api/me');
  if (!answer.ok) return;
  me = answer.value;
  renderNav();
  refreshUnread();
  const back = sessionStorage.getItem(RETURN_KEY);
  sessionStorage.removeItem(RETURN_KEY);
  const target = back !== null && back !== '' && back !== href({ name: 'signin' }) ? back : href({ name: 'papers' });
  if (target === window.location.hash) void render();
  else window.location.hash = target;
}

async function startKeycloak(): Promise<void> {
  if (OIDC === null) return;
  const verifier = randomVerifier();
  const state = randomVerifier();
  sessionStorage.setItem(OIDC_VERIFIER_KEY, verifier);
  sessionStorage.setItem(OIDC_STATE_KEY, state);
  if (sessionStorage.getItem(RETURN_KEY) === null) sessionStorage.setItem(RETURN_KEY, '#/');
  const redirect = `${window.location.origin}${window.location.pathname}`;
  window.location.assign(authorizeUrl(OIDC, redirect, state, await codeChallenge(verifier), locale));
}

/** Finishes a Keycloak sign-in when the page was opened with ?code=…&state=…. */
async function finishKeycloak(): Promise<boolean> {
  const query = new URLSearchParams(window.location.search);
  const code = query.get('code');
  const state = query.get('state');
  if (OIDC === null || code === null || state === null) return false;
  const verifier = sessionStorage.getItem(OIDC_VERIFIER_KEY);
  const expected = sessionStorage.getItem(OIDC_STATE_KEY);
  sessionStorage.removeItem(OIDC_VERIFIER_KEY);
  sessionStorage.removeItem(OIDC_STATE_KEY);
  window.history.replaceState(null, '', `${window.location.pathname}${sessionStorage.getItem(RETURN_KEY) ?? '#/'}`);
  if (verifier === null || expected !== state) return false;
  const tokens = await exchangeCode(OIDC, code, verifier, `${window.location.origin}${window.location.pathname}`);
  if (tokens === null) return false;
  storeTokens(tokens.accessToken, tokens.refreshToken, tokens.idToken);
  return true;
}

function showSignIn(): void {
  const handle = field({ name: 'handle', label: t('signin.handle'), required: true, autocomplete: 'username' });
  const password = field({ name: 'password', label: t('signin.password'), type: 'password', required: true, autocomplete: 'current-password' });
  const localForm = form(t('signin.local'), [handle, password], t('signin.submit'), async (alertBox) => {
    ctx.announce(t('signin.busy'));
    const answer = await api.post<SessionView>('/api/auth/sign-in', { handle: handle.input.value, password: password.input.value });
    if (!answer.ok) {
      showFormFailure(alertBox, [handle, password], answer.failure);
      return;
    }
    storeTokens(answer.value.token, null);
    await afterSignIn();
  });
  const children: (Node | null)[] = [];
  if (expiredNotice) {
    children.push(h('p', { class: 'notice', role: 'status' }, t('signin.expired')));
    expiredNotice = false;
  }
  children.push(h('p', {}, t('signin.intro')), localForm);
  if (OIDC !== null) {
    const sso = h('button', { type: 'button', class: 'primary' }, t('signin.keycloak'));
    sso.addEventListener('click', () => void startKeycloak());
    children.push(h('h2', {}, t('signin.or')), sso);
  }
  ctx.mount('signin', t('signin.title'), ...children);
}

// ---- routing -----------------------------------------------------------------------------

async function render(focus = true): Promise<void> {
  for (const cleanup of leaving) cleanup();
  leaving = [];
  const route: Route = parseRoute(window.location.hash || window.location.pathname);
  live.follow('paperId' in route ? route.paperId : null);
  if (route.name === 'join') await showJoin(ctx, route.token, () => void afterSignIn(), (access) => storeTokens(access, null));
  else if (me === null || route.name === 'signin') {
    if (me !== null) {
      window.location.hash = href({ name: 'papers' });
      return;
    }
    if (route.name !== 'signin') sessionStorage.setItem(RETURN_KEY, window.location.hash);
    showSignIn();
  } else {
    switch (route.name) {
      case 'papers':
        await showPapers(ctx);
        break;
      case 'paper':
        await showPaper(ctx, route.paperId);
        break;
      case 'section':
        await showSection(ctx, route.paperId, route.sectionId);
        break;
      case 'history':
        await showHistory(ctx, route.paperId, route.sectionId);
        break;
      case 'drafts':
        await showDrafts(ctx, route.paperId);
        break;
      case 'draft':
        await showDraft(ctx, route.paperId, route.draftId);
        break;
      case 'endorsements':
        await showEndorsements(ctx, route.paperId);
        break;
      case 'workshops':
        await showWorkshops(ctx, route.paperId);
        break;
      case 'publish':
        await showPublish(ctx, route.paperId);
        break;
      case 'notifications':
        await showNotifications(ctx);
        break;
      case 'profile':
        await showProfile(ctx);
        break;
      case 'notFound':
        ctx.mount('not-found', t('notFound.title'), h('p', {}, t('notFound.body')), h('a', { href: '#/' }, t('nav.papers')));
        break;
    }
  }
  // After a re-render the focused control may be gone: put keyboard users back at the heading.
  if (focus || document.activeElement === document.body || document.activeElement === null) {
    mainArea.querySelector<HTMLElement>('h1')?.focus();
  }
}

async function start(): Promise<void> {
  // Older invitation links point at /join/{token}: keep them working as #/join/{token}.
  const pathRoute = parseRoute(window.location.pathname);
  if (pathRoute.name === 'join' && window.location.hash === '') {
    window.history.replaceState(null, '', `/${href(pathRoute)}`);
  }
  await discoverOidc(async () => {
    const answer = await api.get<SignInMethods>('/api/auth/methods');
    return answer.ok ? answer.value : null;
  });
  const signedInBySso = await finishKeycloak();
  if (token() !== null) {
    const answer = await api.get<Profile>('/api/me');
    if (answer.ok) me = answer.value;
    else if (answer.failure.kind === 'http' && answer.failure.status === 401) clearSession();
  }
  renderNav();
  refreshUnread();
  setInterval(refreshUnread, 60_000);
  window.addEventListener('hashchange', () => void render());
  if (signedInBySso && me !== null) {
    const back = sessionStorage.getItem(RETURN_KEY);
    sessionStorage.removeItem(RETURN_KEY);
    if (back !== null) window.location.hash = back;
  }
  await render(false);
}

void start();
