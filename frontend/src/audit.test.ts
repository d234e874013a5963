import { describe, expect, it } from 'vitest';
import { auditQuery, pageCount, pageRange, payloadLines } from './audit';

describe('audit paging', () => {
  it('counts pages, at least one', () => {
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(20, 20)).toBe(1);
    expect(pageCount(21, 20)).toBe(2);
  });

  it('names the entries shown', () => {
    expect(pageRange(1, 20, 20, 95)).toEqual([21, 40]);
    expect(pageRange(4, 20, 15, 95)).toEqual([81, 95]);
    expect(pageRange(0, 20, 0, 0)).toBeNull();
  });

  it('builds the query with an optional type filter', () => {
    expect(auditQuery(2, 20, '')).toBe('page=2&size=20');
    expect(auditQuery(0, 20, ' comment.* ')).toBe('page=0&size=20&type=comment.*');
  });
});

describe('payloadLines', () => {
  it('shows every value as short text', () => {
    expect(payloadLines({ reason: 'spam', flags: 2, ok: true, who: null, tags: ['a'] })).toEqual([
      ['reason', 'spam'],
      ['flags', '2'],
      ['ok', 'true'],
      ['who', '–'],
      ['tags', '["a"]'],
    ]);
    expect(payloadLines({ body: 'x'.repeat(10) }, 5)).toEqual([['body', 'xxxx…']]);
    expect(payloadLines(null)).toEqual([]);
  });
});
