/**
 * Search snippets. The server sends each snippet as HTML: the section's Markdown source escaped
 * (`&lt; &gt; &amp; &quot; &#39;`) with the matches wrapped in `<mark>`. Rather than trusting it
 * as innerHTML, the app reads just those two things back into text runs, so nothing else in a
 * snippet can ever become markup.
 */

export interface SnippetRun {
  readonly text: string;
  readonly mark: boolean;
}

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the character references the server's escaping produces; anything else stays as typed. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]+);/gi, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** Splits a snippet into plain and highlighted runs (empty runs dropped, neighbours joined). */
export function parseSnippet(html: string): SnippetRun[] {
  const runs: SnippetRun[] = [];
  const push = (raw: string, mark: boolean): void => {
    const text = decodeEntities(raw);
    if (text === '') return;
    const last = runs[runs.length - 1];
    if (last !== undefined && last.mark === mark) runs[runs.length - 1] = { text: last.text + text, mark };
    else runs.push({ text, mark });
  };
  let mark = false;
  let rest = html;
  for (;;) {
    const tag = mark ? '</mark>' : '<mark>';
    const at = rest.toLowerCase().indexOf(tag);
    if (at < 0) {
      push(rest, mark);
      return runs;
    }
    push(rest.slice(0, at), mark);
    rest = rest.slice(at + tag.length);
    mark = !mark;
  }
}
