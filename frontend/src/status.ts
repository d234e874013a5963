import { PAPER_STATUSES, type KnownPaperStatus } from './papers';
import type { Strings } from './strings';

export function isKnownStatus(status: string): status is KnownPaperStatus {
  return (PAPER_STATUSES as readonly string[]).includes(status);
}

/** "SOME_NEW_STATUS" → "Some new status": readable even before the app learns a new status. */
export function humanizeConstant(value: string): string {
  const words = value.trim().replace(/[_\s]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The label shown for a paper's status, in the reader's language. */
export function statusLabel(status: string, strings: Strings): string {
  return isKnownStatus(status) ? strings.statuses[status] : humanizeConstant(status);
}

/** A CSS class for the status badge; unknown statuses share a neutral look. */
export function statusClass(status: string): string {
  return isKnownStatus(status) ? `status status-${status.toLowerCase()}` : 'status status-other';
}
