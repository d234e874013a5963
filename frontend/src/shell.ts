/** The page around every screen: header with navigation and languages, the main area, the live region. */
import { screenRoot } from './app';
import type { Client } from './client';
import { h } from './dom';
import { href } from './router';
import { LOCALES, MESSAGES, t, type Locale } from './strings';
import type { Profile } from './types';

export interface Shell {
  readonly mainArea: HTMLElement;
  /** Shows a screen's root in the main area. */
  mount(name: string, title: string, ...children: (Node | null)[]): HTMLElement;
  /** Says something to screen readers. */
  announce(message: string): void;
  /** The navigation for the person signed in (none when no one is). */
  renderNav(me: Profile | null): void;
  /** Asks for the unread notification count again. */
  refreshUnread(me: Profile | null): void;
}

/** Builds the page into #app; `signOut` runs when the person signs out. */
export function createShell(api: Client, locale: Locale, signOut: () => void): Shell {
  const liveRegion = h('p', { class: 'live visually-hidden', role: 'status', 'aria-live': 'polite' });
  const mainArea = h('main', { id: 'main', tabindex: '-1' });
  const unreadBadge = h('span', { class: 'badge', hidden: true });
  const navList = h('ul', { class: 'nav-list' });
  // The skip link moves focus itself: following "#main" would go through the hash router.
  const skipLink = h('a', { class: 'skip-link', href: '#main' }, t('nav.skip'));
  skipLink.addEventListener('click', (event) => {
    event.preventDefault();
    mainArea.focus();
  });
  const header = h(
    'header',
    { class: 'site-header' },
    skipLink,
    h('p', { class: 'app-name' }, h('a', { href: '#/' }, t('app.name'))),
    h('nav', { class: 'site-nav', 'aria-label': t('nav.main') }, navList),
    languageSwitcher(locale),
  );
  const app = document.getElementById('app');
  app?.replaceChildren(
    h('div', { class: 'page' }, header, mainArea, liveRegion, h('footer', { class: 'site-footer' }, h('p', {}, t('app.footer'), ' ', h('a', { href: api.url('/q/swagger-ui') }, t('app.apiDocs'))))),
  );

  return {
    mainArea,
    mount(name, title, ...children) {
      const root = screenRoot(name, title, ...children);
      mainArea.replaceChildren(root);
      document.title = `${title} – ${t('app.name')}`;
      return root;
    },
    announce(message) {
      liveRegion.textContent = '';
      // A fresh text node after clearing makes screen readers announce repeated messages too.
      setTimeout(() => {
        liveRegion.textContent = message;
      }, 50);
    },
    renderNav(me) {
      if (me === null) {
        navList.replaceChildren();
        return;
      }
      const signOutButton = h('button', { type: 'button', class: 'link-button' }, t('nav.signOut'));
      signOutButton.addEventListener('click', signOut);
      navList.replaceChildren(
        h('li', {}, h('a', { href: href({ name: 'papers' }) }, t('nav.papers'))),
        h('li', {}, h('a', { href: href({ name: 'notifications' }) }, t('nav.notifications'), unreadBadge)),
        h('li', {}, h('a', { href: href({ name: 'profile' }) }, t('nav.profile', { name: me.displayName }))),
        h('li', {}, signOutButton),
      );
    },
    refreshUnread(me) {
      if (me === null) return;
      void api.get<{ unread: number }>('/api/me/notifications/unread').then((a) => {
        if (!a.ok) return;
        unreadBadge.hidden = a.value.unread === 0;
        unreadBadge.textContent = a.value.unread === 0 ? '' : t('nav.unread', { n: a.value.unread });
      });
    },
  };
}

function languageSwitcher(locale: Locale): HTMLElement {
  return h(
    'nav',
    { class: 'languages', 'aria-label': t('nav.language') },
    h(
      'ul',
      {},
      ...LOCALES.map((l) => {
        const url = new URL(window.location.href);
        url.searchParams.set('lang', l);
        return h(
          'li',
          {},
          h(
            'a',
            { href: `${url.pathname}${url.search}${url.hash}`, lang: l, hreflang: l, 'aria-current': l === locale ? 'true' : undefined },
            MESSAGES[l].languageName,
          ),
        );
      }),
    ),
  );
}
