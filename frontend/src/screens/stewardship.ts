/**
 * Panels of the paper page for finding and looking after: search (everyone), the flagged-comments
 * queue (editors), archiving and the audit log (owners).
 */
import type { Ctx } from '../app';
import { link } from '../app';
import { auditQuery, pageCount, pageRange, payloadLines } from '../audit';
import { h, replace } from '../dom';
import { formatDateTime } from '../format';
import { parseSnippet } from '../snippet';
import { t } from '../strings';
import type { AuditEntry, CommentView, Page, Paper, SearchResults, Section, Thread } from '../types';
import { button, failureBox, field, form, showFormFailure } from '../ui';

/** A snippet from the server as text and mark elements (never parsed as HTML). */
export function renderSnippet(html: string): HTMLElement {
  return h('p', { class: 'snippet', dir: 'auto' }, ...parseSnippet(html).map((run) => (run.mark ? h('mark', {}, run.text) : run.text)));
}

export function searchPanel(ctx: Ctx, paper: Paper): HTMLElement {
  const q = field({ name: 'q', label: t('search.label'), type: 'search', hint: t('search.hint'), dir: 'auto', maxlength: 500 });
  const results = h('div', { class: 'search-results', 'aria-live': 'polite' });
  const f = form(t('search.title'), [q], t('search.submit'), async (box) => {
    const answer = await ctx.api.get<SearchResults>(`/api/papers/${paper.id}/search?q=${encodeURIComponent(q.input.value)}`);
    if (!answer.ok) {
      results.replaceChildren();
      showFormFailure(box, [q], answer.failure);
      return;
    }
    showFormFailure(box, [q], null);
    const { hits, query } = answer.value;
    const count = hits.length === 0 ? t('search.none', { q: query }) : hits.length === 1 ? t('search.one', { q: query }) : t('search.many', { n: hits.length, q: query });
    replace(results,
      h('p', { role: 'status' }, count),
      hits.length === 0
        ? null
        : h(
            'ol',
            { class: 'plain hits' },
            ...hits.map((hit) =>
              h(
                'li',
                { class: 'hit' },
                h('h3', { class: 'hit-title', lang: paper.language, dir: 'auto' }, link(hit.heading, { name: 'section', paperId: paper.id, sectionId: hit.sectionId })),
                h('div', { lang: paper.language }, renderSnippet(hit.snippetHtml)),
                h('p', { class: 'meta' }, t('search.revision', { n: hit.revision })),
              ),
            ),
          ),
    );
  });
  f.setAttribute('role', 'search');
  return h('section', { class: 'panel', 'aria-labelledby': 'search-h', 'data-panel': 'search' }, h('h2', { id: 'search-h' }, t('search.title')), f, results);
}

/** The comments of a thread that are flagged and not hidden yet. */
function flaggedIn(th: Thread): CommentView[] {
  return [th.comment, ...th.replies].filter((c) => (c.flags ?? 0) > 0 && !c.hidden && !c.deleted);
}

export function flaggedPanel(ctx: Ctx, paperId: number, sections: () => readonly Section[]): { element: HTMLElement; refresh: () => void } {
  const list = h('div', { 'aria-busy': 'true' });
  const alertBox = h('div', { class: 'form-alert' });
  const base = `/api/papers/${paperId}`;
  const load = async (): Promise<void> => {
    const answer = await ctx.api.get<Thread[]>(`${base}/comments/flagged`);
    list.removeAttribute('aria-busy');
    if (!answer.ok) {
      list.replaceChildren(failureBox(answer.failure));
      return;
    }
    const items = answer.value.flatMap((th) => flaggedIn(th).map((c) => ({ th, c })));
    list.replaceChildren(
      items.length === 0
        ? h('p', { class: 'empty' }, t('mod.queueEmpty'))
        : h('ul', { class: 'plain queue' }, ...items.map(({ th, c }) => renderItem(th, c))),
    );
  };
  const renderItem = (th: Thread, c: CommentView): HTMLElement => {
    const name = c.author.displayName;
    const section = sections().find((s) => s.id === th.sectionId);
    const reason = field({ name: 'reason', label: t('mod.hideReason'), multiline: true, rows: 2, dir: 'auto', required: true, maxlength: 2000 });
    const hide = form(t('mod.hideLabel', { name }), [reason], t('mod.hideSend'), async (box) => {
      const answer = await ctx.api.post(`${base}/comments/${c.id}/hide`, { reason: reason.input.value });
      if (!answer.ok) {
        showFormFailure(box, [reason], answer.failure);
        return;
      }
      ctx.announce(t('mod.hiddenNow'));
      await load();
      list.querySelector<HTMLElement>('li button, p')?.focus();
    });
    return h(
      'li',
      { class: 'card', 'data-comment-id': String(c.id) },
      h('article', { 'aria-label': t('mod.by', { name, when: formatDateTime(c.createdAt, ctx.locale) }) },
        h('p', { class: 'meta' }, t('mod.by', { name, when: formatDateTime(c.createdAt, ctx.locale) }), ' · ', h('strong', {}, t('mod.flagCount', { n: c.flags ?? 0 }))),
        h('p', { dir: 'auto', class: 'comment-body' }, c.body ?? ''),
        h('p', {}, link(t('mod.openSection', { section: section?.heading ?? `#${th.sectionId}` }), { name: 'section', paperId, sectionId: th.sectionId })),
        h('details', {}, h('summary', {}, t('mod.hideLabel', { name })), hide),
      ),
    );
  };
  void load();
  const element = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'flagged-h', 'data-panel': 'flagged' },
    h('h2', { id: 'flagged-h' }, t('mod.queueTitle')),
    h('p', { class: 'hint' }, t('mod.queueHint')),
    alertBox,
    list,
  );
  return { element, refresh: () => void load() };
}

