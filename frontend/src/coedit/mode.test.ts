import { describe, expect, it } from 'vitest';
import { editMode, editorAccess, inGroupOf } from './mode';

describe('how the section screen edits', () => {
  it('binds owners, editors and contributors of the section’s group to the live text', () => {
    expect(editMode('OWNER', false)).toBe('write');
    expect(editMode('EDITOR', false)).toBe('write');
    expect(editMode('CONTRIBUTOR', true)).toBe('write');
  });

  it('lets other contributors propose and observers watch', () => {
    expect(editMode('CONTRIBUTOR', false)).toBe('propose');
    expect(editMode('OBSERVER', true)).toBe('watch');
    expect(editMode(null, false)).toBe('watch');
  });

  it('finds the contributor’s group holding the section', () => {
    const workshops = [{ groups: [{ memberIds: [4, 5], sectionIds: [10] }, { memberIds: [7], sectionIds: [11, 12] }] }];
    expect(inGroupOf(workshops, 7, 12)).toBe(true);
    expect(inGroupOf(workshops, 7, 10)).toBe(false);
    expect(inGroupOf(workshops, null, 10)).toBe(false);
    expect(inGroupOf([{ groups: null }], 7, 12)).toBe(false);
  });
});

describe('what the live editor allows', () => {
  it('lets a writer type once the document met the server’s, and not before', () => {
    expect(editorAccess(true, false, false)).toBe('wait');
    expect(editorAccess(true, true, false)).toBe('write');
  });

  it('lets readers and refused writers only read', () => {
    expect(editorAccess(false, true, false)).toBe('watch');
    expect(editorAccess(false, false, false)).toBe('watch');
    expect(editorAccess(true, true, true)).toBe('watch');
  });
});
