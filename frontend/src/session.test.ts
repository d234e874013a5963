import { describe, expect, it } from 'vitest';
import { fetchPapers, parseSession, signIn, type Fetch } from './api';

describe('signing in', () => {
  it('posts handle and password as JSON and returns the token and name', async () => {
    let sent: { method: string | undefined; body: string | undefined; type: string | null } = {
      method: undefined,
      body: undefined,
      type: null,
    };
    const fetch: Fetch = async (input, init) => {
      expect(input).toBe('/api/auth/sign-in');
      sent = {
        method: init?.method,
        body: init?.body as string,
        type: new Headers(init?.headers).get('Content-Type'),
      };
      return new Response(
        JSON.stringify({ token: 'plt_abc', tokenType: 'Bearer', account: { displayName: 'Amina Yusuf' } }),
        { status: 200, headers: { 'Content-Type': 'application/json' } },
      );
    };
    const result = await signIn('amina', 'a long passphrase', { fetch, base: '', timeoutMs: 1_000 });
    expect(sent.method).toBe('POST');
    expect(sent.type).toBe('application/json');
    expect(JSON.parse(sent.body ?? '')).toEqual({ handle: 'amina', password: 'a long passphrase' });
    expect(result).toEqual({ ok: true, value: { token: 'plt_abc', displayName: 'Amina Yusuf' } });
  });

  it('turns a refused sign-in into an http failure with the problem document', async () => {
    const fetch: Fetch = async () =>
      new Response(JSON.stringify({ status: 401, title: 'Sign-in required', detail: 'The handle or password is not right.' }), {
        status: 401,
        headers: { 'Content-Type': 'application/problem+json' },
      });
    const result = await signIn('amina', 'wrong', { fetch, base: '', timeoutMs: 1_000 });
    expect(result.ok).toBe(false);
    if (!result.ok && result.failure.kind === 'http') {
      expect(result.failure.status).toBe(401);
      expect(result.failure.problem?.detail).toBe('The handle or password is not right.');
    } else {
      throw new Error('expected an http failure');
    }
  });

  it('refuses an answer without a token', () => {
    expect(parseSession({ account: { displayName: 'x' } })).toBeNull();
    expect(parseSession(null)).toBeNull();
  });
});

describe('signed-in requests', () => {
  it('carry the bearer token, and none when signed out', async () => {
    const seen: (string | null)[] = [];
    const fetch: Fetch = async (_input, init) => {
      seen.push(new Headers(init?.headers).get('Authorization'));
      return new Response(JSON.stringify({ items: [], page: 0, size: 50, total: 0 }), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    };
    await fetchPapers(0, 50, { fetch, base: '', timeoutMs: 1_000, token: 'plt_abc' });
    await fetchPapers(0, 50, { fetch, base: '', timeoutMs: 1_000, token: null });
    expect(seen).toEqual(['Bearer plt_abc', null]);
  });
});