export function archivePanel(ctx: Ctx, paper: Paper): HTMLElement {
  const alertBox = h('div', { class: 'form-alert' });
  const toggle = async (): Promise<void> => {
    const path = `/api/papers/${paper.id}/archive`;
    const answer = paper.archived ? await ctx.api.del<Paper>(path) : await ctx.api.post<Paper>(path);
    if (!answer.ok) {
      alertBox.replaceChildren(failureBox(answer.failure));
      return;
    }
    ctx.announce(answer.value.archived ? t('archive.archivedNow') : t('archive.unarchivedNow'));
    ctx.refresh();
  };
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'archive-h', 'data-panel': 'archive' },
    h('h2', { id: 'archive-h' }, t('archive.title')),
    h('p', {}, t('archive.intro')),
    alertBox,
    button(paper.archived ? t('archive.unarchive') : t('archive.archive'), () => void toggle(), { class: paper.archived ? 'primary' : 'danger' }),
  );
}

const AUDIT_PAGE_SIZE = 20;

export function auditPanel(ctx: Ctx, paperId: number): HTMLElement {
  const type = field({ name: 'type', label: t('audit.type'), hint: t('audit.typeHint'), maxlength: 100 });
  const body = h('div', { class: 'audit-body' });
  let page = 0;
  let alert: HTMLElement | null = null;
  const load = async (focus: 'table' | null): Promise<void> => {
    const answer = await ctx.api.get<Page<AuditEntry>>(`/api/papers/${paperId}/audit?${auditQuery(page, AUDIT_PAGE_SIZE, type.input.value)}`);
    if (!answer.ok) {
      if (alert !== null) showFormFailure(alert, [type], answer.failure);
      return;
    }
    if (alert !== null) showFormFailure(alert, [type], null);
    render(answer.value);
    if (focus !== null) body.querySelector<HTMLElement>('.audit-range')?.focus();
  };
  const render = (p: Page<AuditEntry>): void => {
    const pages = pageCount(p.total, AUDIT_PAGE_SIZE);
    const range = pageRange(page, AUDIT_PAGE_SIZE, p.items.length, p.total);
    if (range === null) {
      body.replaceChildren(h('p', { class: 'empty', tabindex: '-1' }, t('audit.empty')));
      return;
    }
    const nav = h(
      'nav',
      { class: 'pager', 'aria-label': t('audit.pages') },
      button(t('audit.newer'), () => {
        page -= 1;
        void load('table');
      }, { disabled: page === 0 }),
      h('span', {}, t('audit.page', { n: page + 1, total: pages })),
      button(t('audit.older'), () => {
        page += 1;
        void load('table');
      }, { disabled: page + 1 >= pages }),
    );
    body.replaceChildren(
      h('p', { class: 'audit-range', tabindex: '-1' }, t('audit.range', { first: range[0], last: range[1], total: p.total })),
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          { class: 'table audit' },
          h('caption', { class: 'visually-hidden' }, t('audit.title')),
          h('thead', {}, h('tr', {}, ...[t('audit.when'), t('audit.who'), t('audit.what'), t('audit.details')].map((c) => h('th', { scope: 'col' }, c)))),
          h(
            'tbody',
            {},
            ...p.items.map((e) =>
              h(
                'tr',
                {},
                h('td', {}, formatDateTime(e.at, ctx.locale)),
                h('td', { dir: 'auto' }, e.actor?.displayName ?? t('audit.system')),
                h('td', {}, h('code', {}, e.type), e.objectType !== null ? h('span', { class: 'muted' }, ` ${e.objectType}${e.objectId !== null ? ` ${e.objectId}` : ''}`) : null),
                h(
                  'td',
                  {},
                  h('dl', { class: 'payload' }, ...payloadLines(e.payload).flatMap(([k, v]) => [h('dt', {}, k), h('dd', { dir: 'auto' }, v)])),
                ),
              ),
            ),
          ),
        ),
      ),
      nav,
    );
  };
  const filter = form(t('audit.title'), [type], t('audit.filter'), async (box) => {
    alert = box;
    page = 0;
    await load('table');
  });
  alert = filter.querySelector<HTMLElement>('.form-alert');
  const details = h('details', { class: 'audit-details' }, h('summary', {}, t('audit.open')), h('p', { class: 'hint' }, t('audit.intro')), filter, body);
  let opened = false;
  details.addEventListener('toggle', () => {
    if (details.open && !opened) {
      opened = true;
      void load(null);
    }
  });
  return h('section', { class: 'panel', 'aria-labelledby': 'audit-h', 'data-panel': 'audit' }, h('h2', { id: 'audit-h' }, t('audit.title')), details);
}
