import { diffWordsWithSpace } from 'diff';
import { describe, expect, it } from 'vitest';
import { assemble, resolutions, segments, type Choice } from './merge';
import type { Region } from './types';

describe('settling a 412 difference by difference', () => {
  const theirs = 'Members publish what they collect within one year.';
  const mine = 'Members publish what they gather within thirty days.';
  const segs = segments(diffWordsWithSpace(theirs, mine));
  const changes = segs.filter((s) => s.kind === 'change');

  it('groups removed and added words into numbered changes, joined across spaces', () => {
    expect(changes).toEqual([
      { kind: 'change', index: 0, theirs: 'collect', mine: 'gather' },
      { kind: 'change', index: 1, theirs: 'one year', mine: 'thirty days' },
    ]);
  });

  it('assembles their text, my text, or a mix', () => {
    const all = (take: 'THEIRS' | 'MINE'): Map<number, Choice> => new Map(changes.map((c) => [c.index, { take }]));
    expect(assemble(segs, all('THEIRS')).text).toBe(theirs);
    expect(assemble(segs, all('MINE')).text).toBe(mine);
    const mixed = new Map<number, Choice>(all('THEIRS'));
    mixed.set(changes.length - 1, { take: 'TEXT', text: 'six months' });
    expect(assemble(segs, mixed).text).toMatch(/within six months\.$/);
  });

  it('keeps both sides, theirs first', () => {
    const segs2 = segments([{ value: 'A ' }, { value: 'red', removed: true }, { value: 'blue', added: true }, { value: ' car' }]);
    expect(assemble(segs2, new Map([[0, { take: 'BOTH' }]])).text).toBe('A red blue car');
  });

  it('assembles nothing while a change has no choice', () => {
    const result = assemble(segs, new Map([[0, { take: 'MINE' }]]));
    expect(result.text).toBe('');
    expect(result.missing.length).toBe(changes.length - 1);
  });
});

describe('resolutions of a draft merge', () => {
  const regions: Region[] = [
    { kind: 'TEXT', conflict: null, text: 'agreed', base: null, ours: null, theirs: null },
    { kind: 'CONFLICT', conflict: 0, text: null, base: 'b', ours: 'o', theirs: 't' },
    { kind: 'CONFLICT', conflict: 1, text: null, base: 'b', ours: 'o', theirs: 't' },
  ];

  it('lists one resolution per conflict, with text only for TEXT', () => {
    const result = resolutions(regions, new Map([
      [0, { take: 'THEIRS' as const }],
      [1, { take: 'TEXT' as const, text: 'written' }],
    ]));
    expect(result.missing).toEqual([]);
    expect(result.resolutions).toEqual([
      { region: 0, take: 'THEIRS' },
      { region: 1, take: 'TEXT', text: 'written' },
    ]);
  });

  it('names the conflicts left open', () => {
    expect(resolutions(regions, new Map([[1, { take: 'OURS' as const }]])).missing).toEqual([0]);
  });
});
