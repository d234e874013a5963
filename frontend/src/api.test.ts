import { describe, expect, it } from 'vitest';
import { apiUrl, fetchPapers, papersPath, type Fetch } from './api';

function answer(status: number, body: unknown, contentType = 'application/json'): Fetch {
  return async () =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': contentType },
    });
}

const options = (fetch: Fetch) => ({ fetch, base: '', timeoutMs: 1_000 });

describe('apiUrl', () => {
  it('keeps same-origin paths relative', () => {
    expect(apiUrl('', '/api/papers')).toBe('/api/papers');
  });

  it('joins a configured base without doubled slashes', () => {
    expect(apiUrl('https://plenary.example.org/', '/q/swagger-ui')).toBe(
      'https://plenary.example.org/q/swagger-ui',
    );
    expect(apiUrl('https://example.org/plenary//', 'api/papers')).toBe('https://example.org/plenary/api/papers');
  });

  it('builds the papers query', () => {
    expect(papersPath(0, 50)).toBe('/api/papers?page=0&size=50');
  });
});

describe('fetchPapers', () => {
  it('requests the first page and returns the parsed list', async () => {
    let requested = '';
    const fetch: Fetch = async (input, init) => {
      requested = input;
      expect(new Headers(init?.headers).get('Accept')).toContain('application/problem+json');
      return answer(200, { items: [], page: 0, size: 50, total: 0 })(input, init);
    };
    const result = await fetchPapers(0, 50, { ...options(fetch), base: 'https://api.example.org' });
    expect(requested).toBe('https://api.example.org/api/papers?page=0&size=50');
    expect(result).toEqual({ ok: true, value: { items: [], page: 0, size: 50, total: 0 } });
  });

  it('turns a problem+json error into an http failure with the problem', async () => {
    const body = { title: 'Invalid request', status: 400, detail: 'size must be at most 200' };
    const result = await fetchPapers(0, 500, options(answer(400, body, 'application/problem+json')));
    expect(result.ok).toBe(false);
    if (!result.ok && result.failure.kind === 'http') {
      expect(result.failure.status).toBe(400);
      expect(result.failure.problem?.detail).toBe('size must be at most 200');
    } else {
      expect.unreachable('expected an http failure');
    }
  });

  it('reports an error page that is not JSON as an http failure without a problem', async () => {
    const result = await fetchPapers(0, 50, options(answer(502, '<html>Bad gateway</html>', 'text/html')));
    expect(result).toEqual({ ok: false, failure: { kind: 'http', status: 502, problem: null } });
  });

  it('reports a 200 with an unexpected body as unreadable', async () => {
    expect(await fetchPapers(0, 50, options(answer(200, { papers: [] })))).toEqual({
      ok: false,
      failure: { kind: 'unreadable' },
    });
  });

  it('reports a failed connection as a network failure', async () => {
    const fetch: Fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await fetchPapers(0, 50, options(fetch))).toEqual({ ok: false, failure: { kind: 'network' } });
  });

  it('gives up after the time-out', async () => {
    const fetch: Fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
      });
    expect(await fetchPapers(0, 50, { fetch, base: '', timeoutMs: 10 })).toEqual({
      ok: false,
      failure: { kind: 'timeout' },
    });
  });
});
