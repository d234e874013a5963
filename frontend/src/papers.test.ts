import { describe, expect, it } from 'vitest';
import { parsePaperPage } from './papers';

const paper = {
  id: 1,
  slug: 'water-commons',
  title: 'The water commons',
  subtitle: 'A proposal of the Nairobi workshop',
  status: 'DRAFTING',
  language: 'en',
  updatedAt: '2026-03-05T10:15:00Z',
};

describe('parsePaperPage', () => {
  it('accepts the documented response shape', () => {
    const page = parsePaperPage({ items: [paper], page: 0, size: 50, total: 1 });
    expect(page).toEqual({ items: [paper], page: 0, size: 50, total: 1 });
  });

  it('treats a missing, null or blank subtitle as none', () => {
    const { subtitle: _omitted, ...withoutSubtitle } = paper;
    for (const item of [withoutSubtitle, { ...paper, subtitle: null }, { ...paper, subtitle: '  ' }]) {
      expect(parsePaperPage({ items: [item], page: 0, size: 50, total: 1 })?.items[0]?.subtitle).toBeNull();
    }
  });

  it('accepts an empty page', () => {
    expect(parsePaperPage({ items: [], page: 0, size: 50, total: 0 })?.items).toEqual([]);
  });

  it('refuses answers of another shape', () => {
    expect(parsePaperPage(null)).toBeNull();
    expect(parsePaperPage([paper])).toBeNull();
    expect(parsePaperPage({ items: [paper], page: 0, size: 50 })).toBeNull();
    expect(parsePaperPage({ items: [{ ...paper, id: '1' }], page: 0, size: 50, total: 1 })).toBeNull();
    expect(parsePaperPage({ items: [{ ...paper, title: undefined }], page: 0, size: 50, total: 1 })).toBeNull();
  });
});
