import { describe, expect, it } from 'vitest';
import { findUnsaved, forgetUnsaved, keepUnsaved, rememberTyping, unsavedKey, type KeyValueStore } from './unsaved';

function memory(): KeyValueStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
  };
}

describe('unsaved text', () => {
  it('is kept per section and base revision, and forgotten when it equals the saved text', () => {
    const store = memory();
    keepUnsaved(store, 1, 2, 3, 'new words', 'old words', new Date('2026-01-01T00:00:00Z'));
    expect(store.map.has(unsavedKey(1, 2, 3))).toBe(true);
    expect(findUnsaved(store, 1, 2)).toEqual({ text: 'new words', baseRevision: 3, savedAt: '2026-01-01T00:00:00.000Z' });
    keepUnsaved(store, 1, 2, 3, 'old words', 'old words');
    expect(findUnsaved(store, 1, 2)).toBeNull();
  });

  it('prefers the newest base revision and ignores other sections and broken entries', () => {
    const store = memory();
    keepUnsaved(store, 1, 2, 3, 'on three', '');
    keepUnsaved(store, 1, 2, 5, 'on five', '');
    keepUnsaved(store, 1, 20, 9, 'other section', '');
    store.setItem('plenary.unsaved.1.2.7', '{not json');
    expect(findUnsaved(store, 1, 2)?.text).toBe('on five');
    forgetUnsaved(store, 1, 2);
    expect(findUnsaved(store, 1, 2)).toBeNull();
    expect(findUnsaved(store, 1, 20)?.text).toBe('other section');
  });

  it('never throws when storage is full', () => {
    const store = memory();
    store.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    expect(() => keepUnsaved(store, 1, 2, 3, 'x', 'y')).not.toThrow();
  });
});

describe('rememberTyping', () => {
  class FakeField {
    value = '';
    private listeners: (() => void)[] = [];
    addEventListener(_type: 'input', listener: () => void): void {
      this.listeners.push(listener);
    }
    type(text: string): void {
      this.value = text;
      this.listeners.forEach((l) => l());
    }
  }

  it('gives a new field back what was typed in it before, until it is sent', () => {
    const store = memory();
    const first = new FakeField();
    rememberTyping(store, '1.2.comment', first);
    first.type('A comment typed before the session expired');
    const again = new FakeField();
    const forget = rememberTyping(store, '1.2.comment', again);
    expect(again.value).toBe('A comment typed before the session expired');
    forget();
    const after = new FakeField();
    rememberTyping(store, '1.2.comment', after);
    expect(after.value).toBe('');
  });

  it('forgets a field emptied by its writer and keeps fields apart', () => {
    const store = memory();
    const comment = new FakeField();
    rememberTyping(store, '1.2.comment', comment);
    comment.type('draft');
    comment.type('   ');
    const reply = new FakeField();
    rememberTyping(store, '1.reply.9', reply);
    reply.type('a reply');
    expect(store.length).toBe(1);
  });
});
