/**
 * RFC 9457 problem details (application/problem+json) as the Plenary API sends them, and how a
 * failed request is put into plain words for the reader.
 */
import type { Strings } from './strings';

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

export interface Problem {
  readonly type: string | null;
  readonly title: string | null;
  readonly status: number | null;
  readonly detail: string | null;
  readonly errors: readonly FieldProblem[];
}

/** Why a request gave no usable answer. */
export type Failure =
  | { readonly kind: 'network' }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'unreadable' }
  | {
      readonly kind: 'http';
      readonly status: number;
      readonly problem: Problem | null;
      /** The decoded body, for extension members such as `currentBody` after a 412. */
      readonly raw?: unknown;
    };

/** What the reader is told: one sentence, and a line for each field the server named. */
export interface FailureMessage {
  readonly summary: string;
  readonly details: readonly string[];
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** Reads a decoded problem+json body; null when it is not a problem document at all. */
export function parseProblem(body: unknown): Problem | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const record = body as Record<string, unknown>;
  const status = record['status'];
  const problem: Problem = {
    type: text(record['type']),
    title: text(record['title']),
    status: typeof status === 'number' && Number.isInteger(status) ? status : null,
    detail: text(record['detail']),
    errors: Array.isArray(record['errors'])
      ? record['errors'].flatMap((e: unknown): FieldProblem[] => {
          if (typeof e !== 'object' || e === null) return [];
          const entry = e as Record<string, unknown>;
          const message = text(entry['message']);
          return message === null ? [] : [{ field: text(entry['field']) ?? '', message }];
        })
      : [],
  };
  const empty =
    problem.type === null &&
    problem.title === null &&
    problem.status === null &&
    problem.detail === null &&
    problem.errors.length === 0;
  return empty ? null : problem;
}

function statusMessage(status: number, strings: Strings): string | null {
  switch (status) {
    case 401:
      return strings.errorUnauthorized;
    case 403:
      return strings.errorForbidden;
    case 404:
      return strings.errorNotFound;
    case 429:
      return strings.errorTooMany;
    case 502:
    case 503:
    case 504:
      return strings.errorUnavailable;
    default:
      return null;
  }
}

/**
 * Puts a failure into plain words. For an HTTP error the server's own `detail` comes first (it is
 * the most specific), then a sentence for well-known statuses, then the problem's `title`, then a
 * generic sentence naming the status code.
 */
export function describeFailure(failure: Failure, strings: Strings): FailureMessage {
  switch (failure.kind) {
    case 'network':
      return { summary: strings.errorNetwork, details: [] };
    case 'timeout':
      return { summary: strings.errorTimeout, details: [] };
    case 'unreadable':
      return { summary: strings.errorUnreadable, details: [] };
    case 'http': {
      const { status, problem } = failure;
      const summary =
        problem?.detail ??
        statusMessage(status, strings) ??
        problem?.title ??
        (status >= 500 ? strings.errorServer(status) : strings.errorClient(status));
      const details = (problem?.errors ?? []).map((e) =>
        e.field === '' ? e.message : strings.fieldError(e.field, e.message),
      );
      return { summary, details };
    }
  }
}
