/** A section's history: the timeline, a word diff between any two revisions, restore. */
import { link, loadFailed, type Ctx } from '../app';
import { h } from '../dom';
import { formatDateTime } from '../format';
import { t } from '../strings';
import type { Content, DiffView, Page, RevisionSummary, Section } from '../types';
import { button, crumbs, failureBox, renderDiff } from '../ui';
import { sectionTitle } from './paper';

export async function showHistory(ctx: Ctx, paperId: number, sectionId: number): Promise<void> {
  const root = ctx.mount('history', t('history.title'));
  const base = `/api/papers/${paperId}/sections/${sectionId}`;
  const [sectionA, revisionsA] = await Promise.all([
    ctx.api.get<Section>(base),
    ctx.api.get<Page<RevisionSummary>>(`${base}/revisions?page=0&size=100`),
  ]);
  if (!sectionA.ok || !revisionsA.ok) {
    const failure = !sectionA.ok ? sectionA.failure : revisionsA.ok ? null : revisionsA.failure;
    if (failure !== null) loadFailed(ctx, root, failure);
    return;
  }
  const section = sectionA.value;
  const revisions = revisionsA.value.items;
  const h1 = root.querySelector('h1');
  if (h1 !== null) h1.textContent = t('history.of', { heading: sectionTitle(section) });
  const diffBox = h('div', { class: 'diff-box', 'aria-live': 'polite' });
  const alertBox = h('div', { class: 'form-alert' });
  const newest = revisions[0]?.number ?? 1;
  let from = revisions[1]?.number ?? newest;
  let to = newest;

  const compare = async (): Promise<void> => {
    diffBox.replaceChildren(h('p', {}, t('common.loading')));
    const [a, b] = from <= to ? [from, to] : [to, from];
    const answer = await ctx.api.get<DiffView>(`${base}/diff?from=${a}&to=${b}`);
    if (!answer.ok) {
      diffBox.replaceChildren(failureBox(answer.failure));
      return;
    }
    const d = answer.value;
    diffBox.replaceChildren(
      h('h2', {}, t('history.comparing', { from: a, to: b })),
      h('p', {}, d.identical ? t('history.identical') : t('history.stats', { added: d.stats.wordsInserted, removed: d.stats.wordsDeleted })),
      renderDiff(d.paragraphs),
    );
  };

  const restore = async (n: number): Promise<void> => {
    const answer = await ctx.api.post<Content>(`${base}/revisions/${n}/restore`, undefined, section.etag);
    if (!answer.ok) {
      alertBox.replaceChildren(failureBox(answer.failure));
      return;
    }
    ctx.announce(t('history.restored', { n, now: answer.value.revision }));
    ctx.refresh();
  };

  const radio = (group: 'from' | 'to', n: number): HTMLElement => {
    const id = `${group}-${n}`;
    const input = h('input', { type: 'radio', name: group, id, value: String(n), checked: (group === 'from' ? from : to) === n });
    input.addEventListener('change', () => {
      if (group === 'from') from = n;
      else to = n;
    });
    return h('span', { class: 'radio' }, input, h('label', { for: id }, group === 'from' ? t('history.from') : t('history.to')));
  };

  const table = h(
    'table',
    { class: 'table timeline' },
    h('caption', {}, t('history.timeline')),
    h(
      'thead',
      {},
      h('tr', {}, h('th', { scope: 'col' }, t('history.revision')), h('th', { scope: 'col' }, t('history.who')), h('th', { scope: 'col' }, t('history.compare')), h('th', { scope: 'col' }, t('common.actions'))),
    ),
    h(
      'tbody',
      {},
      ...revisions.map((r) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, t('history.rev', { n: r.number }), h('br'), h('span', { class: 'muted' }, formatDateTime(r.createdAt, ctx.locale))),
          h(
            'td',
            { dir: 'auto' },
            r.author?.displayName ?? t('common.someone'),
            r.summary !== null && r.summary !== '' ? h('span', { class: 'muted' }, ` — ${r.summary}`) : null,
            r.restoredFrom !== null ? h('span', { class: 'muted' }, ` ${t('history.restoredFrom', { n: r.restoredFrom })}`) : null,
          ),
          h('td', { role: 'group', 'aria-label': t('history.rev', { n: r.number }) }, radio('from', r.number), ' ', radio('to', r.number)),
          h(
            'td',
            {},
            r.number === section.currentRevision
              ? h('span', { class: 'muted' }, t('history.current'))
              : button(t('history.restore'), () => void restore(r.number), { 'aria-label': t('history.restoreLabel', { n: r.number }) }),
          ),
        ),
      ),
    ),
  );
  root.append(
    crumbs([t('paper.back'), `#/papers/${paperId}`], [section.heading, `#/papers/${paperId}/sections/${sectionId}`]),
    h('p', {}, link(t('history.backToEditor'), { name: 'section', paperId, sectionId })),
    alertBox,
    h('div', { class: 'table-wrap' }, table),
    h('p', { class: 'actions' }, button(t('history.compareButton'), () => void compare(), { class: 'primary' })),
    diffBox,
  );
  if (revisions.length > 1) void compare();
}
