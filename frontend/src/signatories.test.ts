import { describe, expect, it } from 'vitest';
import { formatSignatories, parseSignatories } from './signatories';

describe('signatories as text', () => {
  it('reads one per line, with optional title and organisation', () => {
    expect(parseSignatories('Sofia Marsh; Lead facilitator; LSE IDEAS\n\nKwame Asante;;JustPeace Labs\nElena Rossi')).toEqual([
      { name: 'Sofia Marsh', title: 'Lead facilitator', organisation: 'LSE IDEAS' },
      { name: 'Kwame Asante', title: null, organisation: 'JustPeace Labs' },
      { name: 'Elena Rossi', title: null, organisation: null },
    ]);
  });

  it('writes them back the same way', () => {
    const text = 'Sofia Marsh; Lead facilitator; LSE IDEAS\nElena Rossi';
    expect(formatSignatories(parseSignatories(text))).toBe(text);
  });
});
