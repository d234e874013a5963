/**
 * The paper's settings: what looking after a paper takes, apart from its text. Search (everyone),
 * the outline and the paper's details and flagged comments (editors), status, members, archive and
 * audit log (owners).
 */
import type { Ctx } from '../app';
import { append, h } from '../dom';
import { href } from '../router';
import { canEdit, canManage } from '../roles';
import { t } from '../strings';
import type { Paper } from '../types';
import { formatSignatories, parseSignatories } from '../signatories';
import { crumbs, field, form, showFormFailure } from '../ui';
import { membersPanel } from './members';
import { outlinePanel } from './outline';
import { paperAndRole, paperNav } from './paper';
import { archivePanel, auditPanel, flaggedPanel, searchPanel } from './stewardship';

export async function showSettings(ctx: Ctx, paperId: number): Promise<void> {
  const root = ctx.mount('settings', t('settings.title'));
  const loaded = await paperAndRole(ctx, root, paperId);
  if (loaded === null) return;
  const { paper, role } = loaded;
  const editable = canEdit(role);
  document.title = `${t('settings.title')} – ${paper.title}`;
  const outline = outlinePanel(ctx, paperId, editable);
  append(
    root,
    crumbs([paper.title, href({ name: 'paper', paperId })]),
    paperNav(paperId, 'settings'),
    paper.archived ? h('p', { class: 'notice', 'data-archived': 'true' }, t('archive.notice')) : null,
    searchPanel(ctx, paper),
    outline.element,
  );
  await outline.load();
  ctx.live.at(null, false);
  const unsubscribe = ctx.live.subscribe((event) => {
    if (event.event.startsWith('section.') || event.event.startsWith('outline.')) void outline.reloadKeepingFocus();
  });
  ctx.onLeave(unsubscribe);
  if (editable) append(root, flaggedPanel(ctx, paperId, () => outline.sections()).element, detailsPanel(ctx, paper));
  if (canManage(role)) append(root, statusPanel(ctx, paper), membersPanel(ctx, paperId), archivePanel(ctx, paper), auditPanel(ctx, paperId));
}

/** Title, subtitle, summary and what the published edition needs (editors and owners). */
export function detailsPanel(ctx: Ctx, paper: Paper): HTMLElement {
  const title = field({ name: 'title', label: t('details.title'), value: paper.title, required: true, dir: 'auto' });
  const subtitle = field({ name: 'subtitle', label: t('details.subtitle'), value: paper.subtitle ?? '', dir: 'auto' });
  const summary = field({ name: 'summary', label: t('details.summary'), value: paper.summary ?? '', multiline: true, rows: 3, dir: 'auto' });
  const initiative = field({ name: 'initiative', label: t('details.initiative'), value: paper.initiative ?? '', dir: 'auto' });
  const keywords = field({ name: 'keywords', label: t('details.keywords'), value: (paper.keywords ?? []).join(', '), hint: t('details.keywordsHint'), dir: 'auto' });
  const signatories = field({
    name: 'signatories',
    label: t('details.signatories'),
    value: formatSignatories(paper.signatories ?? []),
    multiline: true,
    rows: 3,
    hint: t('details.signatoriesHint'),
    dir: 'auto',
  });
  const fields = [title, subtitle, summary, initiative, keywords, signatories];
  return h(
    'details',
    { class: 'panel', 'data-panel': 'details' },
    h('summary', {}, t('details.heading')),
    form(t('details.heading'), fields, t('common.save'), async (alertBox) => {
      const answer = await ctx.api.patch<Paper>(`/api/papers/${paper.id}`, {
        title: title.input.value,
        subtitle: subtitle.input.value,
        summary: summary.input.value,
        initiative: initiative.input.value,
        keywords: keywords.input.value.split(',').map((k) => k.trim()).filter((k) => k !== ''),
        signatories: parseSignatories(signatories.input.value),
      });
      if (!answer.ok) {
        showFormFailure(alertBox, fields, answer.failure);
        return;
      }
      showFormFailure(alertBox, fields, null);
      ctx.announce(t('details.saved'));
    }),
  );
}

export function statusPanel(ctx: Ctx, paper: Paper): HTMLElement {
  const status = field({
    name: 'status',
    label: t('paper.newStatus'),
    value: paper.status,
    options: (['DRAFTING', 'REVIEW', 'FROZEN'] as const).map((s) => [s, t(`status.${s}`)] as const),
  });
  const reason = field({ name: 'reason', label: t('paper.statusReason'), multiline: true, rows: 2, dir: 'auto' });
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'status-h' },
    h('h2', { id: 'status-h' }, t('paper.statusTitle')),
    form(t('paper.statusTitle'), [status, reason], t('paper.changeStatus'), async (alertBox) => {
      const answer = await ctx.api.post<Paper>(`/api/papers/${paper.id}/status`, { status: status.input.value, reason: reason.input.value || null });
      if (!answer.ok) {
        showFormFailure(alertBox, [status, reason], answer.failure);
        return;
      }
      ctx.announce(t('paper.statusChanged'));
      ctx.refresh();
    }),
  );
}
