/**
 * Live updates of a paper: GET /api/papers/{id}/events (text/event-stream, with Last-Event-ID),
 * read with fetch (EventSource cannot send the bearer token), and this tab's presence: a heartbeat
 * (PUT /api/papers/{id}/presence) saying which section it shows and whether it edits it, ended at
 * once when the tab leaves the paper. When the stream is refused or breaks, the app works on
 * without it and reconnects after a pause, replaying what it missed.
 */
import type { Client } from './client';
import { heartbeatSeconds, presentFrom, tabId, type Present } from './presence';
import { parseSse, type SseEvent } from './sse';

export type Listener = (event: SseEvent) => void;

const TAB_KEY = 'plenary.tab';

export class LiveUpdates {
  private paperId: number | null = null;
  private controller: AbortController | null = null;
  private lastId: string | null = null;
  private readonly listeners = new Set<Listener>();
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private beatTimer: ReturnType<typeof setInterval> | null = null;
  private beatSeconds = 15;
  private where: { sectionId: number | null; editing: boolean } = { sectionId: null, editing: false };
  private people: Present[] = [];
  private readonly tab: string;

  constructor(
    private readonly client: Client,
    private readonly token: () => string | null,
  ) {
    let tab = sessionStorage.getItem(TAB_KEY);
    if (tab === null) {
      tab = tabId();
      sessionStorage.setItem(TAB_KEY, tab);
    }
    this.tab = tab;
    window.addEventListener('pagehide', () => void this.leave(true));
  }

  /** Follows one paper (or none); reconnects after a dropped connection. */
  follow(paperId: number | null): void {
    if (paperId === this.paperId) return;
    void this.stop();
    this.paperId = paperId;
    this.lastId = null;
    this.people = [];
    if (paperId !== null) {
      void this.connect(paperId);
      this.startBeating();
    }
  }

  /** Where this tab is in the followed paper: told to the others at once and then by heartbeat. */
  at(sectionId: number | null, editing: boolean): void {
    if (this.where.sectionId === sectionId && this.where.editing === editing) return;
    this.where = { sectionId, editing };
    void this.beat();
  }

  /** Everyone present in the followed paper, as last told by the server. */
  present(): readonly Present[] {
    return this.people;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Stops following; the promise settles once the server has been told this tab left (call it
   * before signing out, while the token is still good).
   */
  stop(): Promise<void> {
    const left = this.leave(false);
    this.controller?.abort();
    this.controller = null;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    if (this.beatTimer !== null) clearInterval(this.beatTimer);
    this.beatTimer = null;
    this.paperId = null;
    this.where = { sectionId: null, editing: false };
    return left;
  }

  private startBeating(): void {
    if (this.beatTimer !== null) clearInterval(this.beatTimer);
    void this.beat();
    this.beatTimer = setInterval(() => void this.beat(), this.beatSeconds * 1000);
  }

  private async beat(): Promise<void> {
    if (this.paperId === null || this.token() === null) return;
    await this.client.put(`/api/papers/${this.paperId}/presence`, {
      client: this.tab,
      sectionId: this.where.sectionId,
      editing: this.where.editing,
    });
  }

  /**
   * Ends this tab's presence in the followed paper (keepalive: also while the page unloads).
   * Without a token there is nothing to end: the server would only refuse it (401).
   */
  private async leave(unloading: boolean): Promise<void> {
    const token = this.token();
    if (this.paperId === null || token === null) return;
    await fetch(this.client.url(`/api/papers/${this.paperId}/presence/${this.tab}`), {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${token}` },
      keepalive: unloading,
    }).then(
      () => undefined,
      () => undefined,
    );
  }

  private async connect(paperId: number): Promise<void> {
    const controller = new AbortController();
    this.controller = controller;
    const headers: Record<string, string> = { Accept: 'text/event-stream' };
    const token = this.token();
    if (token !== null) headers['Authorization'] = `Bearer ${token}`;
    if (this.lastId !== null) headers['Last-Event-ID'] = this.lastId;
    try {
      const response = await fetch(this.client.url(`/api/papers/${paperId}/events`), {
        headers,
        signal: controller.signal,
      });
      if (response.status === 401 || response.status === 403 || response.status === 404) {
        return; // not a reader (any more): the screens work without live updates
      }
      if (!response.ok || response.body === null) throw new Error(String(response.status));
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const parsed = parseSse(buffer + value);
        buffer = parsed.rest;
        for (const event of parsed.events) this.dispatch(event);
      }
    } catch {
      if (controller.signal.aborted) return;
    }
    if (this.controller === controller && this.paperId === paperId) {
      this.retryTimer = setTimeout(() => void this.connect(paperId), 3_000);
    }
  }

  private dispatch(event: SseEvent): void {
    if (event.id !== null) this.lastId = event.id;
    const people = presentFrom(event.event, event.data);
    if (people !== null) this.people = people;
    if (event.event === 'hello') {
      const seconds = heartbeatSeconds(event.data);
      if (seconds !== this.beatSeconds) {
        this.beatSeconds = seconds;
        this.startBeating();
      }
    }
    for (const listener of this.listeners) listener(event);
  }
}
