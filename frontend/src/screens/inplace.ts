/**
 * A section of the paper's document edited in place: the same live editor as the section screen
 * (screens/coedit.ts: the section's live document, its truthful status line, "Save version" and
 * who else is in the text). One is open at a time; closing it closes its socket.
 */
import type { Ctx } from '../app';
import { h } from '../dom';
import { plainSurface, type Surface } from '../editor/surface';
import { t } from '../strings';
import type { Content, Section } from '../types';
import { button } from '../ui';
import { livePart } from './coedit';
import { editorToolbar } from './toolbar';

export interface InPlace {
  readonly element: HTMLElement;
  /** The editor (a read-only stand-in until the live editor is there). */
  surface(): Surface;
  /** The live text, or null while the live editor has not arrived. */
  text(): string | null;
  /** The latest revision (what comments anchor on), once loaded. */
  saved(): Content | null;
  /** Closes the live editor and its socket. */
  stop(): void;
}

export function inPlaceEditor(ctx: Ctx, paperId: number, section: Section, onClose: () => void, onVersion: () => void): InPlace {
  let surface: Surface = plainSurface('', t('editor.label'));
  surface.element.setAttribute('readonly', '');
  let ready = false;
  let saved: Content | null = null;
  const host = h('div', { class: 'editor-host' }, surface.element);
  const refreshSaved = async (): Promise<void> => {
    const answer = await ctx.api.get<Content>(`/api/papers/${paperId}/sections/${section.id}/content`);
    if (answer.ok) saved = answer.value;
  };
  void refreshSaved();
  const live = livePart(ctx, paperId, section.id, true, () => {
    void refreshSaved();
    onVersion();
  });
  const closeButton = button(t('doc.close'), onClose, { 'aria-label': t('doc.closeLabel', { heading: section.heading }) });
  const element = h(
    'div',
    { class: 'in-place' },
    editorToolbar(() => surface),
    host,
    live.status,
    live.people,
    live.actions,
    h('p', { class: 'actions' }, closeButton),
  );
  // Ctrl/Cmd+S saves a version, as on the section screen.
  element.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
      e.preventDefault();
      void live.saveVersion();
    }
  });
  live.start((cm) => {
    surface.destroy();
    surface = cm;
    ready = true;
    host.replaceChildren(cm.element);
    cm.focus();
  });
  ctx.live.at(section.id, true);
  return {
    element,
    surface: () => surface,
    text: () => (ready ? surface.text() : null),
    saved: () => saved,
    stop: () => {
      live.stop();
      ctx.live.at(null, false);
    },
  };
}
