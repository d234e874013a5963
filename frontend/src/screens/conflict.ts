/**
 * After a 412: the text someone else saved and the user's text, difference by difference, each
 * settled as theirs, mine, both or an edit. The word diff comes from the `diff` library, loaded
 * only when a conflict happens.
 */
import { h } from '../dom';
import { assemble, segments, type Choice, type Segment } from '../merge';
import { t } from '../strings';
import { button, uid } from '../ui';

export async function conflictView(
  theirs: string,
  mine: string,
  about: string,
  apply: (merged: string) => void,
  cancel: () => void,
): Promise<HTMLElement> {
  const { diffWordsWithSpace } = await import('diff');
  const segs: Segment[] = segments(diffWordsWithSpace(theirs, mine));
  const changes = segs.filter((s): s is Extract<Segment, { kind: 'change' }> => s.kind === 'change');
  const choices = new Map<number, Choice>();
  const status = h('p', { role: 'status', class: 'hint' });
  const radios: HTMLInputElement[][] = [];
  const texts: HTMLTextAreaElement[] = [];

  const update = (): void => {
    const left = changes.length - choices.size;
    status.textContent = t('conflict.left', { n: left });
  };

  const fieldsets = changes.map((c) => {
    const name = uid('choice');
    const edit = h('textarea', { rows: '3', dir: 'auto', 'aria-label': t('conflict.editLabel', { n: c.index + 1 }), hidden: true });
    edit.value = c.mine;
    texts[c.index] = edit;
    const options: [Choice['take'], string][] = [
      ['THEIRS', t('conflict.theirs')],
      ['MINE', t('conflict.mine')],
      ['BOTH', t('conflict.both')],
      ['TEXT', t('conflict.edit')],
    ];
    const group = options.map(([take, label]) => {
      const id = uid('opt');
      const input = h('input', { type: 'radio', name, id, value: take });
      input.addEventListener('change', () => {
        edit.hidden = take !== 'TEXT';
        choices.set(c.index, take === 'TEXT' ? { take, text: edit.value } : { take });
        update();
      });
      return { input, wrap: h('span', { class: 'radio' }, input, h('label', { for: id }, label)) };
    });
    radios[c.index] = group.map((g) => g.input);
    edit.addEventListener('input', () => {
      if (choices.get(c.index)?.take === 'TEXT') choices.set(c.index, { take: 'TEXT', text: edit.value });
    });
    return h(
      'fieldset',
      { class: 'conflict' },
      h('legend', {}, t('conflict.difference', { n: c.index + 1, total: changes.length })),
      h(
        'div',
        { class: 'sides' },
        h('div', {}, h('p', { class: 'side-label' }, t('conflict.theirsText')), h('p', { class: 'side theirs', dir: 'auto' }, c.theirs === '' ? t('conflict.nothing') : c.theirs)),
        h('div', {}, h('p', { class: 'side-label' }, t('conflict.mineText')), h('p', { class: 'side mine', dir: 'auto' }, c.mine === '' ? t('conflict.nothing') : c.mine)),
      ),
      h('div', { class: 'radios' }, ...group.map((g) => g.wrap)),
      edit,
    );
  });

  const all = (take: 'THEIRS' | 'MINE'): void => {
    for (const c of changes) {
      choices.set(c.index, { take });
      for (const r of radios[c.index] ?? []) r.checked = r.value === take;
      const edit = texts[c.index];
      if (edit !== undefined) edit.hidden = true;
    }
    update();
  };

  const alert = h('div', { class: 'form-alert' });
  const applyButton = button(t('conflict.apply'), () => {
    const result = assemble(segs, choices);
    if (result.missing.length > 0) {
      alert.replaceChildren(h('p', { class: 'error', role: 'alert' }, t('conflict.missing', { list: result.missing.map((i) => i + 1).join(', ') })));
      return;
    }
    apply(result.text);
  }, { class: 'primary' });
  update();
  return h(
    'section',
    { class: 'panel conflict-panel', 'aria-labelledby': 'conflict-h', 'data-panel': 'conflict' },
    h('h2', { id: 'conflict-h' }, t('conflict.title')),
    h('p', { dir: 'auto' }, about),
    h('p', {}, t('conflict.intro')),
    changes.length === 0 ? h('p', {}, t('conflict.same')) : null,
    h('p', { class: 'actions' }, button(t('conflict.allMine'), () => all('MINE')), ' ', button(t('conflict.allTheirs'), () => all('THEIRS'))),
    ...fieldsets,
    status,
    alert,
    h('p', { class: 'actions' }, applyButton, ' ', button(t('common.cancel'), cancel)),
  );
}
