/**
 * What this tab has told the server and what the server has stored: the bookkeeping behind the
 * status line. Pure state; the provider (provider.ts) moves it on and the status is read from it.
 *
 * The server answers every update and step 2 it gets, in order: `3 <seq>` once the transaction
 * committed, or `2 0 <reason>` when it refused it. So counting what was sent and what was answered
 * tells whether every local change is stored, without naming changes.
 *
 * One message is in flight at a time: changes made while it is are held and go up together, merged,
 * once it is answered. A typist on a fast link sends each keystroke at once; on a slow link, or when
 * the server is busy, keystrokes travel in fewer, larger messages instead of queueing up.
 */

export interface Ledger {
  /** A socket is being opened. */
  readonly dialling: boolean;
  /** The socket is open. */
  readonly open: boolean;
  /** This tab sent its step 2 on this connection: from now on each local change goes up at once. */
  readonly handshaken: boolean;
  /** The server has answered our step 1 (we have its text). */
  readonly synced: boolean;
  /** Updates and steps 2 sent and not answered yet (one at most, but after a step 2). */
  readonly inFlight: number;
  /** Local changes held until the message in flight is answered. */
  readonly held: number;
  /** Local changes that could not be sent yet (offline, or before the handshake). */
  readonly unsent: boolean;
  /** The last seq the server acknowledged (0 before any). */
  readonly lastSeq: number;
  /** The server's last refusal, if any on this connection. */
  readonly refused: string | null;
}

export const INITIAL: Ledger = { dialling: false, open: false, handshaken: false, synced: false, inFlight: 0, held: 0, unsent: false, lastSeq: 0, refused: null };

export function dialling(l: Ledger): Ledger {
  return { ...l, dialling: true };
}

export function opened(l: Ledger): Ledger {
  return { ...l, dialling: false, open: true, handshaken: false, synced: false, inFlight: 0, held: 0, refused: null };
}

/**
 * The socket closed. What was in flight may or may not have been stored: it counts as unsent, and
 * the next connection's step 2 carries whatever the server lacks.
 */
export function closed(l: Ledger): Ledger {
  return { ...l, dialling: false, open: false, handshaken: false, synced: false, inFlight: 0, held: 0, unsent: l.unsent || l.inFlight > 0 || l.held > 0 };
}

/** The server's step 2 arrived. */
export function synced(l: Ledger): Ledger {
  return { ...l, synced: true };
}

/**
 * A local change: `send` it at once when the handshake is done and nothing is in flight, `hold` it
 * for the next message while something is, `keep` it for the step 2 before the handshake.
 */
export function changed(l: Ledger): { readonly ledger: Ledger; readonly action: 'send' | 'hold' | 'keep' } {
  if (!l.open || !l.handshaken) return { ledger: { ...l, unsent: true }, action: 'keep' };
  if (l.inFlight === 0) return { ledger: { ...l, inFlight: 1 }, action: 'send' };
  return { ledger: { ...l, held: l.held + 1 }, action: 'hold' };
}

/** Whether the held changes should go up now: nothing is in flight any more. */
export function flushDue(l: Ledger): boolean {
  return l.open && l.handshaken && l.inFlight === 0 && l.held > 0;
}

/** The held changes went up, merged into one message. */
export function flushed(l: Ledger): Ledger {
  return { ...l, inFlight: l.inFlight + 1, held: 0 };
}

/** Our step 2 went up: it carries every change made before, held ones too. */
export function handshake(l: Ledger): Ledger {
  return { ...l, handshaken: true, unsent: false, held: 0, inFlight: l.inFlight + 1 };
}

/** `3 <seq>`: the oldest message in flight is stored. */
export function acknowledged(l: Ledger, seq: number): Ledger {
  return { ...l, inFlight: Math.max(0, l.inFlight - 1), lastSeq: Math.max(l.lastSeq, seq) };
}

/** `2 0 <reason>`: the oldest message in flight was refused; what it carried is not stored. */
export function refused(l: Ledger, reason: string): Ledger {
  return { ...l, inFlight: Math.max(0, l.inFlight - 1), unsent: true, refused: reason };
}

export type LiveStatus = 'connecting' | 'offline' | 'saving' | 'saved' | 'refused' | 'watching' | 'watching-offline';

/**
 * The status line, truthful: "all changes saved" only when every local change was acknowledged;
 * "saving" while some are sent and not answered; "offline" while the socket is down (the changes
 * are in IndexedDB meanwhile). Readers only watch.
 */
export function statusOf(l: Ledger, writer: boolean): LiveStatus {
  if (!l.open) return l.dialling ? 'connecting' : writer ? 'offline' : 'watching-offline';
  if (!writer) return l.synced ? 'watching' : 'connecting';
  if (l.refused !== null) return 'refused';
  if (!l.handshaken) return 'connecting';
  return l.inFlight > 0 || l.held > 0 || l.unsent ? 'saving' : 'saved';
}

/**
 * How long to wait before connecting again after `attempt` failures in a row: doubling from half a
 * second up to 30 s, with jitter (half to all of it) so a room of phones does not come back at once.
 */
export function retryDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(30_000, 500 * 2 ** Math.min(attempt, 16));
  return Math.round(ceiling * (0.5 + random() * 0.5));
}

/**
 * Whether a status is worth telling a screen reader: each keystroke goes from saved to saving and
 * back, so only a status other than the last one announced is, and never the passing ones
 * (connecting, saving). The status line itself always shows the current one.
 */
export function worthAnnouncing(lastAnnounced: LiveStatus | null, now: LiveStatus): boolean {
  return now !== lastAnnounced && now !== 'connecting' && now !== 'saving';
}
