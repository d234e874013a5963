/**
 * A section's comment threads in the document's margin: beside the section on wide screens, behind
 * a "Comments (n)" button on narrow ones (style.css decides which; the button says whether it is open).
 */
import type { Ctx } from '../app';
import { h } from '../dom';
import { t } from '../strings';
import { uid } from '../ui';
import { commentsPanel, type EditorLink } from './comments';

export interface Margin {
  readonly element: HTMLElement;
  refresh(): void;
  /** The section was renamed. */
  rename(heading: string): void;
}

export function commentMargin(
  ctx: Ctx,
  paperId: number,
  sectionId: number,
  heading: string,
  rights: { readonly canComment: boolean; readonly canModerate: boolean },
  editor: EditorLink,
): Margin {
  const bodyId = uid('margin');
  let count = 0;
  const toggle = h('button', { type: 'button', class: 'margin-toggle', 'aria-expanded': 'false', 'aria-controls': bodyId }, t('doc.comments', { n: 0 }));
  const panel = commentsPanel(ctx, paperId, sectionId, rights.canComment, rights.canModerate, editor, {
    level: 'h3',
    onCount: (n) => {
      count = n;
      toggle.textContent = t('doc.comments', { n: count });
    },
  });
  const aside = h(
    'aside',
    { class: 'doc-margin', 'aria-label': t('doc.commentsOn', { heading }) },
    toggle,
    h('div', { class: 'margin-body', id: bodyId }, panel.element),
  );
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    aside.toggleAttribute('data-open', open);
  });
  return {
    element: aside,
    refresh: panel.refresh,
    rename: (name) => aside.setAttribute('aria-label', t('doc.commentsOn', { heading: name })),
  };
}
