/**
 * The app's addresses. Hash routes (`#/papers/7/sections/42`) so any static host can serve the
 * app from one index.html; `/join/{token}` (the link the server hands out) is read as well.
 */

export type Route =
  | { readonly name: 'papers' }
  | { readonly name: 'paper'; readonly paperId: number }
  | { readonly name: 'settings'; readonly paperId: number }
  | { readonly name: 'section'; readonly paperId: number; readonly sectionId: number }
  | { readonly name: 'history'; readonly paperId: number; readonly sectionId: number }
  | { readonly name: 'drafts'; readonly paperId: number }
  | { readonly name: 'draft'; readonly paperId: number; readonly draftId: number }
  | { readonly name: 'endorsements'; readonly paperId: number }
  | { readonly name: 'workshops'; readonly paperId: number }
  | { readonly name: 'publish'; readonly paperId: number }
  | { readonly name: 'notifications' }
  | { readonly name: 'profile' }
  | { readonly name: 'join'; readonly token: string }
  | { readonly name: 'signin' }
  | { readonly name: 'notFound'; readonly path: string };

function id(value: string | undefined): number | null {
  return value !== undefined && /^[1-9]\d{0,15}$/.test(value) ? Number(value) : null;
}

/** Reads a hash (`#/papers/7`) or a path (`/join/abc`) into a route. */
export function parseRoute(location: string): Route {
  const path = location.replace(/^#/, '').split('?')[0] ?? '';
  const parts = path.split('/').filter((p) => p !== '').map((p) => decodeURIComponent(p));
  const [a, b, c, d, e] = parts;
  if (parts.length === 0 || (a === 'papers' && parts.length === 1)) return { name: 'papers' };
  if (a === 'notifications' && parts.length === 1) return { name: 'notifications' };
  if (a === 'profile' && parts.length === 1) return { name: 'profile' };
  if (a === 'signin' && parts.length === 1) return { name: 'signin' };
  if (a === 'join' && b !== undefined && parts.length === 2) return { name: 'join', token: b };
  const paperId = a === 'papers' ? id(b) : null;
  if (paperId !== null) {
    if (parts.length === 2) return { name: 'paper', paperId };
    if (parts.length === 3) {
      if (c === 'drafts') return { name: 'drafts', paperId };
      if (c === 'endorsements') return { name: 'endorsements', paperId };
      if (c === 'workshops') return { name: 'workshops', paperId };
      if (c === 'publish') return { name: 'publish', paperId };
      if (c === 'settings') return { name: 'settings', paperId };
    }
    if (c === 'sections' && id(d) !== null) {
      const sectionId = id(d) as number;
      if (parts.length === 4) return { name: 'section', paperId, sectionId };
      if (parts.length === 5 && e === 'history') return { name: 'history', paperId, sectionId };
    }
    if (c === 'drafts' && id(d) !== null && parts.length === 4) {
      return { name: 'draft', paperId, draftId: id(d) as number };
    }
  }
  return { name: 'notFound', path };
}

/** The hash of a route, e.g. `#/papers/7/sections/42`. */
export function href(route: Route): string {
  switch (route.name) {
    case 'papers':
      return '#/';
    case 'paper':
      return `#/papers/${route.paperId}`;
    case 'section':
      return `#/papers/${route.paperId}/sections/${route.sectionId}`;
    case 'history':
      return `#/papers/${route.paperId}/sections/${route.sectionId}/history`;
    case 'drafts':
    case 'endorsements':
    case 'workshops':
    case 'publish':
    case 'settings':
      return `#/papers/${route.paperId}/${route.name}`;
    case 'draft':
      return `#/papers/${route.paperId}/drafts/${route.draftId}`;
    case 'notifications':
    case 'profile':
    case 'signin':
      return `#/${route.name}`;
    case 'join':
      return `#/join/${encodeURIComponent(route.token)}`;
    case 'notFound':
      return `#${route.path}`;
  }
}

/** Where an invitation link should point in this app (works on any static host). */
export function joinLink(origin: string, pathname: string, token: string): string {
  return `${origin}${pathname}${href({ name: 'join', token })}`;
}
