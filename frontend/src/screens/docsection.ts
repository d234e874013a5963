/**
 * One section of the paper's document: its heading as it will print, its text, who is in it, its
 * comment threads in the margin and, for those who may save it, an editor opened in place.
 */
import { link, type Ctx } from '../app';
import type { EditMode } from '../coedit/mode';
import { h } from '../dom';
import type { Present } from '../presence';
import { t } from '../strings';
import type { Paper, Section } from '../types';
import { button, uid } from '../ui';
import type { EditorLink } from './comments';
import { inPlaceEditor, type InPlace } from './inplace';
import { commentMargin } from './margin';
import { sectionTitle } from './paper';

export interface DocEnv {
  readonly ctx: Ctx;
  readonly paper: Paper;
  readonly canComment: boolean;
  readonly canModerate: boolean;
  modeOf(sectionId: number): EditMode;
  /** Told before a section's editor opens, so that any other one closes (one live editor at a time). */
  opening(section: DocSection): void;
}

export interface DocSection {
  readonly id: number;
  readonly element: HTMLElement;
  /** The section as the outline now has it, and its rendered text (kept while it is being edited). */
  update(section: Section, html: string): void;
  showPresent(people: readonly Present[]): void;
  refreshComments(): void;
  /** Closes the editor in place, if it is open. */
  close(): void;
}

export function docSection(env: DocEnv, initial: Section, html: string): DocSection {
  const { ctx, paper } = env;
  let section = initial;
  let editor: InPlace | null = null;
  const writer = env.modeOf(section.id) === 'write' && typeof WebSocket !== 'undefined';
  const headingId = uid('doc-h');
  const heading = h('h2', { id: headingId, dir: 'auto', lang: paper.language }, sectionTitle(section));
  const present = h('p', { class: 'doc-presence', 'data-panel': 'section-presence', hidden: true });
  const body = h('div', { class: 'doc-body rendered', dir: 'auto', lang: paper.language, tabindex: '-1' });
  const textHost = h('div', { class: 'doc-text-host' }, body);
  const setHtml = (value: string): void => {
    // The server renders with the same sanitizer as published text (OWASP allowlist).
    body.innerHTML = value;
    if (value.trim() === '') body.replaceChildren(h('p', { class: 'muted' }, t('doc.noText')));
  };
  setHtml(html);

  const editButton = writer ? button(t('doc.edit'), () => open(), { 'aria-label': t('doc.editLabel', { heading: section.heading }), class: 'primary' }) : null;
  const openLink = link(t('doc.open'), { name: 'section', paperId: paper.id, sectionId: section.id }, { 'aria-label': t('doc.openLabel', { heading: section.heading }) });

  const close = (): void => {
    if (editor === null) return;
    const text = editor.text();
    const hadFocus = element.contains(document.activeElement);
    editor.stop();
    editor = null;
    textHost.replaceChildren(body);
    if (editButton !== null) {
      editButton.hidden = false;
      if (hadFocus) editButton.focus();
    }
    // What was just written shows at once; the server's rendering follows with its next save.
    if (text !== null) void renderText(text);
  };
  const renderText = async (text: string): Promise<void> => {
    const answer = await ctx.api.post<{ html: string }>('/api/render/preview', { markdown: text });
    if (answer.ok && editor === null) setHtml(answer.value.html);
  };
  const open = (): void => {
    if (editor !== null) return;
    env.opening(api);
    editor = inPlaceEditor(ctx, paper.id, section, close, () => margin.refresh());
    textHost.replaceChildren(editor.element);
    if (editButton !== null) editButton.hidden = true;
  };

  const margin = commentMargin(ctx, paper.id, section.id, section.heading, env, editorLink(() => editor, body, writer));
  const element = h(
    'article',
    { class: 'doc-section', 'aria-labelledby': headingId, 'data-section-id': String(section.id) },
    h('div', { class: 'doc-text' }, heading, present, textHost, h('p', { class: 'doc-actions' }, editButton, ' ', openLink)),
    margin.element,
  );

  const api: DocSection = {
    id: section.id,
    element,
    update(next, nextHtml) {
      section = next;
      heading.textContent = sectionTitle(next);
      editButton?.setAttribute('aria-label', t('doc.editLabel', { heading: next.heading }));
      openLink.setAttribute('aria-label', t('doc.openLabel', { heading: next.heading }));
      margin.rename(next.heading);
      if (editor === null) setHtml(nextHtml);
    },
    showPresent(people) {
      present.hidden = people.length === 0;
      present.replaceChildren(
        h('strong', {}, t('doc.here')),
        ' ',
        ...people.flatMap((p, i) => [i > 0 ? ', ' : '', h('span', { dir: 'auto' }, p.editing ? t('presence.editing', { name: p.displayName }) : p.displayName)]),
      );
    },
    refreshComments: () => margin.refresh(),
    close,
  };
  return api;
}

/** What the comment threads need from the text: the editor in place when open, else the rendered text. */
function editorLink(editor: () => InPlace | null, body: HTMLElement, writer: boolean): EditorLink {
  return {
    selection: () => editor()?.surface().selection() ?? { from: 0, to: 0 },
    text: () => editor()?.surface().text() ?? '',
    savedText: () => editor()?.saved()?.body ?? '',
    revision: () => editor()?.saved()?.revision ?? 0,
    dirty: () => {
      const open = editor();
      const saved = open?.saved() ?? null;
      return open !== null && saved !== null && open.text() !== null && open.text() !== saved.body;
    },
    select: (from, to) => {
      const open = editor();
      if (open !== null) open.surface().select(from, to);
      else body.focus();
    },
    selectionUnavailable: () => {
      const open = editor();
      if (open === null || open.text() === null || open.saved() === null) return t(writer ? 'doc.editToSelect' : 'doc.openToSelect');
      return null;
    },
  };
}
