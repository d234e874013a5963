/** A tolerant reader of a text/event-stream (Server-Sent Events), fed chunk by chunk. */

export interface SseEvent {
  readonly id: string | null;
  readonly event: string;
  readonly data: string;
}

/**
 * Parses the complete events in `buffer`; returns them and the incomplete rest to keep for the
 * next chunk. Comments (": …") and unknown fields are skipped; CRLF and CR line ends are accepted.
 */
export function parseSse(buffer: string): { readonly events: SseEvent[]; readonly rest: string } {
  const normalized = buffer.replace(/\r\n?/g, '\n');
  const blocks = normalized.split('\n\n');
  const rest = blocks.pop() ?? '';
  const events: SseEvent[] = [];
  for (const block of blocks) {
    let id: string | null = null;
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const name = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (name === 'id') id = value;
      else if (name === 'event') event = value;
      else if (name === 'data') data.push(value);
    }
    if (data.length > 0 || event !== 'message') events.push({ id, event, data: data.join('\n') });
  }
  return { events, rest };
}
