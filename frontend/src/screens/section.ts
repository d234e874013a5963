/**
 * The section editor: Markdown with a toolbar and the server's preview; beside it the comment
 * threads and, for a proposal, the endorsements. Those who may save the section write in the live
 * document with everyone else (screens/coedit.ts: saved as they type, "Save version" makes a
 * revision) and observers watch it; contributors outside the section's breakout groups edit a
 * private copy (unsaved text kept in localStorage) to propose as a draft. The If-Match save with its
 * merge after someone else saved first remains for when the live editor cannot be used.
 */
import { link, loadFailed, type Ctx } from '../app';
import { isStatus } from '../client';
import { h } from '../dom';
import type { Surface } from '../editor/surface';
import { plainSurface } from '../editor/surface';
import { mentionsSection, savedRevisionIn } from '../events';
import { canEdit, roleIn } from '../roles';
import { t } from '../strings';
import { presenceLine } from './presence';
import type { Author, Content, Draft, Paper, Section } from '../types';
import { findUnsaved, forgetUnsaved, keepUnsaved } from '../unsaved';
import { button, crumbs, field, form, showFormFailure } from '../ui';
import { editModes, livePart } from './coedit';
import { commentsPanel } from './comments';
import { conflictView } from './conflict';
import { endorsementPanel } from './endorse';
import { editorToolbar } from './toolbar';
import { sectionTitle } from './paper';

const PREVIEW_DELAY_MS = 600;

