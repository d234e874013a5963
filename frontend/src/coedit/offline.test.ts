import { describe, expect, it } from 'vitest';
import { NOTED_KEY, forgetStores, isStoreOf, noteStore, storeName, type Databases } from './offline';

/** A browser's IndexedDB as far as deleting goes: named databases, deleted asynchronously. */
class FakeDatabases implements Databases {
  readonly names: Set<string>;
  constructor(names: string[], readonly lists = true) {
    this.names = new Set(names);
    if (!lists) delete (this as Partial<FakeDatabases>).databases;
  }
  databases? = async (): Promise<IDBDatabaseInfo[]> => [...this.names].map((name) => ({ name, version: 1 }));
  deleteDatabase(name: string): IDBOpenDBRequest {
    const request = {} as { onsuccess: ((e: Event) => void) | null; onerror: ((e: Event) => void) | null };
    setTimeout(() => {
      this.names.delete(name);
      request.onsuccess?.(new Event('success'));
    }, 0);
    return request as unknown as IDBOpenDBRequest;
  }
}

class Notes {
  readonly items = new Map<string, string>();
  getItem = (key: string): string | null => this.items.get(key) ?? null;
  setItem = (key: string, value: string): void => void this.items.set(key, value);
}

describe('offline copies of live sections', () => {
  it('names one database per account, paper and section, and tells whose it is', () => {
    expect(storeName(12, 3, 40)).toBe('plenary-live-12-3-40');
    expect(isStoreOf(storeName(12, 3, 40), 12)).toBe(true);
    expect(isStoreOf(storeName(12, 3, 40), 1)).toBe(false);
    expect(isStoreOf(storeName(1, 3, 40), 12)).toBe(false);
    expect(isStoreOf('y-other-app', 12)).toBe(false);
  });

  it('deletes every database of the person signing out and leaves the others’', async () => {
    const idb = new FakeDatabases([storeName(7, 1, 2), storeName(7, 1, 3), storeName(8, 1, 2), 'another-app']);
    const deleted = await forgetStores(idb, new Notes(), 7);
    expect(deleted.sort()).toEqual([storeName(7, 1, 2), storeName(7, 1, 3)]);
    expect([...idb.names].sort()).toEqual(['another-app', storeName(8, 1, 2)]);
  });

  it('finds the databases by their noted names where the browser cannot list them', async () => {
    const idb = new FakeDatabases([storeName(7, 1, 2), storeName(8, 1, 2)], false);
    expect(idb.databases).toBeUndefined();
    const notes = new Notes();
    noteStore(notes, storeName(7, 1, 2));
    noteStore(notes, storeName(7, 1, 2));
    noteStore(notes, storeName(8, 1, 2));
    expect(JSON.parse(notes.getItem(NOTED_KEY) ?? '')).toEqual([storeName(7, 1, 2), storeName(8, 1, 2)]);
    expect(await forgetStores(idb, notes, 7)).toEqual([storeName(7, 1, 2)]);
    expect([...idb.names]).toEqual([storeName(8, 1, 2)]);
    // The other person's note stays, for their own sign-out.
    expect(JSON.parse(notes.getItem(NOTED_KEY) ?? '')).toEqual([storeName(8, 1, 2)]);
  });

  it('goes on with the noted names when listing fails or the note is garbage', async () => {
    const idb = new FakeDatabases([storeName(7, 1, 2)]);
    idb.databases = () => Promise.reject(new Error('SecurityError'));
    const notes = new Notes();
    notes.setItem(NOTED_KEY, '{not json');
    expect(await forgetStores(idb, notes, 7)).toEqual([]);
    noteStore(notes, storeName(7, 1, 2));
    expect(await forgetStores(idb, notes, 7)).toEqual([storeName(7, 1, 2)]);
    expect(idb.names.size).toBe(0);
  });
});
