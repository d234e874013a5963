import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate } from 'y-protocols/awareness';
import * as framing from './framing';
import { AWARENESS_EVERY_MS, LiveProvider, bearerProtocols, liveUrl, type ProviderView, type SocketLike } from './provider';

/**
 * A fake of the server's side of one socket, as docs/live.md describes it: step 1 to writers on
 * opening, step 2 for a step 1, an acknowledgement `3 <seq>` per update or step 2 stored, a
 * refusal for a reader's update.
 */
class FakeServer {
  readonly doc = new Y.Doc();
  seq = 0;
  readonly received: framing.Incoming[] = [];
  sockets: FakeSocket[] = [];
  holdAcks = false;
  private held: (() => void)[] = [];

  constructor(readonly writer: boolean) {}

  open = (url: string, protocols: string[]): SocketLike => {
    const socket = new FakeSocket(this, url, protocols);
    this.sockets.push(socket);
    return socket;
  };

  onOpen(socket: FakeSocket): void {
    if (this.writer) socket.deliver(framing.step1(Y.encodeStateVector(this.doc)));
  }

  onMessage(socket: FakeSocket, bytes: Uint8Array): void {
    const message = framing.readMessage(bytes);
    this.received.push(message);
    if (message.kind === 'step1') {
      socket.deliver(framing.step2(Y.encodeStateAsUpdate(this.doc, message.stateVector)));
    } else if (message.kind === 'step2' || message.kind === 'update') {
      if (!this.writer) {
        socket.deliver(framing.denied('As an observer you cannot save.'));
        return;
      }
      const ack = (): void => {
        Y.applyUpdate(this.doc, message.update);
        socket.deliver(framing.saved(++this.seq));
      };
      if (this.holdAcks) this.held.push(ack);
      else ack();
    }
  }

  release(): void {
    this.held.splice(0).forEach((ack) => ack());
  }

  get last(): FakeSocket {
    const socket = this.sockets[this.sockets.length - 1];
    if (socket === undefined) throw new Error('no socket');
    return socket;
  }
}

class FakeSocket implements SocketLike {
  binaryType = 'blob';
  readyState = 0;
  onopen: ((e: unknown) => void) | null = null;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onclose: ((e: { code: number; reason: string }) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;

  constructor(
    private readonly server: FakeServer,
    readonly url: string,
    readonly protocols: string[],
  ) {}

  accept(): void {
    this.readyState = 1;
    this.onopen?.({});
    this.server.onOpen(this);
  }

  send(data: Uint8Array): void {
    if (this.readyState !== 1) throw new Error('not open');
    this.server.onMessage(this, data);
  }

  deliver(bytes: Uint8Array): void {
    if (this.readyState !== 1) return;
    this.onmessage?.({ data: bytes.slice().buffer });
  }

  close(): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.onclose?.({ code: 1006, reason: '' });
  }
}

function client(server: FakeServer, writer = true) {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  const views: ProviderView[] = [];
  let online = true;
  const provider = new LiveProvider({
    doc,
    awareness,
    url: 'ws://plenary.test/api/papers/1/sections/2/live',
    token: () => 'plt_secret',
    writer,
    onChange: (v) => views.push(v),
    open: server.open,
    online: () => online,
    random: () => 0,
  });
  return {
    doc,
    awareness,
    text: doc.getText('body'),
    provider,
    views,
    status: () => provider.view.status,
    goOffline: () => {
      online = false;
      provider.drop();
    },
    goOnline: () => {
      online = true;
      provider.reconnectNow();
      server.last.accept();
    },
    destroy: () => {
      provider.destroy();
      awareness.destroy();
    },
  };
}

