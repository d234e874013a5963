/*
 * Yjs for the Plenary server. The frontend build bundles this file with the very same `yjs` the web
 * app uses (vite.jvm.config.ts, one IIFE) and the server evaluates it in GraalJS
 * (org.plenary.coedit.Yjs), so server and browsers agree on every byte of the update format.
 *
 * Bytes cross the Java/JS boundary as "binary strings" (one char per byte, 0..255): GraalJS
 * passes strings without copying through host objects, and the server needs no host access.
 */
import * as Y from 'yjs';

/** The one shared text of a section's document; the web app binds CodeMirror to the same name. */
const TEXT = 'body';

function toBytes(binary: string): Uint8Array {
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function toBinary(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    out += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + 8192)));
  }
  return out;
}

/** What applying a client's update did: `status` is `applied`, `unchanged` or a refusal. */
interface Applied {
  status: 'applied' | 'unchanged' | 'malformed' | 'missing-dependencies';
  reason: string;
}

function create(): Y.Doc {
  return new Y.Doc();
}

/**
 * Whether a transaction changed the document: Yjs' own test before it emits an `update` (new
 * items from some client, or deletions), without encoding the change as that event does.
 */
function changedIn(tr: Y.Transaction): boolean {
  if (tr.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of tr.afterState) {
    if (tr.beforeState.get(client) !== clock) return true;
  }
  return false;
}

/**
 * Applies a client's update. A malformed one may have touched the document before Yjs found the
 * fault, and one that refers to changes the document has not seen (out of order) is held in it:
 * after either refusal the caller must drop this in-memory document and reload it from the
 * database, where the update never got. (Decoding the update once before applying it would keep
 * the document clean of malformed ones only, at the cost of a second decode of every keystroke.)
 */
function apply(doc: Y.Doc, binary: string): Applied {
  let changed = false;
  const listener = (tr: Y.Transaction): void => {
    changed = changed || changedIn(tr);
  };
  doc.on('afterTransaction', listener);
  try {
    Y.applyUpdate(doc, toBytes(binary));
  } catch (e) {
    return { status: 'malformed', reason: String(e instanceof Error ? e.message : e) };
  } finally {
    doc.off('afterTransaction', listener);
  }
  if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
    return { status: 'missing-dependencies', reason: 'it builds on changes the server has not received' };
  }
  return { status: changed ? 'applied' : 'unchanged', reason: '' };
}

/**
 * Applies updates the server stored itself (trusted; from the database or another instance), in
 * one transaction: `binary` holds them one after the other, `lengths` their sizes ("12,40,7").
 * One transaction ends once, however many updates it took in.
 */
function load(doc: Y.Doc, binary: string, lengths: string): void {
  const bytes = toBytes(binary);
  doc.transact(() => {
    let at = 0;
    for (const n of lengths.split(',')) {
      const end = at + Number(n);
      Y.applyUpdate(doc, bytes.subarray(at, end));
      at = end;
    }
  });
}

function text(doc: Y.Doc): string {
  return doc.getText(TEXT).toString();
}

/** The text's length in UTF-16 units, without building it (Yjs keeps it). */
function length(doc: Y.Doc): number {
  return doc.getText(TEXT).length;
}

function stateVector(doc: Y.Doc): string {
  return toBinary(Y.encodeStateVector(doc));
}

/** Everything in the document the holder of `vector` lacks (the whole state for an empty one). */
function missing(doc: Y.Doc, vector: string): string | null {
  let sv: Uint8Array | undefined;
  if (vector.length > 0) {
    sv = toBytes(vector);
    try {
      Y.decodeStateVector(sv);
    } catch {
      return null;
    }
  }
  return toBinary(Y.encodeStateAsUpdate(doc, sv));
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Changes the text to `next` as one edit in the document (common start and end kept), so an
 * edit made outside the live session merges with the group's typing instead of replacing it.
 * Returns the update, or an empty string when the text already is `next`.
 */
function replaceText(doc: Y.Doc, next: string): string {
  const ytext = doc.getText(TEXT);
  const current = ytext.toString();
  if (current === next) return '';
  let start = 0;
  while (start < current.length && start < next.length && current[start] === next[start]) start++;
  let end = 0;
  while (
    end < current.length - start &&
    end < next.length - start &&
    current[current.length - 1 - end] === next[next.length - 1 - end]
  )
    end++;
  // Never cut between the halves of a surrogate pair (🕊 and 🕋 share their first half): Yjs cannot
  // encode half a character, and the edit must be whole characters anyway.
  if (start > 0 && isHighSurrogate(current.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(current.charCodeAt(current.length - end))) end--;
  const changes: Uint8Array[] = [];
  const listener = (u: Uint8Array): void => {
    changes.push(u);
  };
  doc.on('update', listener);
  try {
    doc.transact(() => {
      ytext.delete(start, current.length - start - end);
      ytext.insert(start, next.slice(start, next.length - end));
    });
  } finally {
    doc.off('update', listener);
  }
  return toBinary(changes.length === 1 ? changes[0]! : Y.mergeUpdates(changes));
}

const api = { create, apply, load, text, length, stateVector, missing, replaceText };
(globalThis as unknown as { PlenaryYjs: typeof api }).PlenaryYjs = api;