export async function showSection(ctx: Ctx, paperId: number, sectionId: number): Promise<void> {
  const root = ctx.mount('section', t('common.loading'));
  const [paperA, sectionA, contentA] = await Promise.all([
    ctx.api.get<Paper>(`/api/papers/${paperId}`),
    ctx.api.get<Section>(`/api/papers/${paperId}/sections/${sectionId}`),
    ctx.api.get<Content>(`/api/papers/${paperId}/sections/${sectionId}/content`),
  ]);
  if (!paperA.ok || !sectionA.ok || !contentA.ok) {
    const failure = !paperA.ok ? paperA.failure : !sectionA.ok ? sectionA.failure : contentA.ok ? null : contentA.failure;
    if (failure !== null) loadFailed(ctx, root, failure);
    return;
  }
  const paper = paperA.value;
  // Observers read only; contributors may save only their group's sections (the server decides).
  const role = await roleIn(ctx.api, ctx.me(), paper);
  const observer = role === 'OBSERVER';
  const mode = (await editModes(ctx, paperId, role))(sectionId);
  const live = mode !== 'propose' && typeof WebSocket !== 'undefined';
  const section = sectionA.value;
  let saved: Content = contentA.value;
  // The revision the text in the editor is based on; moves on after a save or a merge.
  let base = { revision: saved.revision, etag: contentA.etag ?? saved.etag, text: saved.body };
  const title = root.querySelector('h1');
  if (title !== null) {
    title.textContent = sectionTitle(section);
    title.setAttribute('lang', paper.language);
  }
  document.title = `${section.heading} – ${paper.title}`;

  const store = window.localStorage;
  // The live text is kept by the live document (IndexedDB), not as unsaved text.
  const unsaved = live ? null : findUnsaved(store, paperId, sectionId);
  const notices = h('div', { class: 'notices', 'aria-live': 'polite' });
  let initial = saved.body;
  if (unsaved !== null && unsaved.text !== saved.body) {
    initial = unsaved.text;
    if (unsaved.baseRevision !== saved.revision) {
      // Edited on an older revision: keep that base, so saving leads to the merge view.
      // Its ETag is the server's (revisions never change), not one spelled here.
      const older = await ctx.api.get<Content>(`/api/papers/${paperId}/sections/${sectionId}/revisions/${unsaved.baseRevision}`);
      if (!older.ok) {
        loadFailed(ctx, root, older.failure);
        return;
      }
      base = { revision: unsaved.baseRevision, etag: older.etag ?? older.value.etag, text: '' };
      notices.append(h('p', { class: 'notice' }, t('editor.restoredOld', { n: unsaved.baseRevision, current: saved.revision })));
    } else {
      notices.append(h('p', { class: 'notice' }, t('editor.restored')));
    }
  }

  const editorHost = h('div', { class: 'editor-host' });
  let surface: Surface = plainSurface(initial, t('editor.label'));
  // Until the live editor is there, the stand-in shows the saved text and takes no typing.
  if (live) surface.element.setAttribute('readonly', '');
  editorHost.append(surface.element);
  const saveState = h('p', { class: 'save-state', role: 'status' });
  const conflictHost = h('div');
  const saveAlert = h('div', { class: 'form-alert' });

  const dirty = (): boolean => surface.text() !== saved.body || base.revision !== saved.revision;
  const updateState = (): void => {
    saveState.textContent = dirty() ? t('editor.unsaved') : t('editor.saved', { n: saved.revision });
  };

  /** The latest revision, after a version of the live text was saved. */
  const refreshSaved = async (): Promise<void> => {
    const answer = await ctx.api.get<Content>(`/api/papers/${paperId}/sections/${sectionId}/content`);
    if (answer.ok && answer.value.revision > saved.revision) saved = answer.value;
  };
  const preview = previewPanel(ctx, paper.language, () => surface.text());
  const onText = (text: string): void => {
    if (live) {
      preview.schedule();
      return;
    }
    keepUnsaved(store, paperId, sectionId, base.revision, text, base.revision === saved.revision ? saved.body : '\u0000');
    updateState();
    preview.schedule();
  };

  const attach = (s: Surface): void => {
    s.onChange(onText);
  };
  attach(surface);

  const livePanel = live
    ? livePart(ctx, paperId, sectionId, mode === 'write', () => {
        void refreshSaved();
        comments.refresh();
      })
    : null;
  livePanel?.start((cm) => {
    surface.destroy();
    surface = cm;
    attach(cm);
    editorHost.replaceChildren(cm.element);
    void preview.render();
  });

  // CodeMirror arrives later; the textarea works meanwhile and hands over its text.
  if (!live) void import('../editor/codemirror')
    .then(({ codeMirrorSurface }) => {
      const cm = codeMirrorSurface(surface.text(), t('editor.label'), t('editor.placeholder'));
      const hadFocus = editorHost.contains(document.activeElement);
      const { from, to } = surface.selection();
      surface.destroy();
      surface = cm;
      attach(cm);
      editorHost.replaceChildren(cm.element);
      // Whoever was typing in the stand-in goes on where they were.
      if (hadFocus) cm.select(from, to);
    })
    .catch(() => {
      // Keep the plain editor.
    });

  const toolbar = editorToolbar(() => surface);

  const summary = field({ name: 'summary', label: t('editor.summary'), dir: 'auto', maxlength: 500 });
  const save = async (): Promise<void> => {
    saveAlert.replaceChildren();
    const text = surface.text();
    ctx.announce(t('editor.saving'));
    const answer = await ctx.api.put<Content>(
      `/api/papers/${paperId}/sections/${sectionId}/content`,
      { body: text, summary: summary.input.value || null },
      base.etag,
    );
    if (answer.ok) {
      saved = answer.value;
      base = { revision: saved.revision, etag: answer.etag ?? saved.etag, text: saved.body };
      forgetUnsaved(store, paperId, sectionId);
      summary.input.value = '';
      conflictHost.replaceChildren();
      notices.replaceChildren();
      updateState();
      ctx.announce(t('editor.savedNow', { n: saved.revision }));
      comments.refresh();
      return;
    }
    const failure = answer.failure;
    if (isStatus(failure, 412) && failure.kind === 'http') {
      const raw = (failure.raw ?? {}) as { currentBody?: string; currentEtag?: string; currentRevision?: number; currentAuthor?: Author };
      await showConflict(raw.currentBody ?? '', raw.currentEtag ?? '', raw.currentRevision ?? 0, raw.currentAuthor?.displayName ?? '');
      return;
    }
    showFormFailure(saveAlert, [summary], failure);
  };

  const showConflict = async (theirs: string, etag: string, revision: number, who: string): Promise<void> => {
    const mine = surface.text();
    const view = await conflictView(
      theirs,
      mine,
      t('conflict.about', { n: revision, who: who === '' ? t('common.someone') : who }),
      (merged) => {
        // The merge is now based on their revision; saving again needs no more merging.
        saved = { ...saved, body: theirs, revision, etag };
        base = { revision, etag, text: theirs };
        surface.setText(merged);
        conflictHost.replaceChildren();
        ctx.announce(t('conflict.applied'));
        surface.focus();
      },
      () => conflictHost.replaceChildren(),
    );
    conflictHost.replaceChildren(view);
    view.querySelector<HTMLElement>('h2')?.setAttribute('tabindex', '-1');
    view.querySelector<HTMLElement>('h2')?.focus();
  };

  const saveButton = button(t('editor.save'), () => void save(), { class: 'primary' });
  // Ctrl/Cmd+S saves.
  const onKey = (e: KeyboardEvent): void => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
      e.preventDefault();
      if (livePanel !== null) void livePanel.saveVersion();
      else if (mode === 'write') void save();
    }
  };
  document.addEventListener('keydown', onKey);
  ctx.onLeave(() => {
    document.removeEventListener('keydown', onKey);
    preview.stop();
  });

  const propose = proposeForm(ctx, paperId, sectionId, () => surface.text(), () => base.revision);

  const comments = commentsPanel(ctx, paperId, sectionId, !observer, canEdit(role), {
    selection: () => surface.selection(),
    text: () => surface.text(),
    savedText: () => saved.body,
    revision: () => saved.revision,
    dirty,
    select: (from, to) => surface.select(from, to),
  });

  root.append(
    crumbs([paper.title, `#/papers/${paperId}`]),
    h(
      'p',
      { class: 'section-links' },
      link(t('history.title'), { name: 'history', paperId, sectionId }),
      ' · ',
      h('a', { href: `#/papers/${paperId}/drafts` }, t('nav.drafts')),
    ),
    notices,
    h(
      'div',
      { class: 'work' },
      h(
        'div',
        { class: 'work-main' },
        h(
          'section',
          { class: 'panel', 'aria-labelledby': 'editor-h' },
          h('h2', { id: 'editor-h' }, t('editor.title')),
          mode === 'watch' ? null : toolbar,
          editorHost,
          livePanel?.status ?? saveState,
          ...(livePanel !== null ? [livePanel.actions] : mode === 'write' ? [summary.wrap, saveAlert] : []),
          observer
            ? h('p', { class: 'notice' }, t('editor.readOnly'))
            : livePanel !== null
              ? null
              : mode === 'propose'
                ? h('p', { class: 'notice' }, t('live.proposeOnly'))
                : h('p', { class: 'actions' }, saveButton, ' ', h('span', { class: 'hint' }, t('editor.saveHint'))),
          observer ? null : h('details', { class: 'create' }, h('summary', {}, t('drafts.propose')), propose),
        ),
        conflictHost,
        section.kind === 'PROPOSAL' && !observer
          ? proposalSummaryPanel(ctx, paperId, sectionId, section)
          : null,
        preview.element,
      ),
      h(
        'aside',
        { class: 'work-side', 'aria-label': t('comments.side') },
        comments.element,
        section.kind === 'PROPOSAL' ? endorsementPanel(ctx, paperId, sectionId) : null,
      ),
    ),
  );
  updateState();
  void preview.render();
  ctx.live.at(sectionId, mode === 'write');
  root.querySelector('h1')?.after(presenceLine(ctx, sectionId), ...(livePanel !== null ? [livePanel.people] : []));

  const unsubscribe = ctx.live.subscribe((event) => {
    if (mentionsSection(event.data, sectionId)) {
      if (event.event === 'section.saved' && savedRevisionIn(event.data) > saved.revision && live) {
        // A version of the live text (a checkpoint): comments now anchor on it.
        void refreshSaved();
      } else if (event.event === 'section.saved' && savedRevisionIn(event.data) > saved.revision) {
        notices.replaceChildren(h('p', { class: 'notice' }, t('editor.someoneSaved')));
      }
      if (event.event.startsWith('comment.')) comments.refresh();
    }
  });
  ctx.onLeave(unsubscribe);
}

