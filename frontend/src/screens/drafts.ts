/** Drafts: the list (all, mine), one draft's review (diff against base or current), merge, reject. */
import { link, loadFailed, type Ctx } from '../app';
import { append, h } from '../dom';
import { formatDateTime } from '../format';
import { resolutions, type Take } from '../merge';
import { comparableDrafts } from '../moderation';
import { canEdit, roleIn } from '../roles';
import { t } from '../strings';
import type { Draft, DraftStatus, DiffView, MergePreview, Section } from '../types';
import { button, crumbs, failureBox, field, form, renderDiff, showFormFailure, uid } from '../ui';
import { paperNav, sectionTitle } from './paper';

export function draftStatusLabel(status: DraftStatus): string {
  return t(`draftStatus.${status}`);
}

export async function showDrafts(ctx: Ctx, paperId: number): Promise<void> {
  const root = ctx.mount('drafts', t('drafts.title'));
  append(root, paperNav(paperId, 'drafts'));
  const [draftsA, sectionsA] = await Promise.all([
    ctx.api.get<Draft[]>(`/api/papers/${paperId}/drafts`),
    ctx.api.get<Section[]>(`/api/papers/${paperId}/sections`),
  ]);
  if (!draftsA.ok) {
    loadFailed(ctx, root, draftsA.failure);
    return;
  }
  const headings = new Map((sectionsA.ok ? sectionsA.value : []).map((s) => [s.id, sectionTitle(s)]));
  const meId = ctx.me()?.id;
  const mineOnly = h('input', { type: 'checkbox', id: 'mine-only' });
  const listBox = h('div');
  const render = (): void => {
    const drafts = draftsA.value.filter((d) => !mineOnly.checked || d.author.id === meId);
    listBox.replaceChildren(
      drafts.length === 0
        ? h('p', { class: 'empty' }, t('drafts.none'))
        : h(
            'ul',
            { class: 'cards' },
            ...drafts.map((d) =>
              h(
                'li',
                { class: 'card' },
                h('h2', { class: 'card-title', dir: 'auto' }, link(t('drafts.name', { id: d.id, heading: headings.get(d.sectionId) ?? '' }), { name: 'draft', paperId, draftId: d.id })),
                h(
                  'p',
                  { class: 'meta' },
                  h('span', { class: `status draft-${d.status.toLowerCase()}` }, draftStatusLabel(d.status)),
                  d.outdated ? h('span', { class: 'badge-outdated' }, ` ${t('drafts.outdated')}`) : null,
                  ' ',
                  t('drafts.by', { name: d.author.displayName, when: formatDateTime(d.updatedAt, ctx.locale) }),
                ),
                d.rationale !== null ? h('p', { dir: 'auto' }, d.rationale) : null,
              ),
            ),
          ),
    );
  };
  mineOnly.addEventListener('change', render);
  render();
  append(root, 
    h('p', { class: 'hint' }, t('drafts.howTo')),
    h('div', { class: 'check' }, mineOnly, h('label', { for: 'mine-only' }, t('drafts.mine'))),
    listBox,
  );
}

