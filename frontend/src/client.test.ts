import { describe, expect, it } from 'vitest';
import { apiUrl, Client, isStatus, type Fetch } from './client';

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

function client(fetch: Fetch, token: string | null = 'plt_1', onUnauthorized = async () => false): Client {
  return new Client({ fetch, base: '', timeoutMs: 1_000, token: () => token, onUnauthorized });
}

describe('apiUrl', () => {
  it('keeps same-origin paths relative and joins a base without doubled slashes', () => {
    expect(apiUrl('', '/api/papers')).toBe('/api/papers');
    expect(apiUrl('https://example.org/plenary//', 'api/papers')).toBe('https://example.org/plenary/api/papers');
  });
});

describe('Client', () => {
  it('sends the token, JSON and If-Match, and returns the body with its ETag', async () => {
    let seen: Headers = new Headers();
    let body = '';
    const c = client(async (_url, init) => {
      seen = new Headers(init?.headers);
      body = String(init?.body);
      return json(200, { revision: 4 }, { ETag: '"s42-r4"' });
    });
    const answer = await c.put<{ revision: number }>('/api/papers/7/sections/42/content', { body: 'x' }, '"s42-r3"');
    expect(seen.get('Authorization')).toBe('Bearer plt_1');
    expect(seen.get('If-Match')).toBe('"s42-r3"');
    expect(seen.get('Content-Type')).toBe('application/json');
    expect(JSON.parse(body)).toEqual({ body: 'x' });
    expect(answer).toEqual({ ok: true, value: { revision: 4 }, status: 200, etag: '"s42-r4"' });
  });

  it('keeps the whole problem document of a 412, for the merge view', async () => {
    const c = client(async () =>
      json(412, { status: 412, detail: 'Someone saved first.', currentBody: 'theirs', currentEtag: '"s1-r5"' }),
    );
    const answer = await c.put('/x', { body: 'mine' }, '"s1-r4"');
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(isStatus(answer.failure, 412)).toBe(true);
    expect(answer.failure.kind === 'http' && answer.failure.problem?.detail).toBe('Someone saved first.');
    expect(answer.failure.kind === 'http' && (answer.failure.raw as { currentBody: string }).currentBody).toBe('theirs');
  });

  it('asks to renew an expired session once, and retries when it was renewed', async () => {
    let calls = 0;
    let renewals = 0;
    const c = client(
      async () => (++calls === 1 ? json(401, { status: 401 }) : json(200, { ok: 1 })),
      'old',
      async () => {
        renewals++;
        return true;
      },
    );
    const answer = await c.get('/api/me');
    expect(answer.ok).toBe(true);
    expect([calls, renewals]).toEqual([2, 1]);
  });

  it('does not report a 401 for anonymous calls (e.g. a refused sign-in)', async () => {
    let renewals = 0;
    const c = client(async () => json(401, { status: 401, detail: 'Wrong handle or password.' }), null, async () => {
      renewals++;
      return false;
    });
    const answer = await c.post('/api/auth/sign-in', { handle: 'a', password: 'b' });
    expect(answer.ok).toBe(false);
    expect(renewals).toBe(0);
  });

  it('tells a network failure and an empty 204 apart', async () => {
    expect((await client(async () => Promise.reject(new TypeError('offline'))).get('/x')).ok).toBe(false);
    const empty = await client(async () => new Response(null, { status: 204 })).del('/x');
    expect(empty).toEqual({ ok: true, value: undefined, status: 204, etag: null });
  });
});
