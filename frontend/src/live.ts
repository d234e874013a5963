/**
 * Live updates of a paper: GET /api/papers/{id}/events (text/event-stream, with Last-Event-ID).
 * Read with fetch (EventSource cannot send the bearer token). When the endpoint does not exist
 * (404) or the caller may not use it, the app simply works without live updates.
 */
import type { Client } from './client';
import { parseSse, type SseEvent } from './sse';

export type Listener = (event: SseEvent) => void;

export class LiveUpdates {
  private paperId: number | null = null;
  private controller: AbortController | null = null;
  private lastId: string | null = null;
  private readonly listeners = new Set<Listener>();
  private unavailable = false;
  /** Whether the server offers the events endpoint, read once from its OpenAPI document. */
  private offered: Promise<boolean> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly client: Client,
    private readonly token: () => string | null,
  ) {}

  /** Follows one paper (or none); reconnects after a dropped connection. */
  follow(paperId: number | null): void {
    if (paperId === this.paperId) return;
    this.stop();
    this.paperId = paperId;
    this.lastId = null;
    if (paperId !== null && !this.unavailable) {
      this.offered ??= this.checkOffered();
      void this.offered.then((yes) => {
        if (yes && this.paperId === paperId && this.controller === null) void this.connect(paperId);
      });
    }
  }

  /**
   * Asking for a missing endpoint would log a failed request in the browser console, so the app
   * first looks for it in the API document.
   */
  private async checkOffered(): Promise<boolean> {
    const answer = await this.client.get<{ paths?: Record<string, unknown> }>('/q/openapi?format=json');
    return answer.ok && Object.keys(answer.value.paths ?? {}).some((p) => /^\/api\/papers\/\{[^}]+\}\/events$/.test(p));
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stop(): void {
    this.controller?.abort();
    this.controller = null;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.paperId = null;
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
      if (response.status === 404 || response.status === 405 || response.status === 501) {
        this.unavailable = true;
        return;
      }
      if (!response.ok || response.body === null) throw new Error(String(response.status));
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const parsed = parseSse(buffer + value);
        buffer = parsed.rest;
        for (const event of parsed.events) {
          if (event.id !== null) this.lastId = event.id;
          for (const listener of this.listeners) listener(event);
        }
      }
    } catch {
      if (controller.signal.aborted) return;
    }
    if (this.controller === controller && this.paperId === paperId) {
      this.retryTimer = setTimeout(() => void this.connect(paperId), 5_000);
    }
  }
}
