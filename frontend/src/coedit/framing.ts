/**
 * The live socket's binary messages (docs/live.md, "The socket"): y-protocols' sync, auth and
 * awareness messages in their lib0 framing, and Plenary's own acknowledgement `3 <seq>`.
 * Pure: bytes in, a message out, and back.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { messagePermissionDenied } from 'y-protocols/auth';
import { messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';

/** The first varuint of every message. */
export const SYNC = 0;
export const AWARENESS = 1;
export const AUTH = 2;
/** Plenary's: "your update (or step 2) is stored as seq", one per update sent, in order. */
export const SAVED = 3;

export type Incoming =
  | { readonly kind: 'step1'; readonly stateVector: Uint8Array }
  | { readonly kind: 'step2'; readonly update: Uint8Array }
  | { readonly kind: 'update'; readonly update: Uint8Array }
  | { readonly kind: 'awareness'; readonly update: Uint8Array }
  | { readonly kind: 'denied'; readonly reason: string }
  | { readonly kind: 'saved'; readonly seq: number }
  | { readonly kind: 'unknown'; readonly type: number };

/** Reads one message; throws on bytes that are not one (cut short, unknown sync type). */
export function readMessage(bytes: Uint8Array): Incoming {
  const decoder = decoding.createDecoder(bytes);
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case SYNC: {
      const sync = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (sync === messageYjsSyncStep1) return { kind: 'step1', stateVector: payload };
      if (sync === messageYjsSyncStep2) return { kind: 'step2', update: payload };
      if (sync === messageYjsUpdate) return { kind: 'update', update: payload };
      throw new Error(`unknown sync message ${sync}`);
    }
    case AWARENESS:
      return { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
    case AUTH: {
      const auth = decoding.readVarUint(decoder);
      if (auth !== messagePermissionDenied) return { kind: 'unknown', type };
      return { kind: 'denied', reason: decoding.readVarString(decoder) };
    }
    case SAVED:
      return { kind: 'saved', seq: decoding.readVarUint(decoder) };
    default:
      return { kind: 'unknown', type };
  }
}

function sync(kind: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, SYNC);
  encoding.writeVarUint(encoder, kind);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** `0 0 <state vector>`: "here is what I have". */
export const step1 = (stateVector: Uint8Array): Uint8Array => sync(messageYjsSyncStep1, stateVector);
/** `0 1 <update>`: what the other lacks. */
export const step2 = (update: Uint8Array): Uint8Array => sync(messageYjsSyncStep2, update);
/** `0 2 <update>`: a change. */
export const update = (change: Uint8Array): Uint8Array => sync(messageYjsUpdate, change);

/** `1 <awareness update>`. */
export function awareness(change: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, AWARENESS);
  encoding.writeVarUint8Array(encoder, change);
  return encoding.toUint8Array(encoder);
}

/** `2 0 <reason>` and `3 <seq>`, as the server writes them (for tests and fakes). */
export function denied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, AUTH);
  encoding.writeVarUint(encoder, messagePermissionDenied);
  encoding.writeVarString(encoder, reason);
  return encoding.toUint8Array(encoder);
}

export function saved(seq: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, SAVED);
  encoding.writeVarUint(encoder, seq);
  return encoding.toUint8Array(encoder);
}
