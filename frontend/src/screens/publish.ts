/** Publishing: compile with a progress bar, editions with their files and changelog, share links, PDF preview. */
import { loadFailed, type Ctx } from '../app';
import { append, h } from '../dom';
import { formatBytes, formatDateTime, formatPercent } from '../format';
import { canEdit, canManage, roleIn } from '../roles';
import { t } from '../strings';
import { JOB_STATES, type Changelog, type Edition, type Job, type JobState, type ShareLink } from '../types';
import { button, failureBox, field, form, saveBlob, showFormFailure } from '../ui';
import { paperNav } from './paper';

const POLL_MS = 1_000;

/** "WHITE_PAPER_PDF" or "white-paper-pdf" → "white-paper-pdf" (the form used in URLs). */
export function formatSlug(format: string): string {
  return format.toLowerCase().replace(/_/g, '-');
}

export function formatLabel(format: string): string {
  const slug = formatSlug(format);
  const known = ['white-paper-pdf', 'submission-pdf', 'html', 'docx', 'markdown'];
  return known.includes(slug) ? t(`format.${slug}` as 'format.html') : format;
}

export async function showPublish(ctx: Ctx, paperId: number): Promise<void> {
  const root = ctx.mount('publish', t('publish.title'));
  append(root, paperNav(paperId, 'publish'));
  const base = `/api/papers/${paperId}`;
  const paperA = await ctx.api.get<{ id: number; role?: unknown }>(base);
  const role = paperA.ok ? await roleIn(ctx.api, ctx.me(), paperA.value) : null;
  const isOwner = canManage(role);
  const [editionsA, linksA] = await Promise.all([
    ctx.api.get<Edition[]>(`${base}/editions`),
    isOwner ? ctx.api.get<ShareLink[]>(`${base}/share-links`) : Promise.resolve(null),
  ]);
  if (!editionsA.ok) {
    loadFailed(ctx, root, editionsA.failure);
    return;
  }
  const editions = [...editionsA.value].sort((a, b) => b.number - a.number);
  const alertBox = h('div', { class: 'form-alert' });
  const progress = h('progress', { max: '100', value: '0', id: 'compile-progress' });
  const progressText = h('p', { role: 'status', 'aria-live': 'polite' });
  const progressBox = h('div', { class: 'progress-box', hidden: true }, h('label', { for: 'compile-progress' }, t('publish.progress')), progress, progressText);
  const previewBox = h('div', { class: 'pdf-preview' });
  let timer: ReturnType<typeof setTimeout> | null = null;
  ctx.onLeave(() => {
    if (timer !== null) clearTimeout(timer);
  });

  const follow = async (jobId: number): Promise<void> => {
    const answer = await ctx.api.get<Job>(`${base}/compile-jobs/${jobId}`);
    if (!answer.ok) {
      alertBox.replaceChildren(failureBox(answer.failure));
      return;
    }
    const job = answer.value;
    progress.value = job.percent;
    progressText.textContent = t('publish.state', { state: jobState(job.state), stage: job.stage ?? '', percent: formatPercent(job.percent, ctx.locale) });
    if (job.state === 'DONE') {
      ctx.announce(t('publish.done', { n: job.edition ?? 0 }));
      ctx.refresh();
    } else if (job.state === 'FAILED') {
      alertBox.replaceChildren(h('div', { class: 'error', role: 'alert' }, h('p', {}, t('publish.failed')), h('p', { dir: 'auto' }, job.error ?? '')));
    } else {
      timer = setTimeout(() => void follow(jobId), POLL_MS);
    }
  };

  const compile = async (): Promise<void> => {
    alertBox.replaceChildren();
    const answer = await ctx.api.post<Job>(`${base}/editions`);
    if (!answer.ok) {
      alertBox.replaceChildren(failureBox(answer.failure));
      return;
    }
    progressBox.hidden = false;
    ctx.announce(t('publish.started'));
    await follow(answer.value.id);
  };

  const download = async (edition: Edition, format: string, filename: string): Promise<void> => {
    const answer = await ctx.api.blob(`${base}/editions/${edition.number}/files/${formatSlug(format)}`);
    if (!answer.ok) {
      alertBox.replaceChildren(failureBox(answer.failure));
      return;
    }
    saveBlob(answer.value, filename);
  };

  const reviewCopy = async (): Promise<void> => {
    alertBox.replaceChildren();
    const answer = await ctx.api.blob(`${base}/review-copy`);
    if (!answer.ok) {
      alertBox.replaceChildren(failureBox(answer.failure));
      return;
    }
    saveBlob(answer.value, `paper-${paperId}-for-review.docx`);
    ctx.announce(t('publish.reviewSaved'));
  };

  const previewPdf = async (edition: Edition): Promise<void> => {
    previewBox.replaceChildren(h('p', {}, t('common.loading')));
    const answer = await ctx.api.blob(`${base}/editions/${edition.number}/files/white-paper-pdf`);
    if (!answer.ok) {
      previewBox.replaceChildren(failureBox(answer.failure));
      return;
    }
    const url = URL.createObjectURL(new Blob([answer.value], { type: 'application/pdf' }));
    ctx.onLeave(() => URL.revokeObjectURL(url));
    previewBox.replaceChildren(
      h('h2', {}, t('publish.previewOf', { n: edition.number })),
      h('iframe', { src: url, title: t('publish.previewOf', { n: edition.number }), class: 'pdf-frame' }),
      h('p', {}, h('a', { href: url, target: '_blank', rel: 'noopener' }, t('publish.openPdf'))),
    );
  };

  const changelog = async (edition: Edition, box: HTMLElement): Promise<void> => {
    const answer = await ctx.api.get<Changelog>(`${base}/editions/${edition.number}/changes?from=${edition.number - 1}`);
    if (!answer.ok) {
      box.replaceChildren(failureBox(answer.failure));
      return;
    }
    const c = answer.value;
    box.replaceChildren(
      h('p', {}, t('publish.changes', { added: c.sectionsAdded, removed: c.sectionsRemoved, changed: c.sectionsChanged, wordsAdded: c.wordsAdded, wordsRemoved: c.wordsRemoved })),
      h(
        'ul',
        {},
        ...c.sections.map((s) => h('li', { dir: 'auto' }, `${s.heading}: ${t(`change.${s.change}` as 'change.ADDED')} (+${s.wordsAdded} / −${s.wordsRemoved})`)),
      ),
    );
  };

  const shareForm = (edition: Edition): HTMLElement => {
    const label = field({ name: 'label', label: t('share.label'), dir: 'auto' });
    const expires = field({ name: 'expiresAt', label: t('share.expires'), type: 'date' });
    const result = h('div', { 'aria-live': 'polite' });
    const f = form(t('share.create'), [label, expires], t('share.create'), async (box) => {
      const body: Record<string, string> = {};
      if (label.input.value !== '') body['label'] = label.input.value;
      if (expires.input.value !== '') body['expiresAt'] = new Date(`${expires.input.value}T23:59:59`).toISOString();
      const answer = await ctx.api.post<ShareLink>(`${base}/editions/${edition.number}/share-links`, body);
      if (!answer.ok) {
        showFormFailure(box, [label, expires], answer.failure);
        return;
      }
      const url = answer.value.url ?? '';
      const id = `share-url-${edition.number}`;
      result.replaceChildren(h('p', { class: 'notice' }, t('share.once')), h('label', { for: id }, t('share.url')), h('input', { id, readonly: true, value: url, class: 'wide' }));
    });
    return h('details', { class: 'create' }, h('summary', {}, t('share.createFor', { n: edition.number })), f, result);
  };

  const editionItem = (e: Edition): HTMLElement => {
    const changes = h('div');
    return h(
      'li',
      { class: 'card', 'data-edition': String(e.number) },
      h('h3', {}, t('publish.edition', { n: e.number }), ' ', h('span', { class: 'status' }, e.status === 'PUBLISHED' ? t('publish.published') : t('publish.compiled'))),
      h('p', { class: 'meta' }, t('publish.compiledBy', { who: e.createdBy?.displayName ?? t('common.someone'), when: formatDateTime(e.createdAt, ctx.locale) })),
      h('p', { class: 'meta fingerprint' }, t('publish.fingerprint', { value: e.fingerprint.slice(0, 16) })),
      h(
        'ul',
        { class: 'files', 'aria-label': t('publish.files', { n: e.number }) },
        ...e.artifacts.map((a) =>
          h(
            'li',
            {},
            button(t('publish.download', { format: formatLabel(a.format) }), () => void download(e, a.format, a.filename), {
              'aria-label': t('publish.downloadLabel', { format: formatLabel(a.format), n: e.number, size: formatBytes(a.size, ctx.locale) }),
            }),
            ' ',
            h('span', { class: 'muted' }, formatBytes(a.size, ctx.locale)),
          ),
        ),
      ),
      h(
        'p',
        { class: 'actions' },
        e.artifacts.some((a) => formatSlug(a.format) === 'white-paper-pdf') ? button(t('publish.preview'), () => void previewPdf(e)) : null,
        e.number > 1 ? button(t('publish.changelog'), () => void changelog(e, changes)) : null,
        isOwner && e.status !== 'PUBLISHED'
          ? button(t('publish.publish'), () =>
              void ctx.api.post(`${base}/editions/${e.number}/publish`).then((a) => {
                if (a.ok) {
                  ctx.announce(t('publish.publishedNow', { n: e.number }));
                  ctx.refresh();
                } else alertBox.replaceChildren(failureBox(a.failure));
              }),
            )
          : null,
      ),
      changes,
      isOwner ? shareForm(e) : null,
    );
  };

  const links = linksA !== null && linksA.ok ? linksA.value : [];
  append(root, 
    canEdit(role)
      ? h('section', { class: 'panel', 'aria-labelledby': 'compile-h' }, h('h2', { id: 'compile-h' }, t('publish.compile')), h('p', {}, t('publish.compileHint')), button(t('publish.compile'), () => void compile(), { class: 'primary' }), progressBox)
      : null,
    canEdit(role)
      ? h(
          'section',
          { class: 'panel', 'aria-labelledby': 'review-h' },
          h('h2', { id: 'review-h' }, t('publish.reviewTitle')),
          h('p', {}, t('publish.reviewHint')),
          button(t('publish.reviewDownload'), () => void reviewCopy()),
        )
      : null,
    alertBox,
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'editions-h' },
      h('h2', { id: 'editions-h' }, t('publish.editions')),
      editions.length === 0 ? h('p', { class: 'empty' }, t('publish.none')) : h('ul', { class: 'cards' }, ...editions.map(editionItem)),
    ),
    previewBox,
    isOwner
      ? h(
          'section',
          { class: 'panel', 'aria-labelledby': 'links-h' },
          h('h2', { id: 'links-h' }, t('share.title')),
          links.length === 0
            ? h('p', {}, t('share.none'))
            : h(
                'ul',
                { class: 'plain' },
                ...links.map((l) =>
                  h(
                    'li',
                    {},
                    t('share.item', { n: l.edition, label: l.label ?? '', downloads: l.downloads }),
                    l.revokedAt !== null
                      ? h('span', { class: 'muted' }, ` ${t('share.revoked')}`)
                      : button(t('share.revoke'), () => void ctx.api.del(`${base}/share-links/${l.id}`).then(() => ctx.refresh()), { class: 'danger small', 'aria-label': t('share.revokeLabel', { n: l.edition, label: l.label ?? '' }) }),
                  ),
                ),
              ),
        )
      : null,
  );
}

/** A job state's label; a state this app does not know is shown as the server wrote it. */
function jobState(state: string): string {
  return (JOB_STATES as readonly string[]).includes(state) ? t(`job.${state as JobState}`) : state;
}
