import { describe, expect, it } from 'vitest';
import { INITIAL, acknowledged, changed, dialling, flushDue, flushed, worthAnnouncing, closed, handshake, opened, refused, retryDelay, statusOf, synced, type Ledger } from './ledger';

const change = (l: Ledger): Ledger => changed(l).ledger;

describe('the live status', () => {
  it('says offline while the socket is down, however much was typed', () => {
    expect(statusOf(INITIAL, true)).toBe('offline');
    expect(statusOf(change(change(INITIAL)), true)).toBe('offline');
    expect(statusOf(closed(dialling(INITIAL)), true)).toBe('offline');
  });

  it('says connecting while a socket is being opened', () => {
    expect(statusOf(dialling(INITIAL), true)).toBe('connecting');
    expect(statusOf(dialling(INITIAL), false)).toBe('connecting');
  });

  it('keeps offline changes for the step 2 instead of sending them', () => {
    const typed = changed(INITIAL);
    expect(typed.action).toBe('keep');
    expect(typed.ledger.unsent).toBe(true);
    const connected = changed(opened(INITIAL));
    expect(connected.action).toBe('keep');
    expect(statusOf(connected.ledger, true)).toBe('connecting');
  });

  it('is saving from the step 2 until the server acknowledged it, then all saved', () => {
    const sent = handshake(opened(change(INITIAL)));
    expect(sent.unsent).toBe(false);
    expect(statusOf(sent, true)).toBe('saving');
    expect(statusOf(acknowledged(sent, 4), true)).toBe('saved');
    expect(acknowledged(sent, 4).lastSeq).toBe(4);
  });

  it('sends one change at a time and holds those typed meanwhile until it is answered', () => {
    const ready = acknowledged(handshake(opened(INITIAL)), 1);
    const first = changed(ready);
    expect(first.action).toBe('send');
    const second = changed(first.ledger);
    expect(second.action).toBe('hold');
    const third = changed(second.ledger);
    expect(third.action).toBe('hold');
    expect(third.ledger.inFlight).toBe(1);
    expect(third.ledger.held).toBe(2);
    expect(flushDue(third.ledger)).toBe(false);
    const answered = acknowledged(third.ledger, 2);
    // Answered, but two are held: still saving, and they are due to go up together.
    expect(statusOf(answered, true)).toBe('saving');
    expect(flushDue(answered)).toBe(true);
    const merged = flushed(answered);
    expect(merged.inFlight).toBe(1);
    expect(merged.held).toBe(0);
    expect(statusOf(merged, true)).toBe('saving');
    expect(statusOf(acknowledged(merged, 3), true)).toBe('saved');
  });

  it('counts held changes as unsent when the socket closes, for the next step 2 to carry', () => {
    const held = change(change(acknowledged(handshake(opened(INITIAL)), 1)));
    expect(held.held).toBe(1);
    const down = closed(held);
    expect(down.held).toBe(0);
    expect(down.unsent).toBe(true);
    expect(handshake(opened(down)).held).toBe(0);
    expect(statusOf(acknowledged(handshake(opened(down)), 2), true)).toBe('saved');
  });

  it('treats changes in flight when the socket closes as not stored', () => {
    const inFlight = change(acknowledged(handshake(opened(INITIAL)), 1));
    const down = closed(inFlight);
    expect(down.unsent).toBe(true);
    expect(down.inFlight).toBe(0);
    expect(statusOf(down, true)).toBe('offline');
    // Back online: the new step 2 carries them.
    expect(statusOf(acknowledged(handshake(opened(down)), 2), true)).toBe('saved');
  });

  it('shows a refusal until the next connection', () => {
    const denied = refused(change(acknowledged(handshake(opened(INITIAL)), 1)), 'the paper is frozen');
    expect(statusOf(denied, true)).toBe('refused');
    expect(denied.refused).toBe('the paper is frozen');
    expect(statusOf(opened(closed(denied)), true)).toBe('connecting');
  });

  it('lets readers only watch: connecting, watching, offline', () => {
    expect(statusOf(opened(INITIAL), false)).toBe('connecting');
    expect(statusOf(synced(opened(INITIAL)), false)).toBe('watching');
    expect(statusOf(closed(synced(opened(INITIAL))), false)).toBe('watching-offline');
  });
});

describe('telling screen readers', () => {
  it('announces going offline and being saved again, not every keystroke', () => {
    const heard: string[] = [];
    let last: Parameters<typeof worthAnnouncing>[0] = null;
    for (const now of ['connecting', 'saved', 'saving', 'saved', 'saving', 'saved', 'offline', 'connecting', 'saving', 'saved'] as const) {
      if (worthAnnouncing(last, now)) {
        heard.push(now);
        last = now;
      }
    }
    expect(heard).toEqual(['saved', 'offline', 'saved']);
  });
});

describe('reconnecting', () => {
  it('waits longer after each failure, up to 30 s, never less than half the step', () => {
    expect(retryDelay(0, () => 0)).toBe(250);
    expect(retryDelay(0, () => 1)).toBe(500);
    expect(retryDelay(3, () => 1)).toBe(4000);
    expect(retryDelay(30, () => 1)).toBe(30_000);
    expect(retryDelay(30, () => 0)).toBe(15_000);
  });

  it('spreads a room of clients over the window (jitter)', () => {
    const delays = new Set([0, 0.25, 0.5, 0.75].map((r) => retryDelay(4, () => r)));
    expect(delays.size).toBe(4);
  });
});