export async function showDraft(ctx: Ctx, paperId: number, draftId: number): Promise<void> {
  const root = ctx.mount('draft', t('drafts.draft', { id: draftId }));
  const base = `/api/papers/${paperId}/drafts/${draftId}`;
  const draftA = await ctx.api.get<Draft>(base);
  if (!draftA.ok) {
    loadFailed(ctx, root, draftA.failure);
    return;
  }
  const draft = draftA.value;
  const [sectionA, paperA] = await Promise.all([
    ctx.api.get<Section>(`/api/papers/${paperId}/sections/${draft.sectionId}`),
    ctx.api.get<{ id: number; role?: unknown }>(`/api/papers/${paperId}`),
  ]);
  const editor = paperA.ok && canEdit(await roleIn(ctx.api, ctx.me(), paperA.value));
  const heading = sectionA.ok ? sectionTitle(sectionA.value) : '';
  const h1 = root.querySelector('h1');
  if (h1 !== null) h1.textContent = t('drafts.name', { id: draft.id, heading });
  const alertBox = h('div', { class: 'form-alert' });
  const diffBox = h('div', { class: 'diff-box' });
  const mergeBox = h('div');
  const mine = draft.author.id === ctx.me()?.id;
  const open = draft.status === 'OPEN' || draft.status === 'DRAFT';

  const showDiff = async (against: 'base' | 'current'): Promise<void> => {
    diffBox.replaceChildren(h('p', {}, t('common.loading')));
    const answer = await ctx.api.get<DiffView>(`${base}/diff?against=${against}`);
    if (!answer.ok) {
      diffBox.replaceChildren(failureBox(answer.failure));
      return;
    }
    diffBox.replaceChildren(
      h('h3', {}, against === 'base' ? t('drafts.vsBase', { n: draft.baseRevision }) : t('drafts.vsCurrent')),
      h('p', {}, answer.value.identical ? t('history.identical') : t('history.stats', { added: answer.value.stats.wordsInserted, removed: answer.value.stats.wordsDeleted })),
      renderDiff(answer.value.paragraphs),
    );
  };

  const simple = async (path: string, message: string, body?: unknown): Promise<void> => {
    const answer = await ctx.api.post(`${base}/${path}`, body);
    if (!answer.ok) {
      alertBox.replaceChildren(failureBox(answer.failure));
      return;
    }
    ctx.announce(message);
    ctx.refresh();
  };

  const loadMerge = async (): Promise<void> => {
    mergeBox.replaceChildren(h('p', {}, t('common.loading')));
    const answer = await ctx.api.get<MergePreview>(`${base}/merge-preview`);
    if (!answer.ok) {
      mergeBox.replaceChildren(failureBox(answer.failure));
      return;
    }
    mergeBox.replaceChildren(mergeView(ctx, base, answer.value, () => {
      ctx.announce(t('drafts.merged'));
      ctx.refresh();
    }));
  };

  const reason = field({ name: 'reason', label: t('drafts.rejectReason'), multiline: true, rows: 2, required: true, dir: 'auto' });
  const rejectForm = form(t('drafts.reject'), [reason], t('drafts.reject'), async (box) => {
    const answer = await ctx.api.post(`${base}/reject`, { reason: reason.input.value });
    if (!answer.ok) {
      showFormFailure(box, [reason], answer.failure);
      return;
    }
    ctx.announce(t('drafts.rejected'));
    ctx.refresh();
  });

  append(root, 
    crumbs([t('paper.back'), `#/papers/${paperId}`], [t('nav.drafts'), `#/papers/${paperId}/drafts`]),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, t('drafts.status')),
      h('dd', {}, draftStatusLabel(draft.status), draft.outdated ? ` (${t('drafts.outdated')})` : ''),
      h('dt', {}, t('drafts.author')),
      h('dd', { dir: 'auto' }, draft.author.displayName),
      h('dt', {}, t('drafts.section')),
      h('dd', { dir: 'auto' }, h('a', { href: `#/papers/${paperId}/sections/${draft.sectionId}` }, heading)),
      h('dt', {}, t('drafts.base')),
      h('dd', {}, t('history.rev', { n: draft.baseRevision }), ' · ', t('drafts.currentIs', { n: draft.sectionRevision })),
      draft.rationale !== null ? h('dt', {}, t('drafts.rationale')) : null,
      draft.rationale !== null ? h('dd', { dir: 'auto' }, draft.rationale) : null,
      draft.decisionReason !== null ? h('dt', {}, t('drafts.reason')) : null,
      draft.decisionReason !== null ? h('dd', { dir: 'auto' }, draft.decisionReason) : null,
    ),
    alertBox,
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'review-h' },
      h('h2', { id: 'review-h' }, t('drafts.review')),
      h('p', { class: 'actions' }, button(t('drafts.diffBase'), () => void showDiff('base')), ' ', button(t('drafts.diffCurrent'), () => void showDiff('current'))),
      diffBox,
      h('details', {}, h('summary', {}, t('drafts.fullText')), h('pre', { class: 'source', dir: 'auto' }, draft.body)),
    ),
    comparePanel(ctx, paperId, draft),
    open
      ? h(
          'section',
          { class: 'panel', 'aria-labelledby': 'decide-h' },
          h('h2', { id: 'decide-h' }, t('drafts.decide')),
          h(
            'p',
            { class: 'actions' },
            mine && draft.status === 'DRAFT' ? button(t('drafts.submit'), () => void simple('submit', t('drafts.submitted'))) : null,
            mine ? button(t('drafts.withdraw'), () => void simple('withdraw', t('drafts.withdrawn')), { class: 'danger' }) : null,
            mine && draft.outdated ? button(t('drafts.rebase'), () => void simple('rebase', t('drafts.rebased'), { resolutions: [] })) : null,
            editor && draft.status === 'OPEN' ? button(t('drafts.prepareMerge'), () => void loadMerge(), { class: 'primary' }) : null,
          ),
          mergeBox,
          editor && draft.status === 'OPEN' ? h('details', { class: 'create' }, h('summary', {}, t('drafts.reject')), rejectForm) : null,
        )
      : null,
  );
  void showDiff(draft.outdated ? 'current' : 'base');
}

