/**
 * The offline copies of live sections: y-indexeddb keeps a writer's document in one IndexedDB
 * database per account, paper and section (named here), so text typed offline survives a reload.
 * They may hold text the server never got, so signing out deletes that person's databases: the
 * next person at a shared phone or laptop cannot read them. (A session that merely expired keeps
 * them: the person signs in again and their text goes up.)
 */

const PREFIX = 'plenary-live-';

/** Where the names of the databases this browser opened are noted (see {@link noteStore}). */
export const NOTED_KEY = 'plenary.liveStores';

/** The database of one person's copy of one section. */
export function storeName(accountId: number | null, paperId: number, sectionId: number): string {
  return `${PREFIX}${accountId ?? 0}-${paperId}-${sectionId}`;
}

/** Whether `name` is one of this person's databases (account 12's are not account 1's). */
export function isStoreOf(name: string, accountId: number | null): boolean {
  return name.startsWith(`${PREFIX}${accountId ?? 0}-`);
}

type Notes = Pick<Storage, 'getItem' | 'setItem'>;

function noted(storage: Notes): string[] {
  try {
    const value: unknown = JSON.parse(storage.getItem(NOTED_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((n): n is string => typeof n === 'string') : [];
  } catch {
    return [];
  }
}

/** Notes a database's name, for browsers that cannot list their databases (`indexedDB.databases`). */
export function noteStore(storage: Notes, name: string): void {
  const names = noted(storage);
  if (!names.includes(name)) storage.setItem(NOTED_KEY, JSON.stringify([...names, name]));
}

/** What deleting needs of `indexedDB` (`databases` is missing in some browsers). */
export interface Databases {
  deleteDatabase(name: string): IDBOpenDBRequest;
  databases?: () => Promise<readonly IDBDatabaseInfo[]>;
}

/**
 * Deletes every database of this person's offline copies, listed or noted; resolves with their
 * names once each deletion is done (or failed: nothing more can be done about it then). A copy
 * still open is deleted once its editor closes it, so close the editors first.
 */
export async function forgetStores(idb: Databases, storage: Notes, accountId: number | null): Promise<string[]> {
  let listed: string[] = [];
  if (typeof idb.databases === 'function') {
    try {
      listed = (await idb.databases()).map((d) => d.name ?? '');
    } catch {
      // listing refused (a private window): the noted names still go
    }
  }
  const all = noted(storage);
  const names = [...new Set([...listed, ...all])].filter((n) => isStoreOf(n, accountId));
  storage.setItem(NOTED_KEY, JSON.stringify(all.filter((n) => !names.includes(n))));
  await Promise.all(
    names.map(
      (name) =>
        new Promise<void>((resolve) => {
          const request = idb.deleteDatabase(name);
          request.onsuccess = () => resolve();
          request.onerror = () => resolve();
        }),
    ),
  );
  return names;
}
