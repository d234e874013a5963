/** Building a comment's anchor (a W3C TextQuoteSelector) from a selection in the Markdown source. */

export interface AnchorRequest {
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
  readonly revision: number;
  readonly start: number;
}

/** How much context is kept on each side of the quote. */
export const CONTEXT = 32;
/** The server accepts quotes up to this many characters. */
export const MAX_QUOTE = 2000;

/**
 * The anchor for `text.slice(from, to)`, selected on `revision`. Surrounding whitespace is trimmed
 * from the quote; null when nothing but whitespace is selected.
 */
export function buildAnchor(text: string, from: number, to: number, revision: number): AnchorRequest | null {
  let start = Math.max(0, Math.min(from, to));
  let end = Math.min(text.length, Math.max(from, to));
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  if (start === end) return null;
  if (end - start > MAX_QUOTE) end = start + MAX_QUOTE;
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT), start),
    suffix: text.slice(end, end + CONTEXT),
    revision,
    start,
  };
}

/** The `@word` being typed just before the caret, for mention completion; null when there is none. */
export function mentionAt(text: string, caret: number): { readonly query: string; readonly from: number } | null {
  const before = text.slice(0, caret);
  const match = /(^|[^\w@])@([\w.-]{0,31})$/.exec(before);
  if (match === null) return null;
  const query = match[2] ?? '';
  return { query, from: caret - query.length - 1 };
}
