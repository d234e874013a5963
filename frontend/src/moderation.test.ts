import { describe, expect, it } from 'vitest';
import { commentActions, comparableDrafts, dataFileName } from './moderation';
import type { CommentView, Draft } from './types';

const comment = (over: Partial<CommentView> = {}): CommentView => ({
  id: 1,
  threadId: 1,
  replyTo: null,
  author: { id: 2, handle: 'ana', displayName: 'Ana' } as CommentView['author'],
  body: 'Text',
  edited: false,
  deleted: false,
  hidden: false,
  hiddenReason: null,
  flags: null,
  flaggedByMe: false,
  version: 1,
  mine: false,
  createdAt: '2026-11-29T03:00:00Z',
  updatedAt: null,
  ...over,
});

describe('commentActions', () => {
  it('lets a reader flag someone else’s comment once', () => {
    expect(commentActions(comment(), false)).toMatchObject({ flag: true, flagged: false, hide: false, show: false });
    expect(commentActions(comment({ flaggedByMe: true }), false)).toMatchObject({ flag: false, flagged: true });
    expect(commentActions(comment({ mine: true }), false).flag).toBe(false);
    expect(commentActions(comment({ deleted: true, body: null }), false).flag).toBe(false);
  });

  it('gives editors hide, or show once hidden', () => {
    expect(commentActions(comment(), true)).toMatchObject({ hide: true, show: false });
    expect(commentActions(comment({ hidden: true, hiddenReason: 'Spam' }), true)).toMatchObject({ hide: false, show: true, flag: false });
  });

  it('offers versions of an edited comment whose text can be seen', () => {
    expect(commentActions(comment({ edited: true }), false).versions).toBe(true);
    expect(commentActions(comment({ edited: true, hidden: true, body: null }), false).versions).toBe(false);
    expect(commentActions(comment({ edited: true, hidden: true }), true).versions).toBe(true);
    expect(commentActions(comment(), false).versions).toBe(false);
  });
});

describe('comparableDrafts', () => {
  const draft = (id: number, sectionId: number, updatedAt: string): Draft => ({ id, sectionId, updatedAt }) as Draft;
  it('lists the other drafts of the same section, newest first', () => {
    const list = [draft(1, 10, '2026-11-01'), draft(2, 10, '2026-11-03'), draft(3, 11, '2026-11-04'), draft(4, 10, '2026-11-02')];
    expect(comparableDrafts(list, { id: 1, sectionId: 10 }).map((d) => d.id)).toEqual([2, 4]);
  });
});

describe('dataFileName', () => {
  it('is dated', () => {
    expect(dataFileName(new Date('2026-11-29T03:30:00Z'))).toBe('plenary-my-data-2026-11-29.json');
  });
});
