// bench/coedit/load.mjs: the load of bench/run-coedit (see its header), one process.
//
//   node bench/coedit/load.mjs --instances http://127.0.0.1:A,http://127.0.0.1:B \
//     --admin-password P [--sections 20] [--editors 5] [--cps 5] [--warmup 10] [--duration 60]
//
// Sets up one paper through the first instance: S sections, each the section of a breakout
// group of E participants (contributors, who may save their group's section). Every participant
// opens the section's live socket (participant i on instance i mod 2) with its own Y.Doc and
// y-protocols' sync and awareness, exactly the bytes the web app sends, and types CPS characters a
// second at a random place in the text, moving its cursor (awareness) with each keystroke.
//
// Keystroke-to-other-screen latency: each character is an item (clientID, clock) of Yjs; when a
// co-editor's doc receives it, the time since the typist typed it is one sample (all clients are
// in this process, so one clock). Afterwards typing stops, every client waits for the server to
// acknowledge everything it sent, and a fresh client per section reads the server's document:
// every client's text must equal it (divergent clients), and every character each client typed
// must be in it (lost characters). Prints key=value lines on stdout; progress on stderr.
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;
const MESSAGE_SAVED = 3;
const TEXT = 'body';
const AWARENESS_EVERY_MS = 200; // as frontend/src/coedit/provider.ts

