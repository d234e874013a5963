/**
 * How the section screen edits, from what the app knows of the person before the server says:
 * `write` binds the editor to the live text; `watch` shows the live text read-only; `propose`
 * keeps the editor a private copy of the saved revision, to propose as a draft (contributors
 * outside the section's breakout groups). The server has the last word on writing: it sends its
 * step 1 only to those who may save the section and refuses every other change.
 */
import type { Role } from '../types';

export type EditMode = 'write' | 'watch' | 'propose';

export function editMode(role: Role | null, inGroup: boolean): EditMode {
  if (role === 'OWNER' || role === 'EDITOR') return 'write';
  if (role === 'CONTRIBUTOR') return inGroup ? 'write' : 'propose';
  return 'watch';
}

/** Whether a breakout group the account belongs to holds the section (what lets a contributor save it). */
export function inGroupOf(
  workshops: readonly { readonly groups?: readonly { readonly memberIds?: readonly number[] | null; readonly sectionIds?: readonly number[] | null }[] | null }[],
  accountId: number | null,
  sectionId: number,
): boolean {
  if (accountId === null) return false;
  return workshops.some((w) => (w.groups ?? []).some((g) => (g.memberIds ?? []).includes(accountId) && (g.sectionIds ?? []).includes(sectionId)));
}

/**
 * What the live editor lets this tab do now: `write`; `watch` (read-only, still focusable to read
 * and select); `wait` (not editable at all) while a writer's document has never met the server's,
 * so nobody types beside the seed the server is about to send instead of in it.
 */
export function editorAccess(writer: boolean, synced: boolean, refused: boolean): 'write' | 'watch' | 'wait' {
  if (!writer || refused) return 'watch';
  return synced ? 'write' : 'wait';
}
