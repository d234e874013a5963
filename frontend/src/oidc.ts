/**
 * Keycloak sign-in: the OAuth 2.0 authorization code flow with PKCE (RFC 7636) for a public
 * client. The realm and client come from the server (GET /api/auth/methods) unless the build names
 * them (VITE_PLENARY_OIDC_URL, VITE_PLENARY_OIDC_CLIENT_ID); see config.ts.
 */

export interface OidcSettings {
  /** The realm, e.g. http://127.0.0.1:8180/realms/plenary. */
  readonly issuer: string;
  readonly clientId: string;
}

export interface TokenSet {
  readonly accessToken: string;
  readonly refreshToken: string | null;
  readonly idToken: string | null;
}

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A random string of unreserved characters (43 characters from 32 random bytes). */
export function randomVerifier(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  return base64Url(random(new Uint8Array(32)));
}

/** The S256 code challenge of a verifier. */
export async function codeChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

function endpoint(settings: OidcSettings, name: 'auth' | 'token' | 'logout'): string {
  return `${settings.issuer.replace(/\/+$/, '')}/protocol/openid-connect/${name}`;
}

export function authorizeUrl(
  settings: OidcSettings,
  redirectUri: string,
  state: string,
  challenge: string,
  locale: string,
): string {
  const query = new URLSearchParams({
    client_id: settings.clientId,
    response_type: 'code',
    scope: 'openid',
    redirect_uri: redirectUri,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ui_locales: locale,
  });
  return `${endpoint(settings, 'auth')}?${query.toString()}`;
}

function tokens(body: unknown): TokenSet | null {
  if (typeof body !== 'object' || body === null) return null;
  const b = body as Record<string, unknown>;
  if (typeof b['access_token'] !== 'string') return null;
  return {
    accessToken: b['access_token'],
    refreshToken: typeof b['refresh_token'] === 'string' ? b['refresh_token'] : null,
    idToken: typeof b['id_token'] === 'string' ? b['id_token'] : null,
  };
}

async function tokenRequest(settings: OidcSettings, form: Record<string, string>): Promise<TokenSet | null> {
  try {
    const response = await fetch(endpoint(settings, 'token'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: settings.clientId, ...form }).toString(),
    });
    return response.ok ? tokens(await response.json()) : null;
  } catch {
    return null;
  }
}

export function exchangeCode(
  settings: OidcSettings,
  code: string,
  verifier: string,
  redirectUri: string,
): Promise<TokenSet | null> {
  return tokenRequest(settings, {
    grant_type: 'authorization_code',
    code,
    code_verifier: verifier,
    redirect_uri: redirectUri,
  });
}

export function refresh(settings: OidcSettings, refreshToken: string): Promise<TokenSet | null> {
  return tokenRequest(settings, { grant_type: 'refresh_token', refresh_token: refreshToken });
}

/** Ends the Keycloak session too (RP-initiated logout), then comes back to the app. */
export function logoutUrl(settings: OidcSettings, idToken: string | null, redirectUri: string): string {
  const query = new URLSearchParams({ client_id: settings.clientId, post_logout_redirect_uri: redirectUri });
  if (idToken !== null) query.set('id_token_hint', idToken);
  return `${endpoint(settings, 'logout')}?${query.toString()}`;
}
