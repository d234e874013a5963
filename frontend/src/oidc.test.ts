import { describe, expect, it } from 'vitest';
import { authorizeUrl, codeChallenge, randomVerifier } from './oidc';

describe('PKCE', () => {
  it('computes the S256 challenge of RFC 7636’s example', async () => {
    expect(await codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes 43-character verifiers of unreserved characters', () => {
    expect(randomVerifier()).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('asks Keycloak for a code with the challenge', () => {
    const url = new URL(authorizeUrl({ issuer: 'http://kc/realms/plenary/', clientId: 'plenary-web' }, 'http://app/', 's1', 'c1', 'fr'));
    expect(url.origin + url.pathname).toBe('http://kc/realms/plenary/protocol/openid-connect/auth');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: 'plenary-web',
      response_type: 'code',
      redirect_uri: 'http://app/',
      state: 's1',
      code_challenge: 'c1',
      code_challenge_method: 'S256',
      ui_locales: 'fr',
    });
  });
});
