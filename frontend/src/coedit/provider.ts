/**
 * The live document of one section over its WebSocket (`/api/papers/{p}/sections/{s}/live`):
 * y-protocols' sync and awareness, the server's refusals and acknowledgements, reconnecting with
 * backoff. The screen binds the editor to `doc` and reads the status from `onChange`.
 *
 * Writers wait for the server's step 1 (the server sends it only to those who may save the
 * section), answer it with step 2, and only then send each change as it happens: a change sent
 * before could build on offline changes the server never got, which it refuses as out of order.
 * One change is in flight at a time; those made meanwhile go up merged once it is answered
 * (ledger.ts). The cursor goes up at most every AWARENESS_EVERY_MS.
 * Readers send their step 1 and awareness, never a change.
 */
import * as Y from 'yjs';
import { applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates, type Awareness } from 'y-protocols/awareness';
import * as framing from './framing';
import { INITIAL, acknowledged, dialling, changed, closed, flushDue, flushed, handshake, opened, refused, retryDelay, statusOf, synced, type Ledger, type LiveStatus } from './ledger';

/** What the provider needs of a WebSocket (the browser's, or a fake in tests). */
export interface SocketLike {
  binaryType: string;
  readonly readyState: number;
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
  onopen: ((e: unknown) => void) | null;
  onmessage: ((e: { data: unknown }) => void) | null;
  onclose: ((e: { code: number; reason: string }) => void) | null;
  onerror: ((e: unknown) => void) | null;
}

export type OpenSocket = (url: string, protocols: string[]) => SocketLike;

