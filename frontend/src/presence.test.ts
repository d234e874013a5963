import { describe, expect, it } from 'vitest';
import { heartbeatSeconds, others, presentFrom, tabId, type Present } from './presence';

const ana: Present = { accountId: 1, handle: 'ana', displayName: 'Ana', sectionId: 5, editing: false };
const ben: Present = { accountId: 2, handle: 'ben', displayName: 'Ben', sectionId: 5, editing: true };

describe('presence', () => {
  it('reads people from hello and presence events, and ignores other events', () => {
    expect(presentFrom('hello', JSON.stringify({ presence: { people: [ana] } }))).toEqual([ana]);
    expect(presentFrom('presence', JSON.stringify({ people: [ben] }))).toEqual([ben]);
    expect(presentFrom('section.saved', '{}')).toBeNull();
    expect(presentFrom('presence', 'not json')).toBeNull();
  });

  it('lists each other person once, preferring where they edit, without the viewer', () => {
    const anaElsewhere: Present = { ...ana, sectionId: 7, editing: true };
    expect(others([ana, ben, anaElsewhere], 2).map((p) => [p.displayName, p.editing])).toEqual([['Ana', true]]);
    expect(others([ana, ben, anaElsewhere], null, 5).map((p) => p.displayName)).toEqual(['Ana', 'Ben']);
  });

  it('keeps anonymous people apart by section rather than merging them', () => {
    const anon = (section: number): Present => ({ accountId: null, handle: null, displayName: 'A participant', sectionId: section, editing: false });
    expect(others([anon(1), anon(2)], null)).toHaveLength(2);
  });

  it('takes the heartbeat interval from hello, with a sane default', () => {
    expect(heartbeatSeconds(JSON.stringify({ presence: { heartbeatSeconds: 5 } }))).toBe(5);
    expect(heartbeatSeconds('{}')).toBe(15);
    expect(heartbeatSeconds('oops')).toBe(15);
  });

  it('makes tab ids the server accepts', () => {
    expect(tabId()).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(tabId(() => 0)).toBe('tab-aaaaaaaaaaaaaaaa');
  });
});
