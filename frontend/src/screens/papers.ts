/** The papers list and the form to create a paper. */
import { link, loadFailed, type Ctx } from '../app';
import { h } from '../dom';
import { formatDateTime } from '../format';
import { statusClass, statusLabel } from '../status';
import { forgetRoles } from '../roles';
import { importPanel } from './importing';
import { strings, t } from '../strings';
import type { Page, Paper } from '../types';
import { checkbox, field, form, showFormFailure } from '../ui';

export function statusBadge(status: string): HTMLElement {
  return h(
    'span',
    { class: statusClass(status) },
    h('span', { class: 'visually-hidden' }, `${t('paper.status')} `),
    statusLabel(status, strings()),
  );
}

/** Whether the list shows archived papers too (kept while the tab is open). */
let showArchived = false;

export async function showPapers(ctx: Ctx): Promise<void> {
  const list = h('div', { 'aria-busy': 'true' }, h('p', {}, t('common.loading')));
  const archived = checkbox('archived', t('papers.showArchived'), showArchived);
  archived.input.addEventListener('change', () => {
    showArchived = archived.input.checked;
    void loadList();
  });
  const title = field({ name: 'title', label: t('papers.newTitle'), required: true, dir: 'auto', maxlength: 300 });
  const subtitle = field({ name: 'subtitle', label: t('papers.newSubtitle'), dir: 'auto' });
  const language = field({
    name: 'language',
    label: t('papers.newLanguage'),
    value: ctx.locale,
    hint: t('papers.languageHint'),
    required: true,
  });
  const create = form(t('papers.create'), [title, subtitle, language], t('papers.create'), async (alertBox) => {
    const body: Record<string, string> = { title: title.input.value, language: language.input.value };
    if (subtitle.input.value.trim() !== '') body['subtitle'] = subtitle.input.value;
    const answer = await ctx.api.post<Paper>('/api/papers', body);
    if (!answer.ok) {
      showFormFailure(alertBox, [title, subtitle, language], answer.failure);
      return;
    }
    forgetRoles();
    ctx.announce(t('papers.created', { title: answer.value.title }));
    ctx.go({ name: 'paper', paperId: answer.value.id });
  });
  const root = ctx.mount(
    'papers',
    t('papers.title'),
    archived.wrap,
    list,
    h('details', { class: 'create' }, h('summary', {}, t('papers.create')), create),
    importPanel(ctx, { kind: 'new', language: ctx.locale }, async () => forgetRoles()),
  );
  let failed: HTMLElement | null = null;
  const loadList = async (): Promise<void> => {
    list.setAttribute('aria-busy', 'true');
    const answer = await ctx.api.get<Page<Paper>>(`/api/papers?page=0&size=100${showArchived ? '&archived=true' : ''}`);
    list.removeAttribute('aria-busy');
    failed?.remove();
    if (!answer.ok) {
      list.replaceChildren();
      failed = h('div');
      root.append(failed);
      loadFailed(ctx, failed, answer.failure);
      return;
    }
    const page = answer.value;
    if (page.items.length === 0) {
      list.replaceChildren(h('p', { class: 'empty' }, t('papers.empty')));
      return;
    }
    list.replaceChildren(
      h('p', {}, t('papers.count', { n: page.total })),
      h(
        'ul',
        { class: 'cards', 'aria-label': t('papers.title') },
        ...page.items.map((p) =>
          h(
            'li',
            { class: 'card' },
            h('h2', { class: 'card-title', lang: p.language, dir: 'auto' }, link(p.title, { name: 'paper', paperId: p.id })),
            p.subtitle !== null ? h('p', { class: 'muted', dir: 'auto', lang: p.language }, p.subtitle) : null,
            h(
              'p',
              { class: 'meta' },
              statusBadge(p.status),
              ' ',
              p.archived ? h('span', { class: 'badge badge-archived' }, t('archive.badge')) : null,
              p.archived ? ' ' : null,
              t('papers.updated', { when: formatDateTime(p.updatedAt, ctx.locale) }),
            ),
          ),
        ),
      ),
    );
  };
  await loadList();
}
