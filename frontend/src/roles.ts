/**
 * The caller's role in a paper. The API does not say it in the paper itself (yet): until it does
 * (a `role` on the paper is used when present), the roles come once per session from the
 * memberships in GET /api/me/data. Asking an owner-only endpoint instead would make every
 * non-owner's browser log a refused request.
 */
import type { Client } from './client';
import type { Profile, Role } from './types';

let memberships: Promise<Map<number, Role>> | null = null;

/** Forget the roles (after creating or joining a paper). */
export function forgetRoles(): void {
  memberships = null;
}

async function load(api: Client): Promise<Map<number, Role>> {
  const answer = await api.get<{ memberships?: { paperId: number; role: Role }[] }>('/api/me/data');
  const map = new Map<number, Role>();
  if (answer.ok) for (const m of answer.value.memberships ?? []) map.set(m.paperId, m.role);
  return map;
}

export async function roleIn(api: Client, me: Profile | null, paper: { id: number; role?: unknown }): Promise<Role | null> {
  if (typeof paper.role === 'string') return paper.role as Role;
  memberships ??= load(api);
  const role = (await memberships).get(paper.id) ?? null;
  // Platform administrators may manage any paper they open.
  return role ?? (me?.platformAdmin === true ? 'OWNER' : null);
}

export function canManage(role: Role | null): boolean {
  return role === 'OWNER';
}

export function canEdit(role: Role | null): boolean {
  return role === 'OWNER' || role === 'EDITOR';
}
