import { describe, expect, it } from 'vitest';
import { describeFailure, parseProblem } from './problem';
import { stringsFor } from './strings';

const en = stringsFor('en');
const fr = stringsFor('fr');

describe('parseProblem', () => {
  it('reads an RFC 9457 document with field errors', () => {
    const problem = parseProblem({
      type: 'https://plenary.example/problems/invalid',
      title: 'Invalid request',
      status: 422,
      detail: 'The request has 2 invalid fields.',
      errors: [
        { field: 'size', message: 'must be at most 200' },
        { field: 'page', message: 'must be 0 or more' },
        { nonsense: true },
      ],
    });
    expect(problem).toEqual({
      type: 'https://plenary.example/problems/invalid',
      title: 'Invalid request',
      status: 422,
      detail: 'The request has 2 invalid fields.',
      errors: [
        { field: 'size', message: 'must be at most 200' },
        { field: 'page', message: 'must be 0 or more' },
      ],
    });
  });

  it('refuses bodies that are not problem documents', () => {
    expect(parseProblem(undefined)).toBeNull();
    expect(parseProblem('Internal Server Error')).toBeNull();
    expect(parseProblem([])).toBeNull();
    expect(parseProblem({ message: 'spring-style error' })).toBeNull();
  });
});

describe('describeFailure', () => {
  it("puts the server's detail first and lists field errors", () => {
    const problem = parseProblem({
      title: 'Invalid request',
      status: 400,
      detail: 'The page size is too large.',
      errors: [{ field: 'size', message: 'must be at most 200' }, { message: 'try again' }],
    });
    expect(describeFailure({ kind: 'http', status: 400, problem }, en)).toEqual({
      summary: 'The page size is too large.',
      details: ['size: must be at most 200', 'try again'],
    });
    expect(describeFailure({ kind: 'http', status: 400, problem }, fr).details[0]).toBe(
      'size : must be at most 200',
    );
  });

  it('falls back to a sentence for the status, then the title, then the code', () => {
    expect(describeFailure({ kind: 'http', status: 503, problem: null }, en).summary).toBe(
      en.errorUnavailable,
    );
    const titled = parseProblem({ title: 'Conflict', status: 409 });
    expect(describeFailure({ kind: 'http', status: 409, problem: titled }, en).summary).toBe('Conflict');
    expect(describeFailure({ kind: 'http', status: 500, problem: null }, en).summary).toBe(
      'Something went wrong on the server (error 500).',
    );
    expect(describeFailure({ kind: 'http', status: 418, problem: null }, fr).summary).toBe(
      'Le serveur a refusé la demande (erreur 418).',
    );
  });

  it('explains network trouble, time-outs and unreadable answers', () => {
    expect(describeFailure({ kind: 'network' }, en)).toEqual({ summary: en.errorNetwork, details: [] });
    expect(describeFailure({ kind: 'timeout' }, fr).summary).toBe(fr.errorTimeout);
    expect(describeFailure({ kind: 'unreadable' }, en).summary).toBe(en.errorUnreadable);
  });
});
