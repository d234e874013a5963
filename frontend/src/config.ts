/**
 * Build-time settings. VITE_PLENARY_API_BASE (e.g. "https://plenary.example.org") lets the app be
 * hosted apart from the API; empty or unset means the API is on the page's own origin.
 * VITE_PLENARY_OIDC_URL (a Keycloak realm, e.g. http://127.0.0.1:8180/realms/plenary) turns on
 * "Sign in with Keycloak"; VITE_PLENARY_OIDC_CLIENT_ID names the public client (plenary-web).
 */
import type { OidcSettings } from './oidc';

export const API_BASE: string = import.meta.env.VITE_PLENARY_API_BASE ?? '';

/** How long to wait for the API before saying it took too long. */
export const REQUEST_TIMEOUT_MS = 15_000;

const oidcUrl = (import.meta.env.VITE_PLENARY_OIDC_URL ?? '').trim();
/**
 * Keycloak sign-in, when on: from the build (VITE_PLENARY_OIDC_URL) or else from the server
 * (GET /api/auth/methods, see {@link discoverOidc}).
 */
export let OIDC: OidcSettings | null =
  oidcUrl === ''
    ? null
    : { issuer: oidcUrl, clientId: (import.meta.env.VITE_PLENARY_OIDC_CLIENT_ID ?? '').trim() || 'plenary-web' };

/** What GET /api/auth/methods answers. */
export interface SignInMethods {
  readonly localAccounts: boolean;
  readonly singleSignOn: { readonly issuer: string; readonly clientId: string } | null;
}

/** Asks the server how to sign in, unless the build said; keeps working without an answer. */
export async function discoverOidc(ask: () => Promise<SignInMethods | null>): Promise<OidcSettings | null> {
  if (OIDC !== null) return OIDC;
  const methods = await ask();
  if (methods?.singleSignOn != null) {
    OIDC = { issuer: methods.singleSignOn.issuer, clientId: methods.singleSignOn.clientId };
  }
  return OIDC;
}
