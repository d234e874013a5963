/**
 * The one API client the screens use: JSON in and out, bearer token, `If-Match`, ETags, and a
 * single place that notices an expired session (401) so the app can ask to sign in again.
 */
import { parseProblem, type Failure } from './problem';

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** Joins the API base ("" = same origin) and an absolute path without doubling slashes. */
export function apiUrl(base: string, path: string): string {
  const trimmed = base.trim().replace(/\/+$/, '');
  const absolute = path.startsWith('/') ? path : `/${path}`;
  return `${trimmed}${absolute}`;
}

export type Answer<T> =
  | { readonly ok: true; readonly value: T; readonly status: number; readonly etag: string | null }
  | { readonly ok: false; readonly failure: Failure };

export interface CallOptions {
  readonly body?: unknown;
  readonly ifMatch?: string;
  readonly signal?: AbortSignal;
  /** Read the answer as a Blob (files) instead of JSON. */
  readonly blob?: boolean;
  /** Send this file as the body, as it is (uploads), instead of JSON. */
  readonly file?: Blob;
  /** Wait this long for the answer instead of the client's default (a large upload, a conversion). */
  readonly timeoutMs?: number;
}

export interface ClientConfig {
  readonly fetch: Fetch;
  readonly base: string;
  readonly timeoutMs: number;
  readonly token: () => string | null;
  /**
   * Called on a 401 for a request that carried a token. May renew the session (e.g. an OIDC
   * refresh) and return true, so the request is tried once more.
   */
  readonly onUnauthorized: () => Promise<boolean>;
}

async function readBody(response: Response, blob: boolean): Promise<unknown> {
  if (response.status === 204) return undefined;
  if (blob && response.ok) return response.blob();
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export class Client {
  constructor(private readonly config: ClientConfig) {}

  url(path: string): string {
    return apiUrl(this.config.base, path);
  }

  async call<T>(method: string, path: string, options: CallOptions = {}, retried = false): Promise<Answer<T>> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, options.timeoutMs ?? this.config.timeoutMs);
    const onOuterAbort = (): void => controller.abort();
    options.signal?.addEventListener('abort', onOuterAbort, { once: true });
    const token = this.config.token();
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.file !== undefined) headers['Content-Type'] = 'application/octet-stream';
    if (token !== null) headers['Authorization'] = `Bearer ${token}`;
    if (options.ifMatch !== undefined) headers['If-Match'] = options.ifMatch;
    try {
      let response: Response;
      try {
        const init: RequestInit = { method, headers, signal: controller.signal };
        if (options.body !== undefined) init.body = JSON.stringify(options.body);
        if (options.file !== undefined) init.body = options.file;
        response = await this.config.fetch(this.url(path), init);
      } catch {
        return { ok: false, failure: { kind: timedOut ? 'timeout' : 'network' } };
      }
      const body = await readBody(response, options.blob === true);
      if (response.status === 401 && token !== null && !retried) {
        clearTimeout(timer);
        if (await this.config.onUnauthorized()) return this.call(method, path, options, true);
      }
      if (!response.ok) {
        return {
          ok: false,
          failure: { kind: 'http', status: response.status, problem: parseProblem(body), raw: body },
        };
      }
      return { ok: true, value: body as T, status: response.status, etag: response.headers.get('ETag') };
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onOuterAbort);
    }
  }

  get<T>(path: string, signal?: AbortSignal): Promise<Answer<T>> {
    return this.call<T>('GET', path, signal === undefined ? {} : { signal });
  }

  post<T>(path: string, body?: unknown, ifMatch?: string): Promise<Answer<T>> {
    return this.call<T>('POST', path, {
      ...(body === undefined ? {} : { body }),
      ...(ifMatch === undefined ? {} : { ifMatch }),
    });
  }

  put<T>(path: string, body: unknown, ifMatch?: string): Promise<Answer<T>> {
    return this.call<T>('PUT', path, { body, ...(ifMatch === undefined ? {} : { ifMatch }) });
  }

  patch<T>(path: string, body: unknown, ifMatch?: string): Promise<Answer<T>> {
    return this.call<T>('PATCH', path, { body, ...(ifMatch === undefined ? {} : { ifMatch }) });
  }

  del<T>(path: string): Promise<Answer<T>> {
    return this.call<T>('DELETE', path);
  }

  /** POSTs a file as the request body; uploads may take longer than other calls. */
  upload<T>(path: string, file: Blob, timeoutMs = 120_000): Promise<Answer<T>> {
    return this.call<T>('POST', path, { file, timeoutMs });
  }

  blob(path: string): Promise<Answer<Blob>> {
    return this.call<Blob>('GET', path, { blob: true });
  }
}

/** True when a failure is an HTTP answer with the given status. */
export function isStatus(failure: Failure, ...statuses: number[]): boolean {
  return failure.kind === 'http' && statuses.includes(failure.status);
}
