/**
 * Importing a document (DOCX, ODT, Markdown): choose a file and the heading level to cut at, see
 * the sections it becomes (nothing stored yet), then import them into a paper or as a new paper.
 */
import type { Ctx } from '../app';
import { h, replace } from '../dom';
import { t } from '../strings';
import type { ImportNote, ImportPreview, ImportResult, PaperImportResult } from '../types';
import { button, field, form, showFormFailure } from '../ui';

/** Where the sections go: into a paper, or into a new one the importer will own. */
export type ImportTarget = { readonly kind: 'paper'; readonly paperId: number } | { readonly kind: 'new'; readonly language: string };

/** The largest file an import takes (the server refuses more with 413). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** The address of an import (`preview`: of its preview) with its query. */
export function importPath(target: ImportTarget, preview: boolean, filename: string, level: number): string {
  const base = target.kind === 'paper' ? `/api/papers/${target.paperId}/imports` : '/api/papers/imports';
  const query = new URLSearchParams({ filename, level: String(level) });
  if (!preview && target.kind === 'new') query.set('language', target.language);
  return `${base}${preview ? '/preview' : ''}?${query.toString()}`;
}

/** A report line in the reader's language; the server's English message stands in for a kind it adds later. */
export function noteText(note: ImportNote): string {
  const detail = note.detail === null || note.detail === undefined || note.detail === '' ? '' : ` (“${note.detail}”)`;
  switch (note.kind) {
    case 'IMAGE':
    case 'TEXT_BOX':
    case 'TRACKED_CHANGES':
    case 'COMMENT':
    case 'LINK_DROPPED':
    case 'TABLE_OF_CONTENTS':
    case 'TEXT_BEFORE_FIRST_HEADING':
    case 'HEADING_SHORTENED':
    case 'EMPTY_SECTION':
      return t(`import.note.${note.kind}`, { n: note.count, detail });
    default:
      return note.message ?? '';
  }
}

/** The import form and, once a file was read, its sections and a button to import them. */
export function importPanel(ctx: Ctx, target: ImportTarget, imported: (sections: number) => Promise<void>): HTMLElement {
  const file = field({ name: 'file', label: t('import.file'), type: 'file', required: true });
  file.input.setAttribute('accept', '.docx,.odt,.md,.markdown,.txt');
  const levels = [1, 2, 3, 4, 5, 6].map((n) => [String(n), n === 1 ? t('import.levelTop') : t('import.levelOption', { n })] as const);
  const level = field({ name: 'level', label: t('import.level'), value: '1', options: levels });
  const result = h('div', { class: 'import-preview', 'aria-live': 'polite' });
  file.input.addEventListener('change', () => result.replaceChildren());

  const chooser = form(t('import.title'), [file, level], t('import.preview'), async (alertBox) => {
    result.replaceChildren();
    const chosen = file.input instanceof HTMLInputElement ? file.input.files?.[0] : undefined;
    if (chosen === undefined) {
      alertBox.replaceChildren(h('p', { role: 'alert' }, t('import.chooseFile')));
      return;
    }
    if (chosen.size > MAX_IMPORT_BYTES) {
      alertBox.replaceChildren(h('p', { role: 'alert' }, t('import.tooLarge')));
      return;
    }
    const cut = Number(level.input.value);
    result.replaceChildren(h('p', { class: 'hint' }, t('import.reading', { file: chosen.name })));
    const answer = await ctx.api.upload<ImportPreview>(importPath(target, true, chosen.name, cut), chosen);
    if (!answer.ok) {
      result.replaceChildren();
      showFormFailure(alertBox, [file, level], answer.failure);
      return;
    }
    showPreview(answer.value, chosen, cut);
  });

  const showPreview = (preview: ImportPreview, chosen: File, cut: number): void => {
    const n = preview.sections.length;
    const confirm = button(target.kind === 'paper' ? t('import.confirm', { n }) : t('import.confirmPaper', { n }), () => void run(), {
      class: 'primary',
    });
    const alertBox = h('div', { class: 'form-alert' });
    const run = async (): Promise<void> => {
      confirm.disabled = true;
      alertBox.replaceChildren();
      const path = importPath(target, false, chosen.name, cut);
      const answer = await ctx.api.upload<ImportResult | PaperImportResult>(path, chosen);
      confirm.disabled = false;
      if (!answer.ok) {
        showFormFailure(alertBox, [file, level], answer.failure);
        return;
      }
      result.replaceChildren();
      chooser.reset();
      ctx.announce(t('import.done', { n: answer.value.sections.length, file: chosen.name }));
      await imported(answer.value.sections.length);
      if ('paper' in answer.value) ctx.go({ name: 'paper', paperId: answer.value.paper.id });
    };
    replace(
      result,
      h('p', {}, t('import.sections', { file: chosen.name, n })),
      h(
        'ol',
        { class: 'import-sections' },
        ...preview.sections.map((s) =>
          h(
            'li',
            {},
            h(
              'details',
              {},
              h(
                'summary',
                {},
                h('span', { dir: 'auto' }, s.heading),
                ' ',
                h('span', { class: 'hint' }, s.words === 0 ? t('import.empty') : t('import.words', { n: s.words })),
              ),
              h('pre', { class: 'import-text', dir: 'auto' }, s.body.length > 2000 ? `${s.body.slice(0, 2000)}…` : s.body),
            ),
          ),
        ),
      ),
      preview.notes.length === 0
        ? null
        : h('div', { class: 'import-notes' }, h('h3', {}, t('import.notes')), h('ul', {}, ...preview.notes.map((x) => h('li', {}, noteText(x))))),
      alertBox,
      confirm,
    );
  };

  return h(
    'details',
    { class: 'create import' },
    h('summary', {}, target.kind === 'paper' ? t('import.title') : t('import.newPaperTitle')),
    h('p', { class: 'hint' }, target.kind === 'paper' ? t('import.intro') : t('import.newPaperIntro')),
    chooser,
    result,
  );
}