const args = Object.fromEntries(
  process.argv
    .slice(2)
    .reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
const instances = (args.instances ?? '').split(',').filter(Boolean);
const password = args['admin-password'];
const SECTIONS = Number(args.sections ?? 20);
const EDITORS = Number(args.editors ?? 5);
const CPS = Number(args.cps ?? 5);
const WARMUP = Number(args.warmup ?? 10) * 1000;
const DURATION = Number(args.duration ?? 60) * 1000;
const AWARENESS = (args.awareness ?? 'on') !== 'off'; // cursors sent with each keystroke
if (instances.length === 0 || !password) {
  console.error('--instances and --admin-password are required');
  process.exit(2);
}
const log = (...m) => console.error(`[coedit-load ${new Date().toISOString().slice(11, 19)}]`, ...m);

async function api(base, method, path, token, body) {
  const res = await fetch(base + path, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'Content-Type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

// Words in the languages of the room; no characters outside the BMP, so that an insert at any
// index never splits a surrogate pair.
const WORDS = (
  'communities prevention platforms accountability données société مجتمع سلام 社区 和平 ' +
  'общество мир inclusión paz Beteiligung Rechenschaft'
).split(' ');

class Editor {
  constructor(index, base, path, token) {
    this.index = index;
    this.base = base;
    this.doc = new Y.Doc();
    this.text = this.doc.getText(TEXT);
    stats.instanceOf.set(this.doc.clientID, base);
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.sent = 0; // updates and step 2 messages sent
    this.acked = 0;
    this.typed = 0;
    this.denied = null;
    this.closed = null;
    this.word = '';
    this.synced = new Promise((resolve) => (this.onSynced = resolve));
    const url = base.replace(/^http/, 'ws') + path + '/live';
    this.ws = new WebSocket(url, { headers: { Authorization: `Bearer ${token}` } });
    this.ws.binaryType = 'nodebuffer';
    this.ws.on('open', () => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, MESSAGE_SYNC);
      syncProtocol.writeSyncStep1(e, this.doc);
      this.ws.send(encoding.toUint8Array(e));
    });
    this.ws.on('message', (data) => this.receive(new Uint8Array(data)));
    this.ws.on('close', (code, reason) => (this.closed = `${code} ${reason}`));
    this.ws.on('error', (err) => (this.closed = String(err)));
    // As the web app's provider (frontend/src/coedit/provider.ts, ledger.ts): one update in
    // flight, those typed meanwhile held and sent merged once it is acknowledged; the cursor sent
    // at most every AWARENESS_EVERY_MS.
    this.inFlight = 0;
    this.held = [];
    this.doc.on('update', (update, origin) => {
      if (origin === this) return;
      if (this.inFlight > 0) this.held.push(update);
      else this.sendUpdate(update);
    });
    this.awarenessSentAt = -Infinity;
    this.awarenessTimer = null;
    this.awareness.on('update', (_changes, origin) => {
      if (origin === this) return;
      const wait = this.awarenessSentAt + AWARENESS_EVERY_MS - performance.now();
      if (wait <= 0) this.sendAwareness();
      else if (this.awarenessTimer === null) this.awarenessTimer = setTimeout(() => this.sendAwareness(), wait);
    });
  }

  sendUpdate(update) {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MESSAGE_SYNC);
    syncProtocol.writeUpdate(e, update);
    this.inFlight++;
    this.send(encoding.toUint8Array(e), true);
  }

  /** An acknowledgement or refusal came: the held changes go up, merged. */
  answered() {
    this.inFlight = Math.max(0, this.inFlight - 1);
    if (this.inFlight === 0 && this.held.length > 0) {
      const merged = this.held.length === 1 ? this.held[0] : Y.mergeUpdates(this.held);
      this.held = [];
      this.sendUpdate(merged);
    }
  }

  sendAwareness() {
    clearTimeout(this.awarenessTimer);
    this.awarenessTimer = null;
    this.awarenessSentAt = performance.now();
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID]));
    this.send(encoding.toUint8Array(e), false);
  }

  send(message, counted) {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    if (counted) this.sent++;
    this.ws.send(message);
  }

  receive(message) {
    const d = decoding.createDecoder(message);
    const type = decoding.readVarUint(d);
    if (type === MESSAGE_SYNC) {
      const before = d.pos;
      const sub = decoding.readVarUint(d);
      if (sub !== syncProtocol.messageYjsSyncStep1) stats.observe(this, decoding.readVarUint8Array(d));
      d.pos = before;
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, MESSAGE_SYNC);
      const kind = syncProtocol.readSyncMessage(d, reply, this.doc, this);
      if (kind === syncProtocol.messageYjsSyncStep1 && encoding.length(reply) > 1) {
        this.inFlight++;
        this.held = []; // the step 2 carries them
        this.send(encoding.toUint8Array(reply), true); // our step 2: the server acknowledges it
      }
      if (kind === syncProtocol.messageYjsSyncStep2) this.onSynced();
    } else if (type === MESSAGE_AWARENESS) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(d), this);
    } else if (type === MESSAGE_AUTH) {
      decoding.readVarUint(d);
      this.denied = decoding.readVarString(d);
      this.answered();
    } else if (type === MESSAGE_SAVED) {
      decoding.readVarUint(d);
      this.acked++;
      stats.acked(this);
      this.answered();
    }
  }

  /** Types one character at a random place: the next letter of the word this editor is typing. */
  keystroke(now) {
    if (this.word === '') this.word = WORDS[Math.floor(Math.random() * WORDS.length)] + ' ';
    const ch = this.word[0];
    this.word = this.word.slice(1);
    const at = Math.floor(Math.random() * (this.text.length + 1));
    const clock = Y.getState(this.doc.store, this.doc.clientID);
    stats.typed(this, clock, now);
    this.text.insert(at, ch);
    this.typed++;
    const rel = Y.createRelativePositionFromTypeIndex(this.text, at + 1);
    if (AWARENESS) this.awareness.setLocalStateField('cursor', { anchor: rel, head: rel });
  }

  /** Every item this editor's client wrote that is in {@code text}, not deleted. */
  static present(text, clientID) {
    let n = 0;
    for (let item = text._start; item !== null; item = item.right) {
      if (item.id.client === clientID && !item.deleted) n += item.length;
    }
    return n;
  }
}

const stats = {
  sentAt: new Map(), // "client:clock" -> time typed, only inside the measured window
  latencies: [],
  sameInstance: [], // the typist and the co-editor on one instance
  otherInstance: [], // on two: the keystroke crossed through PostgreSQL
  instanceOf: new Map(), // clientID -> the instance its editor is on
  acks: 0,
  windowStart: Infinity,
  windowEnd: Infinity,
  typed(editor, clock, now) {
    if (now >= this.windowStart && now < this.windowEnd) this.sentAt.set(`${editor.doc.clientID}:${clock}`, now);
  },
  acked() {
    const now = performance.now();
    if (now >= this.windowStart && now < this.windowEnd) this.acks++;
  },
  /**
   * A co-editor's doc is about to take in {@code update}: each keystroke in it that the doc does
   * not have yet arrives now. Only the typists count (not the readers that check the server's text
   * at the end, whose step 2 holds every keystroke), and each keystroke once per co-editor (a step
   * 2 after a reconnect repeats what the doc already has).
   */
  observe(editor, update) {
    if (this.sentAt.size === 0 || editor.index < 0) return;
    const now = performance.now();
    for (const struct of Y.decodeUpdate(update).structs) {
      if (struct.id.client === editor.doc.clientID) continue;
      const have = Y.getState(editor.doc.store, struct.id.client);
      for (let i = Math.max(0, have - struct.id.clock); i < struct.length; i++) {
        const at = this.sentAt.get(`${struct.id.client}:${struct.id.clock + i}`);
        if (at === undefined) continue;
        this.latencies.push(now - at);
        const from = this.instanceOf.get(struct.id.client);
        (from === editor.base ? this.sameInstance : this.otherInstance).push(now - at);
      }
    }
  },
};

