/** Which moderation actions a reader gets on one comment, decided from the comment and the role. */
import type { CommentView, Draft } from './types';

export interface CommentActions {
  readonly flag: boolean;
  readonly flagged: boolean;
  readonly hide: boolean;
  readonly show: boolean;
  readonly versions: boolean;
}

export function commentActions(c: CommentView, canModerate: boolean): CommentActions {
  return {
    // One's own comment is edited or deleted, not flagged; a deleted one has nothing to flag.
    flag: !c.mine && !c.deleted && !c.hidden && !c.flaggedByMe,
    flagged: c.flaggedByMe && !c.hidden,
    hide: canModerate && !c.deleted && !c.hidden,
    show: canModerate && c.hidden,
    versions: c.edited && !c.deleted && (c.body !== null || canModerate),
  };
}

/** The other drafts of the same section, newest first: the ones a draft can be compared with. */
export function comparableDrafts(drafts: readonly Draft[], current: Pick<Draft, 'id' | 'sectionId'>): Draft[] {
  return drafts
    .filter((d) => d.sectionId === current.sectionId && d.id !== current.id)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** The downloaded data's file name, dated (2026-11-29). */
export function dataFileName(now: Date): string {
  return `plenary-my-data-${now.toISOString().slice(0, 10)}.json`;
}