/** Proposes the editor's text as a draft on `baseRevision` instead of saving it. */
function proposeForm(ctx: Ctx, paperId: number, sectionId: number, text: () => string, baseRevision: () => number): HTMLElement {
  const rationale = field({ name: 'rationale', label: t('drafts.rationale'), multiline: true, rows: 3, dir: 'auto' });
  return form(t('drafts.propose'), [rationale], t('drafts.proposeSubmit'), async (alertBox) => {
    const answer = await ctx.api.post<Draft>(`/api/papers/${paperId}/sections/${sectionId}/drafts`, {
      body: text(),
      rationale: rationale.input.value || null,
      baseRevision: baseRevision(),
      submit: true,
    });
    if (!answer.ok) {
      showFormFailure(alertBox, [rationale], answer.failure);
      return;
    }
    ctx.announce(t('drafts.proposed'));
    ctx.go({ name: 'draft', paperId, draftId: answer.value.id });
  });
}

/** A proposal's summary, edited apart from its text. */
function proposalSummaryPanel(ctx: Ctx, paperId: number, sectionId: number, section: Section): HTMLElement {
  const proposalSummary = field({
    name: 'proposalSummary',
    label: t('editor.proposalSummary'),
    value: section.proposalSummary ?? '',
    multiline: true,
    rows: 3,
    dir: 'auto',
    hint: t('editor.proposalSummaryHint'),
  });
  const summaryForm = form(t('editor.proposalSummary'), [proposalSummary], t('common.save'), async (alertBox) => {
    const answer = await ctx.api.patch<Section>(`/api/papers/${paperId}/sections/${sectionId}`, { proposalSummary: proposalSummary.input.value });
    if (!answer.ok) {
      showFormFailure(alertBox, [proposalSummary], answer.failure);
      return;
    }
    showFormFailure(alertBox, [proposalSummary], null);
    ctx.announce(t('editor.proposalSummarySaved'));
  });
  return h('details', { class: 'panel', 'data-panel': 'proposal-summary' }, h('summary', {}, t('editor.proposalSummary')), summaryForm);
}

