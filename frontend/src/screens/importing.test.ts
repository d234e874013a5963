import { describe, expect, it } from 'vitest';
import { importPath, noteText } from './importing';

describe('importing a document', () => {
  it('sends the file name and the level in the query, the language only when a paper is created', () => {
    expect(importPath({ kind: 'paper', paperId: 7 }, true, 'Draft v2 (final).docx', 2)).toBe(
      '/api/papers/7/imports/preview?filename=Draft+v2+%28final%29.docx&level=2',
    );
    expect(importPath({ kind: 'paper', paperId: 7 }, false, 'a.md', 1)).toBe('/api/papers/7/imports?filename=a.md&level=1');
    expect(importPath({ kind: 'new', language: 'fr' }, false, 'é.odt', 1)).toBe('/api/papers/imports?filename=%C3%A9.odt&level=1&language=fr');
    expect(importPath({ kind: 'new', language: 'fr' }, true, 'é.odt', 1)).toBe('/api/papers/imports/preview?filename=%C3%A9.odt&level=1');
  });

  it('words each report line in the reader’s language, with its count and detail', () => {
    expect(noteText({ kind: 'IMAGE', count: 2, detail: 'A map of Sahel', message: 'x' })).toBe(
      'Images are not imported yet: 2 left out (“A map of Sahel”).',
    );
    expect(noteText({ kind: 'TRACKED_CHANGES', count: 1, detail: null, message: 'x' })).toBe(
      'The file has tracked changes: it was read as if all were accepted.',
    );
  });
});
