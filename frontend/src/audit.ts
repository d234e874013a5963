/** The audit log's paging and how an entry's details are put into short lines. */

/** How many pages `total` entries make at `size` per page (at least one). */
export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, size)));
}

/** "Showing 21–40 of 95": the first and last entry numbers of a page (1-based), or null if empty. */
export function pageRange(page: number, size: number, shown: number, total: number): readonly [number, number] | null {
  if (shown === 0 || total === 0) return null;
  const first = page * size + 1;
  return [first, Math.min(total, first + shown - 1)];
}

function valueText(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** An entry's payload as `key: value` pairs, values shortened to `max` characters. */
export function payloadLines(payload: Readonly<Record<string, unknown>> | null, max = 160): [string, string][] {
  if (payload === null) return [];
  return Object.entries(payload).map(([key, value]) => {
    const text = valueText(value);
    return [key, text.length > max ? `${text.slice(0, max - 1)}…` : text];
  });
}

/** The query string for one page of the log, with the optional type filter (`*` wildcard). */
export function auditQuery(page: number, size: number, type: string): string {
  const params = new URLSearchParams({ page: String(page), size: String(size) });
  if (type.trim() !== '') params.set('type', type.trim());
  return params.toString();
}
