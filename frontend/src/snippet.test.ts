import { describe, expect, it } from 'vitest';
import { decodeEntities, parseSnippet } from './snippet';

describe('parseSnippet', () => {
  it('reads marks into highlighted runs', () => {
    expect(parseSnippet('Open <mark>data</mark> for <mark>peace</mark>.')).toEqual([
      { text: 'Open ', mark: false },
      { text: 'data', mark: true },
      { text: ' for ', mark: false },
      { text: 'peace', mark: true },
      { text: '.', mark: false },
    ]);
  });

  it('keeps escaped markup as text, never as tags', () => {
    const runs = parseSnippet('&lt;img src=x onerror=alert(1)&gt; &amp; <mark>&quot;x&#39;</mark>');
    expect(runs).toEqual([
      { text: '<img src=x onerror=alert(1)> & ', mark: false },
      { text: '"x\'', mark: true },
    ]);
  });

  it('treats any other tag as literal text', () => {
    expect(parseSnippet('<b>bold</b>')).toEqual([{ text: '<b>bold</b>', mark: false }]);
  });

  it('copes with an unclosed mark and adjacent marks', () => {
    expect(parseSnippet('a<mark>b</mark><mark>c')).toEqual([
      { text: 'a', mark: false },
      { text: 'bc', mark: true },
    ]);
    expect(parseSnippet('')).toEqual([]);
  });
});

describe('decodeEntities', () => {
  it('decodes numeric references and leaves unknown names alone', () => {
    expect(decodeEntities('&#233;t&#xE9; &nbsp; &bogus;')).toBe('été &nbsp; &bogus;');
  });
});
