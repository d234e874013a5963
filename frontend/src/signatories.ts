/** The cover letter's signatories, edited as text: one per line, "name; title; organisation". */
import type { Signatory } from './types';

/** "Name; Title; Organisation" per line ↔ signatories. */
export function parseSignatories(text: string): Signatory[] {
  return text
    .split('\n')
    .map((line) => line.split(';').map((part) => part.trim()))
    .filter((parts) => (parts[0] ?? '') !== '')
    .map(([name, title, organisation]) => ({
      name: name ?? '',
      title: title === undefined || title === '' ? null : title,
      organisation: organisation === undefined || organisation === '' ? null : organisation,
    }));
}

export function formatSignatories(list: readonly Signatory[]): string {
  return list.map((s) => [s.name, s.title ?? '', s.organisation ?? ''].join('; ').replace(/(; )+$/, '')).join('\n');
}
