/** Calls to the Plenary API. `fetch` is passed in so the logic can be tested without a server. */
import { parsePaperPage, type PaperPage } from './papers';
import { parseProblem, type Failure } from './problem';

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: Failure };

/** Joins the API base ("" = same origin) and an absolute path without doubling slashes. */
export function apiUrl(base: string, path: string): string {
  const trimmed = base.trim().replace(/\/+$/, '');
  const absolute = path.startsWith('/') ? path : `/${path}`;
  return `${trimmed}${absolute}`;
}

export function papersPath(page: number, size: number): string {
  const query = new URLSearchParams({ page: String(page), size: String(size) });
  return `/api/papers?${query.toString()}`;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}

export interface RequestOptions {
  readonly fetch: Fetch;
  readonly base: string;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** The bearer token of the signed-in person, if any. */
  readonly token?: string | null;
}

function headers(options: RequestOptions, json: boolean): Record<string, string> {
  const h: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (json) h['Content-Type'] = 'application/json';
  if (options.token) h['Authorization'] = `Bearer ${options.token}`;
  return h;
}

/** GETs JSON; the body goes through `parse`, and anything unexpected becomes a Failure. */
export function getJson<T>(
  path: string,
  parse: (body: unknown) => T | null,
  options: RequestOptions,
): Promise<Result<T>> {
  return requestJson('GET', path, undefined, parse, options);
}

/** Sends a request (with a JSON body when `body` is given) and reads a JSON answer. */
export async function requestJson<T>(
  method: string,
  path: string,
  body: unknown,
  parse: (body: unknown) => T | null,
  options: RequestOptions,
): Promise<Result<T>> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const onOuterAbort = (): void => controller.abort();
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  try {
    let response: Response;
    try {
      const init: RequestInit = { method, headers: headers(options, body !== undefined), signal: controller.signal };
      if (body !== undefined) init.body = JSON.stringify(body);
      response = await options.fetch(apiUrl(options.base, path), init);
    } catch {
      return { ok: false, failure: { kind: timedOut ? 'timeout' : 'network' } };
    }
    const answer = await readJson(response);
    if (!response.ok) {
      return { ok: false, failure: { kind: 'http', status: response.status, problem: parseProblem(answer) } };
    }
    const value = parse(answer);
    return value === null ? { ok: false, failure: { kind: 'unreadable' } } : { ok: true, value };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onOuterAbort);
  }
}

export function fetchPapers(page: number, size: number, options: RequestOptions): Promise<Result<PaperPage>> {
  return getJson(papersPath(page, size), parsePaperPage, options);
}

/** A signed-in session: the token to send as `Authorization: Bearer …`. */
export interface Session {
  readonly token: string;
  readonly displayName: string;
}

export function parseSession(body: unknown): Session | null {
  if (typeof body !== 'object' || body === null) return null;
  const b = body as Record<string, unknown>;
  const account = b['account'] as Record<string, unknown> | undefined;
  if (typeof b['token'] !== 'string' || typeof account?.['displayName'] !== 'string') return null;
  return { token: b['token'], displayName: account['displayName'] };
}

/** Signs in with a local account's handle and password. */
export function signIn(handle: string, password: string, options: RequestOptions): Promise<Result<Session>> {
  return requestJson('POST', '/api/auth/sign-in', { handle, password }, parseSession, options);
}