/** p50 and p99 of {@code samples} as {prefix}_p50_ms and {prefix}_p99_ms. */
function percentiles(prefix, samples) {
  const sorted = Float64Array.from(samples).sort();
  return { [`${prefix}_p50_ms`]: pct(sorted, 50).toFixed(1), [`${prefix}_p99_ms`]: pct(sorted, 99).toFixed(1) };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pct = (sorted, p) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);

async function main() {
  const base = instances[0];
  const admin = (await api(base, 'POST', '/api/auth/sign-in', null, { handle: 'admin', password })).token;
  const paper = (await api(base, 'POST', '/api/papers', admin, { title: 'Co-editing load', language: 'en' })).id;
  const p = `/api/papers/${paper}`;
  const sections = [];
  for (let s = 0; s < SECTIONS; s++) {
    const body = `Group ${s + 1} writes here.`;
    sections.push((await api(base, 'POST', `${p}/sections`, admin, { heading: `Group ${s + 1}`, kind: 'NARRATIVE', body })).id);
  }
  const workshop = (await api(base, 'POST', `${p}/workshops`, admin, {
    title: 'Breakout', startsAt: '2026-12-07T09:00:00', endsAt: '2026-12-07T12:00:00', timeZone: 'UTC',
  })).id;
  const invitation = (await api(base, 'POST', `${p}/invitations`, admin, { role: 'CONTRIBUTOR', maxUses: 1000 })).token;
  const run = Date.now().toString(36);
  const people = [];
  for (let i = 0; i < SECTIONS * EDITORS; i++) {
    const session = await api(base, 'POST', `/api/invitations/${invitation}/sign-up`, null, {
      handle: `c${run}p${i}`, displayName: `Co-editor ${i}`, password: `a long enough passphrase ${i}`,
    });
    people.push({ token: session.token, id: session.account.id });
  }
  for (let s = 0; s < SECTIONS; s++) {
    const group = (await api(base, 'POST', `${p}/workshops/${workshop}/groups`, admin, { name: `Group ${s + 1}` })).id;
    const members = people.slice(s * EDITORS, (s + 1) * EDITORS).map((x) => x.id);
    await api(base, 'PUT', `${p}/workshops/${workshop}/groups/${group}/members`, admin, { accountIds: members });
    await api(base, 'PUT', `${p}/workshops/${workshop}/groups/${group}/sections`, admin, { sectionIds: [sections[s]] });
  }
  log(`paper ${paper}: ${SECTIONS} sections x ${EDITORS} co-editors on ${instances.length} instances`);

  const editors = people.map((person, i) => {
    const s = Math.floor(i / EDITORS);
    const e = new Editor(i, instances[i % instances.length], `${p}/sections/${sections[s]}`, person.token);
    e.section = s;
    return e;
  });
  await Promise.race([Promise.all(editors.map((e) => e.synced)), sleep(60_000)]);
  const unsynced = editors.filter((e) => e.closed || e.denied).length;
  log(`${editors.length} sockets synced (${unsynced} closed or refused)`);

  // Typing: each editor CPS keystrokes a second, spread evenly, starting at a random offset.
  const start = performance.now();
  stats.windowStart = start + WARMUP;
  stats.windowEnd = stats.windowStart + DURATION;
  const epoch = Date.now() - start; // performance.now() + epoch = Unix time in ms
  const interval = 1000 / CPS;
  // The generator's own health: a late event loop types less and reads arrivals late.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  let cpuAtStart = null;
  setTimeout(() => {
    loopDelay.enable();
    cpuAtStart = process.cpuUsage();
  }, WARMUP);
  const timers = editors.map((e) =>
    setTimeout(function tick() {
      const now = performance.now();
      if (now >= stats.windowEnd) return;
      e.keystroke(now);
      e.timer = setTimeout(tick, interval);
    }, Math.random() * interval),
  );
  let lastLog = start;
  while (performance.now() < stats.windowEnd) {
    await sleep(1000);
    if (performance.now() - lastLog >= 10_000) {
      lastLog = performance.now();
      log(`typing: ${editors.reduce((n, e) => n + e.typed, 0)} keystrokes, ${stats.latencies.length} arrivals`);
    }
  }
  loopDelay.disable();
  const cpu = process.cpuUsage(cpuAtStart ?? undefined);
  timers.forEach(clearTimeout);
  editors.forEach((e) => clearTimeout(e.timer));

  // Quiesce: everything acknowledged (up to 60 s), then the fan-out settles.
  const quiesceStart = performance.now();
  while (performance.now() - quiesceStart < 60_000 && editors.some((e) => !e.closed && (e.acked < e.sent || e.held.length > 0))) await sleep(200);
  const unacked = editors.reduce((n, e) => n + Math.max(0, e.sent - e.acked) + e.held.length, 0);
  const settleStart = performance.now();
  const server = [];
  for (let s = 0; s < SECTIONS; s++) {
    const reader = new Editor(-1, base, `${p}/sections/${sections[s]}`, admin);
    await Promise.race([reader.synced, sleep(30_000)]);
    server.push(reader);
  }
  const texts = (s) => editors.filter((e) => e.section === s).map((e) => e.text.toString());
  while (performance.now() - settleStart < 30_000) {
    if (server.every((r, s) => texts(s).every((t) => t === r.text.toString()))) break;
    await sleep(250);
  }

  let divergent = 0;
  let lost = 0;
  let typed = 0;
  for (const e of editors) {
    const truth = server[e.section];
    if (e.text.toString() !== truth.text.toString()) divergent++;
    typed += e.typed;
    lost += e.typed - Editor.present(truth.text, e.doc.clientID);
  }
  const sorted = Float64Array.from(stats.latencies).sort();
  const out = {
    sections: SECTIONS,
    editors: editors.length,
    cps_per_editor: CPS,
    duration_s: DURATION / 1000,
    keystrokes: typed,
    keystrokes_in_window: stats.sentAt.size, // one entry per keystroke typed in the window
    keystrokes_planned_in_window: Math.round(editors.length * CPS * (DURATION / 1000)),
    load_cpu_percent: ((100 * (cpu.user + cpu.system)) / 1000 / DURATION).toFixed(0),
    load_event_loop_delay_p99_ms: (loopDelay.percentile(99) / 1e6).toFixed(1),
    latency_samples: sorted.length,
    latency_samples_expected: stats.sentAt.size * (EDITORS - 1), // each keystroke at each co-editor
    latency_p50_ms: pct(sorted, 50).toFixed(1),
    latency_p95_ms: pct(sorted, 95).toFixed(1),
    latency_p99_ms: pct(sorted, 99).toFixed(1),
    latency_max_ms: (sorted.length ? sorted[sorted.length - 1] : NaN).toFixed(1),
    ...percentiles('latency_same_instance', stats.sameInstance),
    ...percentiles('latency_other_instance', stats.otherInstance),
    updates_acked_per_s: (stats.acks / (DURATION / 1000)).toFixed(1),
    keystrokes_per_update: (typed / Math.max(1, editors.reduce((n, e) => n + e.sent, 0))).toFixed(2),
    unacknowledged: unacked,
    refused: editors.filter((e) => e.denied).length,
    closed: editors.filter((e) => e.closed).length,
    divergent_clients: divergent,
    lost_characters: lost,
    window_start_epoch_ms: Math.round(stats.windowStart + epoch),
    window_end_epoch_ms: Math.round(stats.windowEnd + epoch),
    paper,
    sections_ids: sections.join(','),
  };
  for (const [k, v] of Object.entries(out)) console.log(`${k}=${v}`);
  for (const e of [...editors, ...server]) {
    e.awareness.destroy();
    e.ws.close();
  }
  // The last writer has left each section: its text should now be a revision (a checkpoint).
  await sleep(Number(args['checkpoint-wait'] ?? 8) * 1000);
  let checkpoints = 0;
  let kept = 0;
  for (let s = 0; s < SECTIONS; s++) {
    const content = await api(base, 'GET', `${p}/sections/${sections[s]}/content`, admin);
    checkpoints += content.revision - 1;
    if (content.body === server[s].text.toString()) kept++;
  }
  console.log(`checkpoints=${checkpoints}`);
  console.log(`sections_whose_revision_holds_the_live_text=${kept}`);
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
