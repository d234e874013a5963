/** The Markdown editor's formatting toolbar (section screen and editing in place). */
import type { Surface } from '../editor/surface';
import { h } from '../dom';
import { t } from '../strings';
import { button } from '../ui';

/** The editor's toolbar: one tab stop, arrows move between its buttons. */
export function editorToolbar(surface: () => Surface): HTMLElement {
  const tool = (label: string, text: string, run: () => void): HTMLButtonElement =>
    button(text, run, { 'aria-label': label, title: label, class: 'tool' });
  const toolbar = h(
    'div',
    { role: 'toolbar', 'aria-label': t('editor.toolbar'), class: 'toolbar' },
    tool(t('editor.bold'), 'B', () => surface().wrap('**', '**', t('editor.boldText'))),
    tool(t('editor.italic'), 'I', () => surface().wrap('_', '_', t('editor.italicText'))),
    tool(t('editor.heading'), 'H', () => surface().prefixLines('## ')),
    tool(t('editor.list'), '•', () => surface().prefixLines('- ')),
    tool(t('editor.link'), t('editor.link'), () => surface().wrap('[', '](https://)', t('editor.linkText'))),
  );
  // Roving focus in the toolbar: one tab stop, arrows move between buttons.
  const tools = [...toolbar.querySelectorAll<HTMLButtonElement>('button')];
  tools.forEach((b, i) => {
    b.tabIndex = i === 0 ? 0 : -1;
    b.addEventListener('keydown', (e) => {
      const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : null;
      if (next === null) return;
      e.preventDefault();
      const target = tools[(next + tools.length) % tools.length];
      if (target === undefined) return;
      b.tabIndex = -1;
      target.tabIndex = 0;
      target.focus();
    });
  });
  return toolbar;
}