/** The socket's address on this page's server: ws: or wss: as the page is http: or https:. */
export function liveUrl(location: { protocol: string; host: string }, apiBase: string, paperId: number, sectionId: number): string {
  const path = `/api/papers/${paperId}/sections/${sectionId}/live`;
  const base = apiBase.trim().replace(/\/+$/, '');
  if (base !== '') return `${base.replace(/^http/, 'ws')}${path}`;
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${path}`;
}

/**
 * A browser cannot set `Authorization` on a WebSocket; Quarkus WebSockets Next reads it from the
 * `quarkus-http-upgrade#<header>#<value>` subprotocol when `bearer-token-carrier` is offered too.
 * URL-encoded (Quarkus decodes it): a subprotocol may not hold the space after "Bearer".
 */
export function bearerProtocols(token: string): string[] {
  return ['bearer-token-carrier', encodeURIComponent(`quarkus-http-upgrade#Authorization#Bearer ${token}`)];
}

export interface ProviderView {
  readonly status: LiveStatus;
  /** True once the server said this person may write (it sent step 1), false once it said not. */
  readonly writer: boolean;
  readonly ledger: Ledger;
}

export interface ProviderOptions {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly url: string;
  readonly token: () => string | null;
  /** What the app expects until the server says: may this person write? */
  readonly writer: boolean;
  readonly onChange: (view: ProviderView) => void;
  readonly open?: OpenSocket;
  /** Whether the device is online (the browser's `navigator.onLine`); offline, no socket is tried. */
  readonly online?: () => boolean;
  readonly random?: () => number;
}

const OPEN = 1;

/** How often at most this tab tells the others where its cursor is (ms). */
export const AWARENESS_EVERY_MS = 200;

export class LiveProvider {
  private socket: SocketLike | null = null;
  private ledger: Ledger = INITIAL;
  private writer: boolean;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private readonly savedWaiters: (() => void)[] = [];
  /** Local changes made while a message was in flight (see ledger.ts). */
  private held: Uint8Array[] = [];
  private awarenessSentAt = -Infinity;
  private awarenessTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: ProviderOptions) {
    this.writer = options.writer;
    options.doc.on('update', this.onDocUpdate);
    options.awareness.on('update', this.onAwarenessUpdate);
  }

  get view(): ProviderView {
    return { status: statusOf(this.ledger, this.writer), writer: this.writer, ledger: this.ledger };
  }

  connect(): void {
    if (this.stopped || this.socket !== null) return;
    const token = this.options.token();
    // Offline or signed out: wait to be told (reconnectNow) rather than retry in vain.
    if (token === null || this.options.online?.() === false) return;
    const open = this.options.open ?? ((url, protocols) => new WebSocket(url, protocols) as unknown as SocketLike);
    let socket: SocketLike;
    try {
      socket = open(this.options.url, bearerProtocols(token));
    } catch {
      this.retry();
      return;
    }
    socket.binaryType = 'arraybuffer';
    this.socket = socket;
    this.move(dialling(this.ledger));
    socket.onopen = () => {
      this.held = [];
      this.move(opened(this.ledger));
      this.send(framing.step1(Y.encodeStateVector(this.options.doc)));
      if (this.options.awareness.getLocalState() !== null) {
        this.send(framing.awareness(encodeAwarenessUpdate(this.options.awareness, [this.options.doc.clientID])));
      }
    };
    socket.onmessage = (e) => {
      this.attempt = 0;
      const data = e.data;
      if (data instanceof ArrayBuffer) this.receive(new Uint8Array(data));
      else if (data instanceof Uint8Array) this.receive(data);
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      const others = [...this.options.awareness.getStates().keys()].filter((id) => id !== this.options.doc.clientID);
      removeAwarenessStates(this.options.awareness, others, this);
      this.held = []; // counted as unsent: the next step 2 carries them
      this.move(closed(this.ledger));
      this.retry();
    };
    socket.onerror = () => {
      // onclose follows and reconnects.
    };
  }

  /** Closes the socket now (e.g. the browser said it went offline); it reconnects after a pause. */
  drop(): void {
    this.socket?.close();
  }

  /** Connects again at once (e.g. the browser came back online). */
  reconnectNow(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.attempt = 0;
    this.connect();
  }

  /** Settles once every local change is acknowledged (at once when they are). */
  whenSaved(): Promise<void> {
    if (this.view.status === 'saved') return Promise.resolve();
    return new Promise((resolve) => this.savedWaiters.push(resolve));
  }

  destroy(): void {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    if (this.awarenessTimer !== null) clearTimeout(this.awarenessTimer);
    this.options.doc.off('update', this.onDocUpdate);
    this.options.awareness.off('update', this.onAwarenessUpdate);
    const socket = this.socket;
    this.socket = null;
    if (socket !== null) {
      if (socket.readyState === OPEN) {
        removeAwarenessStates(this.options.awareness, [this.options.doc.clientID], 'local');
        socket.send(framing.awareness(encodeAwarenessUpdate(this.options.awareness, [this.options.doc.clientID])));
      }
      socket.close(1000, 'left the section');
    }
  }

  private retry(): void {
    if (this.stopped || this.timer !== null) return;
    const delay = retryDelay(this.attempt++, this.options.random);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.connect();
    }, delay);
  }

  private receive(bytes: Uint8Array): void {
    let message: framing.Incoming;
    try {
      message = framing.readMessage(bytes);
    } catch {
      return; // not ours to read; the server closes when it is the one confused
    }
    const doc = this.options.doc;
    switch (message.kind) {
      case 'step1': {
        this.writer = true;
        const answer = framing.step2(Y.encodeStateAsUpdate(doc, message.stateVector));
        // Counted before it goes: its acknowledgement may come back before send() returns.
        this.held = []; // the step 2 carries them
        this.move(handshake(this.ledger));
        this.send(answer);
        return;
      }
      case 'step2':
        // The server sends step 1 first to those who may write; a step 2 without it says "read only".
        if (!this.ledger.handshaken) this.writer = false;
        Y.applyUpdate(doc, message.update, this);
        this.move(synced(this.ledger));
        return;
      case 'update':
        Y.applyUpdate(doc, message.update, this);
        return;
      case 'awareness':
        applyAwarenessUpdate(this.options.awareness, message.update, this);
        return;
      case 'saved':
        this.move(acknowledged(this.ledger, message.seq));
        this.flush();
        return;
      case 'denied':
        this.move(refused(this.ledger, message.reason));
        this.flush();
        return;
      case 'unknown':
        return;
    }
  }

  private readonly onDocUpdate = (change: Uint8Array, origin: unknown): void => {
    if (origin === this || !this.writer) return;
    const next = changed(this.ledger);
    if (next.action === 'hold') this.held.push(change);
    this.move(next.ledger);
    if (next.action === 'send') this.send(framing.update(change));
  };

  /** Sends the held changes as one update once nothing is in flight. */
  private flush(): void {
    if (!flushDue(this.ledger)) return;
    const merged = this.held.length === 1 ? this.held[0]! : Y.mergeUpdates(this.held);
    this.held = [];
    this.move(flushed(this.ledger));
    this.send(framing.update(merged));
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin !== 'local' || this.socket === null || this.socket.readyState !== OPEN) return;
    const gone = removed.includes(this.options.doc.clientID);
    const wait = this.awarenessSentAt + AWARENESS_EVERY_MS - Date.now();
    if (gone || wait <= 0) this.sendAwareness();
    else if (this.awarenessTimer === null && added.length + updated.length > 0) {
      this.awarenessTimer = setTimeout(() => this.sendAwareness(), wait);
    }
  };

  /** Sends this tab's cursor as it is now (the latest state stands for every change since). */
  private sendAwareness(): void {
    if (this.awarenessTimer !== null) clearTimeout(this.awarenessTimer);
    this.awarenessTimer = null;
    this.awarenessSentAt = Date.now();
    this.send(framing.awareness(encodeAwarenessUpdate(this.options.awareness, [this.options.doc.clientID])));
  }

  private send(bytes: Uint8Array): void {
    const socket = this.socket;
    if (socket !== null && socket.readyState === OPEN) socket.send(bytes);
  }

  private move(ledger: Ledger): void {
    this.ledger = ledger;
    const view = this.view;
    if (view.status === 'saved') this.savedWaiters.splice(0).forEach((resolve) => resolve());
    this.options.onChange(view);
  }
}
