/**
 * The sign-in session: its tokens live only as long as the browser tab (sessionStorage), never in
 * a cookie; Keycloak sign-in (authorization code + PKCE) starts and finishes here.
 */
import { OIDC } from './config';
import { authorizeUrl, codeChallenge, exchangeCode, logoutUrl, randomVerifier, refresh } from './oidc';
import type { Locale } from './strings';

const TOKEN_KEY = 'plenary.token';
const REFRESH_KEY = 'plenary.refresh';
const ID_TOKEN_KEY = 'plenary.idToken';
const RETURN_KEY = 'plenary.returnTo';
const OIDC_STATE_KEY = 'plenary.oidc.state';
const OIDC_VERIFIER_KEY = 'plenary.oidc.verifier';

export const token = (): string | null => sessionStorage.getItem(TOKEN_KEY);

export function storeTokens(access: string, refreshToken: string | null, idToken: string | null = null): void {
  sessionStorage.setItem(TOKEN_KEY, access);
  if (refreshToken !== null) sessionStorage.setItem(REFRESH_KEY, refreshToken);
  else sessionStorage.removeItem(REFRESH_KEY);
  if (idToken !== null) sessionStorage.setItem(ID_TOKEN_KEY, idToken);
}

export function forgetTokens(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(REFRESH_KEY);
  sessionStorage.removeItem(ID_TOKEN_KEY);
}

/** Renews a Keycloak session's access token; false when there is none to renew or it failed. */
export async function renewTokens(): Promise<boolean> {
  const refreshToken = sessionStorage.getItem(REFRESH_KEY);
  if (OIDC === null || refreshToken === null) return false;
  const renewed = await refresh(OIDC, refreshToken);
  if (renewed === null) return false;
  storeTokens(renewed.accessToken, renewed.refreshToken, renewed.idToken);
  return true;
}

/** Where to come back to after signing in. */
export function rememberReturn(hash: string): void {
  sessionStorage.setItem(RETURN_KEY, hash);
}

export function forgetReturn(): void {
  sessionStorage.removeItem(RETURN_KEY);
}

/** The place remembered to come back to, forgotten once read. */
export function takeReturn(): string | null {
  const back = sessionStorage.getItem(RETURN_KEY);
  sessionStorage.removeItem(RETURN_KEY);
  return back;
}

/** Whether this session came from Keycloak (it has a refresh token). */
export function signedInBySso(): boolean {
  return sessionStorage.getItem(REFRESH_KEY) !== null;
}

/** Keycloak's sign-out address for this session (ending the single sign-on too). */
export function keycloakLogoutUrl(): string | null {
  if (OIDC === null) return null;
  return logoutUrl(OIDC, sessionStorage.getItem(ID_TOKEN_KEY), `${window.location.origin}${window.location.pathname}`);
}

export async function startKeycloak(locale: Locale): Promise<void> {
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
export async function finishKeycloak(): Promise<boolean> {
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
