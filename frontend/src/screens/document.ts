/**
 * The paper as a document: every section in outline order (screens/docsection.ts), kept up to date
 * from the paper's live events, with who is in which section beside it. At most one section is
 * edited in place at a time.
 */
import type { Ctx } from '../app';
import { h } from '../dom';
import { mentionsSection } from '../events';
import { others } from '../presence';
import type { Failure } from '../problem';
import { t } from '../strings';
import type { Paper, RenderedPaper, Section } from '../types';
import { docSection, type DocEnv, type DocSection } from './docsection';

export interface PaperDocument {
  readonly element: HTMLElement;
  /** Loads (again) the outline and the rendered text; a failure to show, or null. */
  load(): Promise<Failure | null>;
  /** The heading of a section shown, for the "Here now" line. */
  headingOf(sectionId: number): string | undefined;
}

export function paperDocument(ctx: Ctx, paper: Paper, rights: Pick<DocEnv, 'canComment' | 'canModerate' | 'modeOf'>, emptyHint: HTMLElement | null): PaperDocument {
  const element = h('div', { class: 'document' });
  const built = new Map<number, DocSection>();
  let headings = new Map<number, string>();
  let editing: DocSection | null = null;
  const env: DocEnv = {
    ctx,
    paper,
    ...rights,
    opening(section) {
      if (editing !== null && editing !== section) editing.close();
      editing = section;
    },
  };

  const showPresence = (): void => {
    const me = ctx.me()?.id ?? null;
    for (const section of built.values()) section.showPresent(others(ctx.live.present(), me, section.id));
  };

  const show = (sections: readonly Section[], html: ReadonlyMap<number, string>): void => {
    const next = sections.map((s) => {
      const known = built.get(s.id);
      if (known !== undefined) {
        known.update(s, html.get(s.id) ?? '');
        return known;
      }
      const made = docSection(env, s, html.get(s.id) ?? '');
      built.set(s.id, made);
      return made;
    });
    for (const [id, section] of built) {
      if (next.includes(section)) continue;
      section.close();
      if (editing === section) editing = null;
      built.delete(id);
    }
    headings = new Map(sections.map((s) => [s.id, s.heading]));
    const same = next.length === element.children.length && next.every((s, i) => element.children[i] === s.element);
    if (next.length === 0) element.replaceChildren(h('p', { class: 'empty' }, t('doc.empty')), ...(emptyHint !== null ? [emptyHint] : []));
    else if (!same) element.replaceChildren(...next.map((s) => s.element));
    showPresence();
  };

  const load = async (): Promise<Failure | null> => {
    const [sectionsA, renderedA] = await Promise.all([
      ctx.api.get<Section[]>(`/api/papers/${paper.id}/sections`),
      ctx.api.get<RenderedPaper>(`/api/papers/${paper.id}/html`),
    ]);
    if (!sectionsA.ok) return sectionsA.failure;
    if (!renderedA.ok) return renderedA.failure;
    const sections = sectionsA.value.filter((s) => !s.deleted).sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
    show(sections, new Map(renderedA.value.sections.map((s) => [s.sectionId, s.html])));
    return null;
  };

  // Changes arrive as events: one reload at a time, and one more if others came meanwhile.
  let loading: Promise<unknown> | null = null;
  let again = false;
  const reload = (): void => {
    if (loading !== null) {
      again = true;
      return;
    }
    loading = load().finally(() => {
      loading = null;
      if (again) {
        again = false;
        reload();
      }
    });
  };
  ctx.onLeave(
    ctx.live.subscribe((event) => {
      if (event.event === 'hello' || event.event === 'presence') showPresence();
      else if (event.event.startsWith('comment.')) {
        for (const section of built.values()) if (mentionsSection(event.data, section.id)) section.refreshComments();
      } else if (event.event.startsWith('section.') || event.event.startsWith('outline.')) reload();
    }),
  );
  return { element, load, headingOf: (id) => headings.get(id) };
}