/** The server's rendering of the editor's text, asked for again a moment after typing stops. */
function previewPanel(ctx: Ctx, language: string, text: () => string): { element: HTMLElement; render(): Promise<void>; schedule(): void; stop(): void } {
  const preview = h('div', { class: 'preview rendered', dir: 'auto', lang: language, 'aria-live': 'off' });
  const previewState = h('p', { class: 'hint', role: 'status' });
  let previewTimer: ReturnType<typeof setTimeout> | null = null;
  let previewSeq = 0;
  const render = async (): Promise<void> => {
    const seq = ++previewSeq;
    previewState.textContent = t('editor.previewing');
    const answer = await ctx.api.post<{ html: string }>('/api/render/preview', { markdown: text() });
    if (seq !== previewSeq) return;
    if (answer.ok) {
      // The server renders with the same sanitizer as published text (OWASP allowlist).
      preview.innerHTML = answer.value.html;
      previewState.textContent = '';
    } else {
      previewState.textContent = t('editor.previewFailed');
    }
  };
  const stop = (): void => {
    if (previewTimer !== null) clearTimeout(previewTimer);
  };
  return {
    element: h('section', { class: 'panel', 'aria-labelledby': 'preview-h' }, h('h2', { id: 'preview-h' }, t('editor.preview')), previewState, preview),
    render,
    schedule() {
      stop();
      previewTimer = setTimeout(() => void render(), PREVIEW_DELAY_MS);
    },
    stop,
  };
}
