import { describe, expect, it } from 'vitest';
import { humanizeConstant, isKnownStatus, statusClass, statusLabel } from './status';
import { stringsFor } from './strings';

describe('status labels', () => {
  it('names the known statuses in each language', () => {
    expect(statusLabel('DRAFTING', stringsFor('en'))).toBe('Drafting');
    expect(statusLabel('REVIEW', stringsFor('en'))).toBe('In review');
    expect(statusLabel('FROZEN', stringsFor('fr'))).toBe('Figé');
  });

  it('still shows a status the app does not know yet, readably', () => {
    expect(isKnownStatus('SUBMITTED_TO_UN')).toBe(false);
    expect(statusLabel('SUBMITTED_TO_UN', stringsFor('en'))).toBe('Submitted to un');
    expect(humanizeConstant('  ARCHIVED ')).toBe('Archived');
    expect(humanizeConstant('')).toBe('');
  });

  it('gives known statuses their own badge class and others a neutral one', () => {
    expect(statusClass('REVIEW')).toBe('status status-review');
    expect(statusClass('whatever')).toBe('status status-other');
  });
});
