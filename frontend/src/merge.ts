/**
 * Merging by choice. Two uses: after a 412 the user's text is compared with the text someone else
 * saved, and each difference is settled (theirs, mine, both, or edited); when an editor merges a
 * draft, each conflict region of the server's merge preview is settled the same way.
 */
import type { Region } from './types';

/** A piece of a word diff, shaped like the `diff` library's Change. */
export interface DiffPart {
  readonly value: string;
  readonly added?: boolean;
  readonly removed?: boolean;
}

export type Segment =
  | { readonly kind: 'same'; readonly text: string }
  | { readonly kind: 'change'; readonly index: number; readonly theirs: string; readonly mine: string };

export type Choice =
  | { readonly take: 'THEIRS' }
  | { readonly take: 'MINE' }
  | { readonly take: 'BOTH' }
  | { readonly take: 'TEXT'; readonly text: string };

/** Groups a diff from their text to mine into unchanged text and numbered changes. */
export function segments(parts: readonly DiffPart[]): Segment[] {
  const out: Segment[] = [];
  let index = 0;
  let theirs: string | null = null;
  let mine: string | null = null;
  const flush = (): void => {
    if (theirs !== null || mine !== null) {
      out.push({ kind: 'change', index: index++, theirs: theirs ?? '', mine: mine ?? '' });
      theirs = null;
      mine = null;
    }
  };
  for (const part of parts) {
    if (part.removed === true) theirs = (theirs ?? '') + part.value;
    else if (part.added === true) mine = (mine ?? '') + part.value;
    else {
      flush();
      out.push({ kind: 'same', text: part.value });
    }
  }
  flush();
  return coalesce(out);
}

/**
 * Joins changes separated only by spaces, so "one year" → "thirty days" is one choice rather
 * than two halves that could be mixed into nonsense (the server's merge does the same).
 */
function coalesce(segs: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i] as Segment;
    const prev = out[out.length - 1];
    const next = segs[i + 1];
    if (seg.kind === 'same' && /^\s+$/.test(seg.text) && prev?.kind === 'change' && next?.kind === 'change') {
      out[out.length - 1] = {
        kind: 'change',
        index: prev.index,
        theirs: prev.theirs + seg.text + next.theirs,
        mine: prev.mine + seg.text + next.mine,
      };
      i++;
      continue;
    }
    out.push(seg);
  }
  let index = 0;
  return out.map((s) => (s.kind === 'change' ? { ...s, index: index++ } : s));
}

function pick(theirs: string, mine: string, choice: Choice): string {
  switch (choice.take) {
    case 'THEIRS':
      return theirs;
    case 'MINE':
      return mine;
    case 'BOTH':
      return theirs === '' || mine === '' ? theirs + mine : `${theirs} ${mine}`;
    case 'TEXT':
      return choice.text;
  }
}

/**
 * The merged text, or the indexes of changes still without a choice (then nothing is assembled,
 * so a half-made choice is never saved).
 */
export function assemble(
  segs: readonly Segment[],
  choices: ReadonlyMap<number, Choice>,
): { readonly text: string; readonly missing: readonly number[] } {
  const missing: number[] = [];
  let text = '';
  for (const seg of segs) {
    if (seg.kind === 'same') {
      text += seg.text;
      continue;
    }
    const choice = choices.get(seg.index);
    if (choice === undefined) missing.push(seg.index);
    else text += pick(seg.theirs, seg.mine, choice);
  }
  return missing.length > 0 ? { text: '', missing } : { text, missing };
}

export type Take = 'OURS' | 'THEIRS' | 'BOTH' | 'TEXT';
export interface Resolution {
  readonly region: number;
  readonly take: Take;
  readonly text?: string;
}

/**
 * The `resolutions` of a draft merge (POST …/merge) from the choice made for each conflict
 * region, and the conflicts still open.
 */
export function resolutions(
  regions: readonly Region[],
  choices: ReadonlyMap<number, { readonly take: Take; readonly text?: string }>,
): { readonly resolutions: readonly Resolution[]; readonly missing: readonly number[] } {
  const out: Resolution[] = [];
  const missing: number[] = [];
  for (const region of regions) {
    if (region.conflict === null) continue;
    const choice = choices.get(region.conflict);
    if (choice === undefined || (choice.take === 'TEXT' && choice.text === undefined)) {
      missing.push(region.conflict);
      continue;
    }
    out.push(
      choice.take === 'TEXT'
        ? { region: region.conflict, take: 'TEXT', text: choice.text ?? '' }
        : { region: region.conflict, take: choice.take },
    );
  }
  return { resolutions: out, missing };
}
