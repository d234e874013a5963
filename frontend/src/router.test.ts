import { describe, expect, it } from 'vitest';
import { href, joinLink, parseRoute, type Route } from './router';

describe('parseRoute', () => {
  it('reads every screen from the hash', () => {
    expect(parseRoute('')).toEqual({ name: 'papers' });
    expect(parseRoute('#/')).toEqual({ name: 'papers' });
    expect(parseRoute('#/papers/7')).toEqual({ name: 'paper', paperId: 7 });
    expect(parseRoute('#/papers/7/sections/42')).toEqual({ name: 'section', paperId: 7, sectionId: 42 });
    expect(parseRoute('#/papers/7/sections/42/history')).toEqual({ name: 'history', paperId: 7, sectionId: 42 });
    expect(parseRoute('#/papers/7/drafts/3')).toEqual({ name: 'draft', paperId: 7, draftId: 3 });
    expect(parseRoute('#/papers/7/publish')).toEqual({ name: 'publish', paperId: 7 });
    expect(parseRoute('#/papers/7/settings')).toEqual({ name: 'settings', paperId: 7 });
    expect(parseRoute('#/notifications')).toEqual({ name: 'notifications' });
    expect(parseRoute('#/join/abc%2Fdef')).toEqual({ name: 'join', token: 'abc/def' });
  });

  it('reads the server’s /join/{token} path too', () => {
    expect(parseRoute('/join/plj_123')).toEqual({ name: 'join', token: 'plj_123' });
  });

  it('refuses ids that are not positive integers, and unknown paths', () => {
    expect(parseRoute('#/papers/0').name).toBe('notFound');
    expect(parseRoute('#/papers/x1').name).toBe('notFound');
    expect(parseRoute('#/papers/7/nothing').name).toBe('notFound');
    expect(parseRoute('#/papers/7/sections/42/other').name).toBe('notFound');
  });

  it('round-trips through href', () => {
    const routes: Route[] = [
      { name: 'papers' },
      { name: 'paper', paperId: 1 },
      { name: 'section', paperId: 1, sectionId: 2 },
      { name: 'history', paperId: 1, sectionId: 2 },
      { name: 'drafts', paperId: 1 },
      { name: 'draft', paperId: 1, draftId: 9 },
      { name: 'endorsements', paperId: 1 },
      { name: 'workshops', paperId: 1 },
      { name: 'publish', paperId: 1 },
      { name: 'settings', paperId: 1 },
      { name: 'notifications' },
      { name: 'profile' },
      { name: 'signin' },
      { name: 'join', token: 'a b' },
    ];
    for (const route of routes) expect(parseRoute(href(route))).toEqual(route);
  });

  it('builds invitation links that work on a static host', () => {
    expect(joinLink('https://x.org', '/app/', 'tok')).toBe('https://x.org/app/#/join/tok');
  });
});
