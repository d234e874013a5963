/** What every screen gets: the API client, the signed-in person, the page shell, navigation. */
import type { Client } from './client';
import { h } from './dom';
import type { LiveUpdates } from './live';
import type { Failure } from './problem';
import { href, type Route } from './router';
import { t } from './strings';
import type { Profile } from './types';
import { failureBox } from './ui';

export interface Ctx {
  readonly api: Client;
  readonly live: LiveUpdates;
  readonly locale: string;
  me(): Profile | null;
  /** Replaces the main area with a screen root (marked data-screen) and returns it. */
  mount(name: string, title: string, ...children: (Node | null)[]): HTMLElement;
  /** Announces a status message politely (aria-live). */
  announce(message: string): void;
  go(route: Route): void;
  /** Runs when the screen is left (unsubscribe, stop timers). */
  onLeave(cleanup: () => void): void;
  /** Re-renders the current screen. */
  refresh(): void;
  /** Updates the unread notifications badge. */
  refreshUnread(): void;
}

/** A screen root: `<section data-screen=name>` with its h1 (focused on arrival). */
export function screenRoot(name: string, title: string, ...children: (Node | null)[]): HTMLElement {
  return h(
    'section',
    { 'data-screen': name, class: `screen screen-${name}`, 'aria-labelledby': `${name}-title` },
    h('h1', { id: `${name}-title`, tabindex: '-1', dir: 'auto' }, title),
    ...children,
  );
}

/** The body of a screen that could not load. */
export function loadFailed(ctx: Ctx, root: HTMLElement, failure: Failure): void {
  const retry = h('button', { type: 'button' }, t('common.retry'));
  retry.addEventListener('click', () => ctx.refresh());
  root.append(failureBox(failure, t('common.loadFailed')), retry);
}

export function link(label: string, route: Route, attrs: Record<string, string> = {}): HTMLAnchorElement {
  return h('a', { href: href(route), ...attrs }, label);
}
