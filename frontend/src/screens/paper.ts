/**
 * The paper page: the paper as a document (screens/document.ts), with the navigation of the
 * paper's screens; looking after the paper (outline, members, status…) is on its settings screen.
 */
import { link, loadFailed, type Ctx } from '../app';
import { append, h } from '../dom';
import { formatDateTime } from '../format';
import { canEdit, roleIn } from '../roles';
import { t } from '../strings';
import type { Paper, Role, Section } from '../types';
import { editModes } from './coedit';
import { paperDocument } from './document';
import { statusBadge } from './papers';
import { presenceLine } from './presence';

export function kindLabel(kind: string): string {
  return t(`kind.${kind}` as 'kind.NARRATIVE');
}

export function roleLabel(role: string): string {
  return t(`role.${role}` as 'role.OWNER');
}

/** "Proposal 3: Heading" or just the heading. */
export function sectionTitle(s: Pick<Section, 'heading' | 'proposalNumber'>): string {
  return s.proposalNumber !== null ? t('section.numbered', { n: s.proposalNumber, heading: s.heading }) : s.heading;
}

export function paperNav(paperId: number, current: string): HTMLElement {
  const items: [string, string][] = [
    ['paper', t('doc.nav')],
    ['drafts', t('nav.drafts')],
    ['endorsements', t('nav.endorsements')],
    ['workshops', t('nav.workshops')],
    ['publish', t('nav.publish')],
    ['settings', t('settings.title')],
  ];
  return h(
    'nav',
    { class: 'paper-nav', 'aria-label': t('nav.paper') },
    h(
      'ul',
      {},
      ...items.map(([name, label]) =>
        h(
          'li',
          {},
          link(
            label,
            name === 'paper' ? { name: 'paper', paperId } : ({ name, paperId } as { name: 'drafts'; paperId: number }),
            current === name ? { 'aria-current': 'page' } : {},
          ),
        ),
      ),
    ),
  );
}

/** The paper and the reader's role in it, or null once the screen says why it could not load. */
export async function paperAndRole(ctx: Ctx, root: HTMLElement, paperId: number): Promise<{ paper: Paper; role: Role | null } | null> {
  const answer = await ctx.api.get<Paper>(`/api/papers/${paperId}`);
  if (!answer.ok) {
    loadFailed(ctx, root, answer.failure);
    return null;
  }
  return { paper: answer.value, role: await roleIn(ctx.api, ctx.me(), answer.value) };
}

export async function showPaper(ctx: Ctx, paperId: number): Promise<void> {
  const root = ctx.mount('paper', t('common.loading'));
  const loaded = await paperAndRole(ctx, root, paperId);
  if (loaded === null) return;
  const { paper, role } = loaded;
  const modeOf = await editModes(ctx, paperId, role);
  const heading = root.querySelector('h1');
  if (heading !== null) {
    heading.textContent = paper.title;
    heading.setAttribute('lang', paper.language);
  }
  document.title = `${paper.title} – Plenary`;
  const settings = { name: 'settings', paperId } as const;
  const doc = paperDocument(
    ctx,
    paper,
    { canComment: role !== 'OBSERVER', canModerate: canEdit(role), modeOf },
    canEdit(role) ? h('p', {}, link(t('doc.addSections'), settings)) : null,
  );
  append(
    root,
    paperNav(paperId, 'paper'),
    paper.subtitle !== null ? h('p', { class: 'subtitle', dir: 'auto', lang: paper.language }, paper.subtitle) : null,
    h('p', { class: 'meta' }, statusBadge(paper.status), ' ', t('papers.updated', { when: formatDateTime(paper.updatedAt, ctx.locale) })),
    paper.archived ? h('p', { class: 'notice', 'data-archived': 'true' }, t('archive.notice')) : null,
    doc.element,
  );
  const failure = await doc.load();
  if (failure !== null) loadFailed(ctx, root, failure);
  ctx.live.at(null, false);
  root.querySelector('h1')?.after(presenceLine(ctx, null, doc.headingOf));
}
