import { describe, expect, it } from 'vitest';
import { mentionsSection, savedRevisionIn } from './events';

describe('the paper’s live events', () => {
  it('name the section they are about, and no section whose id merely starts the same', () => {
    expect(mentionsSection('{"data":{"sectionId":42,"revision":3}}', 42)).toBe(true);
    expect(mentionsSection('{"data":{"sectionId": 42}}', 42)).toBe(true);
    expect(mentionsSection('{"data":{"sectionId":421}}', 42)).toBe(false);
    expect(mentionsSection('{"data":{"threadId":42}}', 42)).toBe(false);
  });

  it('read the revision a save reports, or 0', () => {
    expect(savedRevisionIn('{"data":{"sectionId":4,"revision":7}}')).toBe(7);
    expect(savedRevisionIn('{"data":{}}')).toBe(0);
    expect(savedRevisionIn('not json')).toBe(0);
  });
});
