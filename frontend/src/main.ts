/** Starts the app: the locale, the API client, the shell, sign-in and the hash routing. */
import './style.css';
import type { Ctx } from './app';
import { Client } from './client';
import { forgetStores } from './coedit/offline';
import { API_BASE, OIDC, REQUEST_TIMEOUT_MS, discoverOidc, type SignInMethods } from './config';
import { h } from './dom';
import { LiveUpdates } from './live';
import { href, parseRoute, type Route } from './router';
import { showScreen } from './routes';
import { showJoin } from './screens/join';
import {
  finishKeycloak,
  forgetReturn,
  forgetTokens,
  keycloakLogoutUrl,
  rememberReturn,
  renewTokens,
  signedInBySso,
  startKeycloak,
  storeTokens,
  takeReturn,
  token,
} from './session';
import { createShell } from './shell';
import { MESSAGES, pickLocale, setLocale, t, type Locale } from './strings';
import type { Profile, SessionView } from './types';
import { field, form, showFormFailure } from './ui';

const LOCALE_KEY = 'plenary.locale';

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
    if (await renewTokens()) return true;
    sessionExpired();
    return false;
  },
});
const live = new LiveUpdates(api, token);

function clearSession(): void {
  forgetTokens();
  me = null;
  live.stop();
}

/** An expired session: remember where the person was, ask them to sign in, then come back. */
function sessionExpired(): void {
  const here = window.location.hash;
  if (parseRoute(here).name !== 'signin') rememberReturn(here);
  clearSession();
  expiredNotice = true;
  window.location.hash = href({ name: 'signin' });
}
let expiredNotice = false;

/** How long signing out waits for the server to hear that this tab left its paper. */
const LEAVE_WAIT_MS = 2_000;
/** How long signing out waits for the offline copies to be deleted before leaving for Keycloak. */
const FORGET_WAIT_MS = 2_000;

async function signOutOfHere(): Promise<void> {
  const sso = signedInBySso();
  const logout = keycloakLogoutUrl();
  const accountId = me?.id ?? null;
  // Leave the paper while the token still counts: without it the server refuses to end this tab's
  // presence (401), and the others would see the person there until the presence times out.
  await Promise.race([live.stop(), new Promise((resolve) => setTimeout(resolve, LEAVE_WAIT_MS))]);
  if (!sso) void api.post('/api/auth/sign-out');
  // Close the screen's live editor (its IndexedDB copy), then delete this person's offline copies:
  // the next person at this device must not read them.
  for (const cleanup of leaving) cleanup();
  leaving = [];
  if (accountId !== null) {
    const forgotten = forgetStores(window.indexedDB, window.localStorage, accountId).catch(() => []);
    await Promise.race([forgotten, new Promise((resolve) => setTimeout(resolve, FORGET_WAIT_MS))]);
  }
  clearSession();
  forgetReturn();
  if (sso && logout !== null) {
    window.location.assign(logout);
    return;
  }
  window.location.hash = href({ name: 'signin' });
}

const shell = createShell(api, locale, () => void signOutOfHere());
const refreshUnread = (): void => shell.refreshUnread(me);

const ctx: Ctx = {
  api,
  live,
  locale,
  me: () => me,
  mount: (name, title, ...children) => shell.mount(name, title, ...children),
  announce: (message) => shell.announce(message),
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
  shell.renderNav(me);
  refreshUnread();
  const back = takeReturn();
  const target = back !== null && back !== '' && back !== href({ name: 'signin' }) ? back : href({ name: 'papers' });
  if (target === window.location.hash) void render();
  else window.location.hash = target;
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
    sso.addEventListener('click', () => void startKeycloak(locale));
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
    if (route.name !== 'signin') rememberReturn(window.location.hash);
    showSignIn();
  } else {
    await showScreen(ctx, route);
  }
  // After a re-render the focused control may be gone: put keyboard users back at the heading.
  if (focus || document.activeElement === document.body || document.activeElement === null) {
    shell.mainArea.querySelector<HTMLElement>('h1')?.focus();
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
  const bySso = await finishKeycloak();
  if (token() !== null) {
    const answer = await api.get<Profile>('/api/me');
    if (answer.ok) me = answer.value;
    else if (answer.failure.kind === 'http' && answer.failure.status === 401) clearSession();
  }
  shell.renderNav(me);
  refreshUnread();
  setInterval(refreshUnread, 60_000);
  window.addEventListener('hashchange', () => void render());
  if (bySso && me !== null) {
    const back = takeReturn();
    if (back !== null) window.location.hash = back;
  }
  await render(false);
}

void start();
