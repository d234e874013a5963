import { describe, expect, it } from 'vitest';
import { parseSse } from './sse';

describe('parseSse', () => {
  it('reads complete events and keeps the rest for the next chunk', () => {
    const first = parseSse('id: 7\nevent: section.saved\ndata: {"sectionId":4}\n\nid: 8\nevent: outl');
    expect(first.events).toEqual([{ id: '7', event: 'section.saved', data: '{"sectionId":4}' }]);
    const second = parseSse(`${first.rest}ine.changed\ndata: {}\n\n`);
    expect(second.events).toEqual([{ id: '8', event: 'outline.changed', data: '{}' }]);
    expect(second.rest).toBe('');
  });

  it('skips comments, joins data lines and accepts CRLF', () => {
    const { events } = parseSse(': keep-alive\r\n\r\ndata: a\r\ndata: b\r\n\r\n');
    expect(events).toEqual([{ id: null, event: 'message', data: 'a\nb' }]);
  });
});
