/**
 * Unsaved section text kept in localStorage, per section and the revision it was based on, so a
 * closed tab, a dropped connection or an expired session loses nothing.
 */

export interface Unsaved {
  readonly text: string;
  /** The revision the text was edited from. */
  readonly baseRevision: number;
  readonly savedAt: string;
}

/** The parts of Storage used here (so tests can pass a Map-backed fake). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length: number;
  key(index: number): string | null;
}

const PREFIX = 'plenary.unsaved.';

export function unsavedKey(paperId: number, sectionId: number, baseRevision: number): string {
  return `${PREFIX}${paperId}.${sectionId}.${baseRevision}`;
}

function keysOf(store: KeyValueStore, paperId: number, sectionId: number): string[] {
  const prefix = `${PREFIX}${paperId}.${sectionId}.`;
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key !== null && key.startsWith(prefix)) keys.push(key);
  }
  return keys;
}

/** Keeps the text (or forgets it when it equals the saved text). Storage errors are ignored. */
export function keepUnsaved(
  store: KeyValueStore,
  paperId: number,
  sectionId: number,
  baseRevision: number,
  text: string,
  savedText: string,
  now: Date = new Date(),
): void {
  const key = unsavedKey(paperId, sectionId, baseRevision);
  try {
    if (text === savedText) store.removeItem(key);
    else store.setItem(key, JSON.stringify({ text, baseRevision, savedAt: now.toISOString() }));
  } catch {
    // A full or disabled storage must not stop the editor.
  }
}

function read(store: KeyValueStore, key: string): Unsaved | null {
  try {
    const raw = store.getItem(key);
    if (raw === null) return null;
    const value = JSON.parse(raw) as Partial<Unsaved>;
    if (typeof value.text !== 'string' || typeof value.baseRevision !== 'number') return null;
    return { text: value.text, baseRevision: value.baseRevision, savedAt: String(value.savedAt ?? '') };
  } catch {
    return null;
  }
}

/**
 * The unsaved text of a section, newest base first: on the current revision if there is one,
 * otherwise the most recent on an older revision (which then needs merging before it is saved).
 */
export function findUnsaved(store: KeyValueStore, paperId: number, sectionId: number): Unsaved | null {
  const found = keysOf(store, paperId, sectionId)
    .map((key) => read(store, key))
    .filter((u): u is Unsaved => u !== null)
    .sort((a, b) => b.baseRevision - a.baseRevision || b.savedAt.localeCompare(a.savedAt));
  return found[0] ?? null;
}

/** Forgets every unsaved text of a section (after a successful save). */
export function forgetUnsaved(store: KeyValueStore, paperId: number, sectionId: number): void {
  for (const key of keysOf(store, paperId, sectionId)) store.removeItem(key);
}

/** A text field, as far as {@link rememberTyping} needs it. */
export interface TypedField {
  value: string;
  addEventListener(type: 'input', listener: () => void): void;
}

const TYPING = 'plenary.typing.';

/**
 * Keeps what is typed into a field (a comment, a reply) in `store` until it is sent, so an expired
 * session or a closed tab loses nothing: an empty field gets back what was typed there before.
 * Returns the function that forgets it (call it once the text was sent).
 */
export function rememberTyping(store: KeyValueStore, key: string, field: TypedField): () => void {
  const storeKey = TYPING + key;
  try {
    if (field.value === '') field.value = store.getItem(storeKey) ?? '';
  } catch {
    // storage unavailable: the field simply starts empty
  }
  field.addEventListener('input', () => {
    try {
      if (field.value.trim() === '') store.removeItem(storeKey);
      else store.setItem(storeKey, field.value);
    } catch {
      // full or unavailable storage must never stop typing
    }
  });
  return () => {
    try {
      store.removeItem(storeKey);
    } catch {
      // nothing kept
    }
  };
}
