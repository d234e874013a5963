import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Client } from './client';
import { LiveUpdates } from './live';

/** The requests the tab makes with fetch (the event stream and the presence ends). */
let requests: { url: string; method: string; headers: Record<string, string> }[];

beforeEach(() => {
  requests = [];
  const storage = new Map<string, string>();
  vi.stubGlobal('sessionStorage', {
    getItem: (key: string) => storage.get(key) ?? null,
    setItem: (key: string, value: string) => storage.set(key, value),
  });
  vi.stubGlobal('window', { addEventListener: () => undefined });
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit) => {
      requests.push({ url, method: init.method ?? 'GET', headers: { ...(init.headers as Record<string, string>) } });
      // Not a reader: the stream is not retried.
      return Promise.resolve(new Response(null, { status: 404 }));
    }),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const client = {
  url: (path: string) => `http://app${path}`,
  put: () => Promise.resolve({ ok: true }),
} as unknown as Client;

describe('LiveUpdates leaving a paper', () => {
  it('tells the server this tab left, with the token, before stop() settles', async () => {
    const live = new LiveUpdates(client, () => 'good-token');
    live.follow(3);
    await live.stop();
    const left = requests.filter((r) => r.method === 'DELETE');
    expect(left).toHaveLength(1);
    expect(left[0]?.url).toMatch(/^http:\/\/app\/api\/papers\/3\/presence\/.+/);
    expect(left[0]?.headers['Authorization']).toBe('Bearer good-token');
  });

  it('sends nothing once the token is gone: the server would only answer 401', async () => {
    let token: string | null = 'good-token';
    const live = new LiveUpdates(client, () => token);
    live.follow(3);
    token = null;
    await live.stop();
    expect(requests.filter((r) => r.method === 'DELETE')).toEqual([]);
  });
});
