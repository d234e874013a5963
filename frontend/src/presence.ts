/**
 * Presence: who is in a paper now, and where. Pure state here (tested in Node); the live stream
 * (live.ts) feeds it and the screens show it.
 */

export interface Present {
  readonly accountId: number | null;
  readonly handle: string | null;
  readonly displayName: string;
  readonly sectionId: number | null;
  readonly editing: boolean;
}

/** The people in `hello` or `presence` event data (hello nests them under `presence`). */
export function presentFrom(event: string, data: string): Present[] | null {
  if (event !== 'hello' && event !== 'presence') return null;
  try {
    const parsed = JSON.parse(data) as { people?: Present[]; presence?: { people?: Present[] } };
    const people = event === 'hello' ? parsed.presence?.people : parsed.people;
    return Array.isArray(people) ? people : null;
  } catch {
    return null;
  }
}

/** How often to send a heartbeat, from a `hello` event (default 15 s). */
export function heartbeatSeconds(data: string): number {
  try {
    const parsed = JSON.parse(data) as { presence?: { heartbeatSeconds?: number } };
    const s = parsed.presence?.heartbeatSeconds;
    return typeof s === 'number' && s >= 1 ? s : 15;
  } catch {
    return 15;
  }
}

/**
 * The others present, one entry per person (a person editing wins over one only looking), without
 * the viewer, sorted by name; `sectionId` limits it to one section.
 */
export function others(people: readonly Present[], me: number | null, sectionId: number | null = null): Present[] {
  const byPerson = new Map<string, Present>();
  for (const p of people) {
    if (me !== null && p.accountId === me) continue;
    if (sectionId !== null && p.sectionId !== sectionId) continue;
    const key = p.accountId !== null ? `id:${p.accountId}` : `anon:${p.displayName}:${p.sectionId ?? ''}`;
    const seen = byPerson.get(key);
    if (seen === undefined || (!seen.editing && p.editing)) byPerson.set(key, p);
  }
  return [...byPerson.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** A random id for this browser tab (8–64 letters, digits, - or _), as the server expects. */
export function tabId(random: () => number = Math.random): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let id = 'tab-';
  for (let i = 0; i < 16; i++) id += alphabet[Math.floor(random() * alphabet.length)];
  return id;
}
