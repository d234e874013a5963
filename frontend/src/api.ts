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
}

/** GETs JSON; the body goes through `parse`, and anything unexpected becomes a Failure. */
export async function getJson<T>(
  path: string,
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
      response = await options.fetch(apiUrl(options.base, path), {
        headers: { Accept: 'application/json, application/problem+json' },
        signal: controller.signal,
      });
    } catch {
      return { ok: false, failure: { kind: timedOut ? 'timeout' : 'network' } };
    }
    const body = await readJson(response);
    if (!response.ok) {
      return { ok: false, failure: { kind: 'http', status: response.status, problem: parseProblem(body) } };
    }
    const value = parse(body);
    return value === null ? { ok: false, failure: { kind: 'unreadable' } } : { ok: true, value };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onOuterAbort);
  }
}

export function fetchPapers(page: number, size: number, options: RequestOptions): Promise<Result<PaperPage>> {
  return getJson(papersPath(page, size), parsePaperPage, options);
}
