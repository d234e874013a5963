import { describe, expect, it } from 'vitest';
import { percentOf, tallyRows } from './tally';
import type { Tally } from './types';

const tally: Tally = {
  total: 6,
  endorse: 3,
  withReservations: 2,
  object: 1,
  onEarlierVersion: 0,
  supportingGroups: 2,
  singleSector: false,
  byGroup: [
    { group: 'ACADEMIA', endorse: 1, withReservations: 0, object: 0, total: 1 },
    { group: 'CIVIL_SOCIETY', endorse: 2, withReservations: 1, object: 1, total: 4 },
    { group: 'TECH_INDUSTRY', endorse: 0, withReservations: 0, object: 0, total: 0 },
    { group: null, endorse: 0, withReservations: 1, object: 0, total: 1 },
  ],
};

describe('tallyRows', () => {
  it('lists groups with stances, largest first, scaled to the largest group', () => {
    const rows = tallyRows(tally);
    expect(rows.map((r) => r.group)).toEqual(['CIVIL_SOCIETY', 'ACADEMIA', null]);
    expect(rows[0]?.widths).toEqual([50, 25, 25]);
    expect(rows[1]?.widths).toEqual([25, 0, 0]);
  });

  it('is empty without stances', () => {
    expect(tallyRows({ ...tally, byGroup: [] })).toEqual([]);
  });
});

describe('percentOf', () => {
  it('rounds and survives an empty whole', () => {
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(0, 0)).toBe(0);
  });
});