describe('the live provider', () => {
  it('signs in through the bearer-token-carrier subprotocol on the page’s ws: or wss: origin', () => {
    expect(bearerProtocols('plt_x')).toEqual(['bearer-token-carrier', 'quarkus-http-upgrade%23Authorization%23Bearer%20plt_x']);
    // Every character is one a subprotocol (an HTTP token) may hold.
    expect(bearerProtocols('eyJ.a-b_c~d+e/f=')[1]).toMatch(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/);
    expect(liveUrl({ protocol: 'https:', host: 'p.example.org' }, '', 3, 4)).toBe('wss://p.example.org/api/papers/3/sections/4/live');
    expect(liveUrl({ protocol: 'http:', host: '127.0.0.1:8080' }, '', 3, 4)).toBe('ws://127.0.0.1:8080/api/papers/3/sections/4/live');
    expect(liveUrl({ protocol: 'http:', host: 'x' }, 'https://api.example.org/', 3, 4)).toBe('wss://api.example.org/api/papers/3/sections/4/live');
    const server = new FakeServer(true);
    const c = client(server);
    c.provider.connect();
    expect(server.last.protocols).toEqual(bearerProtocols('plt_secret'));
    c.destroy();
  });

  it('gets the server’s text, answers its step 1, and is all saved only once the step 2 is acknowledged', () => {
    const server = new FakeServer(true);
    server.doc.getText('body').insert(0, 'Seeded from revision 1.');
    server.holdAcks = true;
    const c = client(server);
    c.provider.connect();
    expect(c.status()).toBe('connecting');
    server.last.accept();
    expect(c.text.toString()).toBe('Seeded from revision 1.');
    expect(c.status()).toBe('saving');
    server.release();
    expect(c.status()).toBe('saved');
    expect(c.provider.view.ledger.lastSeq).toBe(1);
    c.destroy();
  });

  it('sends one change at a time, those typed meanwhile merged into the next, saved once each is acknowledged', async () => {
    const server = new FakeServer(true);
    const c = client(server);
    c.provider.connect();
    server.last.accept();
    server.holdAcks = true;
    const updates = () => server.received.filter((m) => m.kind === 'update');
    c.text.insert(0, 'Trust ');
    c.text.insert(6, 'grows');
    c.text.insert(11, '.');
    expect(updates()).toHaveLength(1);
    expect(c.status()).toBe('saving');
    let saved = false;
    void c.provider.whenSaved().then(() => (saved = true));
    server.release(); // the first is stored: the two held go up as one update
    expect(updates()).toHaveLength(2);
    expect(c.status()).toBe('saving');
    await Promise.resolve();
    expect(saved).toBe(false);
    server.release();
    await Promise.resolve();
    expect(saved).toBe(true);
    expect(c.status()).toBe('saved');
    expect(server.doc.getText('body').toString()).toBe('Trust grows.');
    c.destroy();
  });

  it('tells the others where its cursor is at most every AWARENESS_EVERY_MS, always the latest place', () => {
    vi.useFakeTimers();
    try {
      const server = new FakeServer(true);
      const c = client(server);
      c.provider.connect();
      server.last.accept();
      const cursors = () => server.received.filter((m) => m.kind === 'awareness');
      const before = cursors().length;
      for (let at = 1; at <= 5; at++) c.awareness.setLocalStateField('cursor', { at });
      expect(cursors()).toHaveLength(before + 1);
      vi.advanceTimersByTime(AWARENESS_EVERY_MS);
      expect(cursors()).toHaveLength(before + 2);
      const peer = new Awareness(new Y.Doc());
      const last = cursors()[cursors().length - 1];
      if (last?.kind !== 'awareness') throw new Error('no cursor sent');
      applyAwarenessUpdate(peer, last.update, 'test');
      expect(peer.getStates().get(c.doc.clientID)).toEqual({ cursor: { at: 5 } });
      vi.advanceTimersByTime(10 * AWARENESS_EVERY_MS);
      expect(cursors()).toHaveLength(before + 2);
      c.destroy();
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps typing offline and sends those changes as step 2 when it connects again', () => {
    const server = new FakeServer(true);
    const c = client(server);
    c.provider.connect();
    server.last.accept();
    c.text.insert(0, 'Online. ');
    c.goOffline();
    expect(c.status()).toBe('offline');
    c.text.insert(8, 'Typed on the train.');
    expect(server.doc.getText('body').toString()).toBe('Online. ');
    server.doc.getText('body').insert(0, 'Someone else: ');
    c.goOnline();
    const messages = server.received.map((m) => m.kind).filter((k) => k !== 'awareness');
    expect(messages.slice(-2)).toEqual(['step1', 'step2']);
    expect(c.status()).toBe('saved');
    expect(c.text.toString()).toBe(server.doc.getText('body').toString());
    expect(c.text.toString()).toContain('Typed on the train.');
    expect(c.text.toString()).toContain('Someone else: ');
    c.destroy();
  });

  it('counts a change in flight when the socket drops as unsaved until the next step 2 is acknowledged', () => {
    const server = new FakeServer(true);
    const c = client(server);
    c.provider.connect();
    server.last.accept();
    server.holdAcks = true;
    c.text.insert(0, 'Lost in flight?');
    c.goOffline();
    expect(c.provider.view.ledger.unsent).toBe(true);
    server.holdAcks = false;
    c.goOnline();
    expect(c.status()).toBe('saved');
    expect(server.doc.getText('body').toString()).toBe('Lost in flight?');
    c.destroy();
  });

  it('a reader (no step 1 from the server) watches and never sends a change', () => {
    const server = new FakeServer(false);
    server.doc.getText('body').insert(0, 'Read me.');
    const c = client(server, true);
    c.provider.connect();
    server.last.accept();
    expect(c.provider.view.writer).toBe(false);
    expect(c.status()).toBe('watching');
    c.text.insert(0, 'Not mine to write. ');
    expect(server.received.map((m) => m.kind).filter((k) => k !== 'awareness')).toEqual(['step1']);
    server.doc.getText('body').insert(8, ' Live.');
    server.last.deliver(framing.update(Y.encodeStateAsUpdate(server.doc)));
    expect(c.text.toString()).toContain('Live.');
    c.destroy();
  });

  it('shows the server’s refusal of a change', () => {
    const server = new FakeServer(true);
    const c = client(server);
    c.provider.connect();
    server.last.accept();
    server.holdAcks = true;
    c.text.insert(0, 'On a frozen paper.');
    server.last.deliver(framing.denied('The paper is frozen.'));
    expect(c.status()).toBe('refused');
    expect(c.provider.view.ledger.refused).toBe('The paper is frozen.');
    c.destroy();
  });

  it('reconnects by itself after the socket breaks, with backoff', async () => {
    const server = new FakeServer(true);
    const c = client(server);
    c.provider.connect();
    server.last.accept();
    server.last.close();
    expect(server.sockets).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.sockets).toHaveLength(2);
    c.destroy();
  });
});
