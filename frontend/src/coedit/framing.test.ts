import { describe, expect, it } from 'vitest';
import * as framing from './framing';

const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);

describe('the live socket framing', () => {
  it('writes sync messages as y-protocols does: type 0, sync type, length-prefixed payload', () => {
    expect([...framing.step1(bytes(1, 2))]).toEqual([0, 0, 2, 1, 2]);
    expect([...framing.step2(bytes(9))]).toEqual([0, 1, 1, 9]);
    expect([...framing.update(bytes())]).toEqual([0, 2, 0]);
    expect([...framing.awareness(bytes(7, 7))]).toEqual([1, 2, 7, 7]);
  });

  it('reads back every message it writes', () => {
    expect(framing.readMessage(framing.step1(bytes(5)))).toEqual({ kind: 'step1', stateVector: bytes(5) });
    expect(framing.readMessage(framing.step2(bytes(6)))).toEqual({ kind: 'step2', update: bytes(6) });
    expect(framing.readMessage(framing.update(bytes(7)))).toEqual({ kind: 'update', update: bytes(7) });
    expect(framing.readMessage(framing.awareness(bytes(8)))).toEqual({ kind: 'awareness', update: bytes(8) });
  });

  it('reads the server’s refusal with its whole reason, in any script', () => {
    const reason = 'As an observer of this paper you cannot save — مراقب';
    expect(framing.readMessage(framing.denied(reason))).toEqual({ kind: 'denied', reason });
    expect([...framing.denied('no')]).toEqual([2, 0, 2, 110, 111]);
  });

  it('reads Plenary’s acknowledgement 3 <varuint seq>, also above 127 (two bytes)', () => {
    expect(framing.readMessage(bytes(3, 5))).toEqual({ kind: 'saved', seq: 5 });
    expect([...framing.saved(300)]).toEqual([3, 172, 2]);
    expect(framing.readMessage(framing.saved(300))).toEqual({ kind: 'saved', seq: 300 });
  });

  it('passes over message types it does not know and refuses bytes cut short', () => {
    expect(framing.readMessage(bytes(9, 1))).toEqual({ kind: 'unknown', type: 9 });
    expect(() => framing.readMessage(bytes(0, 1, 5, 1))).toThrow();
    expect(() => framing.readMessage(bytes(0, 7, 0))).toThrow(/unknown sync message 7/);
  });
});