/** The merge preview: agreed text, and for each conflict a choice of ours, theirs, both or an edit. */
function mergeView(ctx: Ctx, base: string, preview: MergePreview, done: () => void): HTMLElement {
  const choices = new Map<number, { take: Take; text?: string }>();
  const alertBox = h('div', { class: 'form-alert' });
  const parts = preview.regions.map((r) => {
    if (r.conflict === null) return h('div', { class: 'agreed', dir: 'auto' }, h('pre', { class: 'source' }, r.text ?? ''));
    const n = r.conflict;
    const name = uid('region');
    const edit = h('textarea', { rows: '4', dir: 'auto', hidden: true, 'aria-label': t('merge.editLabel', { n: n + 1 }) });
    edit.value = r.theirs ?? '';
    edit.addEventListener('input', () => choices.set(n, { take: 'TEXT', text: edit.value }));
    const options: [Take, string][] = [
      ['OURS', t('merge.ours')],
      ['THEIRS', t('merge.theirs')],
      ['BOTH', t('merge.both')],
      ['TEXT', t('merge.edit')],
    ];
    return h(
      'fieldset',
      { class: 'conflict', 'data-conflict': String(n) },
      h('legend', {}, t('merge.conflict', { n: n + 1, total: preview.conflicts })),
      h(
        'div',
        { class: 'sides' },
        h('div', {}, h('p', { class: 'side-label' }, t('merge.oursText')), h('pre', { class: 'side theirs source', dir: 'auto' }, r.ours ?? '')),
        h('div', {}, h('p', { class: 'side-label' }, t('merge.theirsText')), h('pre', { class: 'side mine source', dir: 'auto' }, r.theirs ?? '')),
      ),
      h(
        'div',
        { class: 'radios' },
        ...options.map(([take, label]) => {
          const id = uid('take');
          const input = h('input', { type: 'radio', name, id, value: take });
          input.addEventListener('change', () => {
            edit.hidden = take !== 'TEXT';
            choices.set(n, take === 'TEXT' ? { take, text: edit.value } : { take });
          });
          return h('span', { class: 'radio' }, input, h('label', { for: id }, label));
        }),
      ),
      edit,
    );
  });
  const merge = async (): Promise<void> => {
    const result = resolutions(preview.regions, choices);
    if (result.missing.length > 0) {
      alertBox.replaceChildren(h('p', { class: 'error', role: 'alert' }, t('conflict.missing', { list: result.missing.map((i) => i + 1).join(', ') })));
      return;
    }
    const answer = await ctx.api.post(`${base}/merge`, { resolutions: result.resolutions }, preview.currentEtag);
    if (!answer.ok) {
      alertBox.replaceChildren(failureBox(answer.failure));
      return;
    }
    done();
  };
  return h(
    'div',
    { class: 'merge', 'data-panel': 'merge' },
    h('h3', {}, preview.clean ? t('merge.clean') : t('merge.conflicts', { n: preview.conflicts })),
    ...parts,
    alertBox,
    h('p', { class: 'actions' }, button(t('drafts.merge'), () => void merge(), { class: 'primary' })),
  );
}

/** Compare this draft with another draft of the same section (server word diff from this one). */
function comparePanel(ctx: Ctx, paperId: number, draft: Draft): HTMLElement {
  const body = h('div', {}, h('p', {}, t('common.loading')));
  const result = h('div', { class: 'diff-box', 'aria-live': 'polite' });
  const load = async (): Promise<void> => {
    const answer = await ctx.api.get<Draft[]>(`/api/papers/${paperId}/drafts`);
    if (!answer.ok) {
      body.replaceChildren(failureBox(answer.failure));
      return;
    }
    const others = comparableDrafts(answer.value, draft);
    if (others.length === 0) {
      body.replaceChildren(h('p', { class: 'empty' }, t('compare.none')));
      return;
    }
    const other = field({
      name: 'otherId',
      label: t('compare.with'),
      options: others.map((d) => [String(d.id), t('compare.option', { id: d.id, name: d.author.displayName, status: draftStatusLabel(d.status) })] as const),
    });
    body.replaceChildren(
      form(t('compare.title'), [other], t('compare.submit'), async (box) => {
        const otherId = other.input.value;
        const diff = await ctx.api.get<DiffView>(`/api/papers/${paperId}/drafts/${draft.id}/compare/${otherId}`);
        if (!diff.ok) {
          result.replaceChildren();
          showFormFailure(box, [other], diff.failure);
          return;
        }
        showFormFailure(box, [other], null);
        const v = diff.value;
        result.replaceChildren(
          h('h3', {}, t('compare.stats', { a: draft.id, b: otherId, ins: v.stats.wordsInserted, del: v.stats.wordsDeleted })),
          v.identical ? h('p', {}, t('compare.identical')) : renderDiff(v.paragraphs),
        );
      }),
    );
  };
  void load();
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'compare-h', 'data-panel': 'compare' },
    h('h2', { id: 'compare-h' }, t('compare.title')),
    body,
    result,
  );
}
