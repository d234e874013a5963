import { describe, expect, it } from 'vitest';
import { formatBytes, formatPercent } from './format';

describe('formatBytes', () => {
  it('picks a unit and keeps one decimal under 10', () => {
    expect(formatBytes(512, 'en')).toBe('512 B');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(250 * 1024, 'en')).toBe('250 KB');
    expect(formatBytes(3.25 * 1024 * 1024, 'en')).toBe('3.3 MB');
    expect(formatBytes(1536, 'fr')).toBe('1,5 KB');
    expect(formatBytes(-5, 'en')).toBe('0 B');
  });
});

describe('formatPercent', () => {
  it('formats in the reader’s language and clamps', () => {
    expect(formatPercent(42, 'en')).toBe('42%');
    expect(formatPercent(42, 'fr').replace(/\s/g, ' ')).toBe('42 %');
    expect(formatPercent(130, 'en')).toBe('100%');
  });
});
