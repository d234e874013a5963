/** Endorsement tallies turned into rows of a small bar chart. */
import type { GroupTally, Tally } from './types';

export interface TallyRow {
  /** The stakeholder group, or null for "no group given". */
  readonly group: string | null;
  readonly endorse: number;
  readonly withReservations: number;
  readonly object: number;
  readonly total: number;
  /** Widths of the three bar segments, in percent of the largest group's total. */
  readonly widths: readonly [number, number, number];
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Rows for each group with any stance, largest first; bar widths scale to the largest total. */
export function tallyRows(tally: Tally): TallyRow[] {
  const groups = tally.byGroup.filter((g: GroupTally) => g.total > 0);
  const max = Math.max(1, ...groups.map((g) => g.total));
  return [...groups]
    .sort((a, b) => b.total - a.total || String(a.group).localeCompare(String(b.group)))
    .map((g) => ({
      group: g.group,
      endorse: g.endorse,
      withReservations: g.withReservations,
      object: g.object,
      total: g.total,
      widths: [round1((g.endorse / max) * 100), round1((g.withReservations / max) * 100), round1((g.object / max) * 100)],
    }));
}

/** Share of a part in a whole, as a whole percentage (0 when the whole is 0). */
export function percentOf(part: number, whole: number): number {
  return whole <= 0 ? 0 : Math.round((part / whole) * 100);
}
