import { describe, expect, it } from 'vitest';
import { buildAnchor, CONTEXT, mentionAt } from './anchor';

describe('buildAnchor', () => {
  const text = 'Intro line.\n\nThe escalation channel must answer within a week.\n';

  it('quotes the selection with context and its offset in the Markdown source', () => {
    const from = text.indexOf('escalation');
    const anchor = buildAnchor(text, from, from + 'escalation channel'.length, 4);
    expect(anchor).toEqual({
      exact: 'escalation channel',
      prefix: text.slice(Math.max(0, from - CONTEXT), from),
      suffix: text.slice(from + 18, from + 18 + CONTEXT),
      revision: 4,
      start: from,
    });
  });

  it('trims surrounding whitespace, accepts a backwards selection, refuses a blank one', () => {
    const from = text.indexOf('The') - 2;
    const to = text.indexOf('The') + 3;
    expect(buildAnchor(text, to, from, 1)?.exact).toBe('The');
    expect(buildAnchor(text, 11, 13, 1)).toBeNull();
  });

  it('keeps Arabic text as it is', () => {
    const arabic = 'مرحبا بالعالم';
    expect(buildAnchor(arabic, 6, arabic.length, 2)?.exact).toBe('بالعالم');
  });
});

describe('mentionAt', () => {
  it('finds the @word before the caret', () => {
    expect(mentionAt('Thanks @am', 10)).toEqual({ query: 'am', from: 7 });
    expect(mentionAt('@', 1)).toEqual({ query: '', from: 0 });
  });

  it('ignores e-mail addresses and finished words', () => {
    expect(mentionAt('mail a@b', 8)).toBeNull();
    expect(mentionAt('@amina thanks', 13)).toBeNull();
  });
});
