import { describe, expect, it } from 'vitest';
import { formatDateTime } from './format';
import { DICTIONARIES, fill, LOCALES, MESSAGES, matchLocale, pickLocale, setLocale, t, type Key } from './strings';

describe('choosing the language', () => {
  it('prefers an explicit choice, then the browser languages, then English', () => {
    expect(pickLocale('fr', ['en-US'])).toBe('fr');
    expect(pickLocale(null, ['de-DE', 'fr-CA', 'en'])).toBe('fr');
    expect(pickLocale('xx', ['es', 'de'])).toBe('en');
    expect(pickLocale(null, [])).toBe('en');
  });

  it('matches on the primary language subtag', () => {
    expect(matchLocale('FR_be')).toBe('fr');
    expect(matchLocale('en-GB')).toBe('en');
    expect(matchLocale('')).toBeNull();
  });
});

describe('the string tables', () => {
  it('have text for every message in every language', () => {
    for (const locale of LOCALES) {
      for (const [key, value] of Object.entries(MESSAGES[locale])) {
        const sample = typeof value === 'function' ? String(value('3', '7')) : value;
        expect(sample, `${locale}.${key}`).toBeTruthy();
      }
    }
  });

  it('really translate the French', () => {
    expect(MESSAGES.fr.papersHeading).not.toBe(MESSAGES.en.papersHeading);
    expect(MESSAGES.fr.total('1')).toBe('1 texte.');
    expect(MESSAGES.en.total('12')).toBe('12 papers.');
  });
});

describe('formatDateTime', () => {
  it('formats an instant for the reader and keeps unreadable values as they are', () => {
    expect(formatDateTime('2026-03-05T10:15:00Z', 'en', 'UTC')).toMatch(/Mar 5, 2026/);
    expect(formatDateTime('2026-03-05T10:15:00Z', 'fr', 'UTC')).toMatch(/5 mars 2026/);
    expect(formatDateTime('yesterday', 'en')).toBe('yesterday');
  });
});

describe('the app’s message tables', () => {
  const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

  it('have a non-empty French text for every English one, with the same placeholders', () => {
    const en = DICTIONARIES.en;
    const fr = DICTIONARIES.fr;
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as Key[]) {
      expect(fr[key].trim(), key).not.toBe('');
      expect(placeholders(fr[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('fill placeholders and switch language', () => {
    setLocale('fr');
    expect(t('history.rev', { n: 3 })).toBe('Version 3');
    setLocale('en');
    expect(t('history.rev', { n: 3 })).toBe('Revision 3');
    expect(fill('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});
