/** The paper's outline for editors: add, rename, change kind, reorder (buttons or drag), delete, restore. */
import type { Ctx } from '../app';
import { h, replace } from '../dom';
import type { Failure } from '../problem';
import { t } from '../strings';
import { SECTION_KINDS, type Section } from '../types';
import { button, failureBox, field, form, showFormFailure } from '../ui';
import { importPanel } from './importing';
import { kindLabel, sectionTitle } from './paper';

/** The outline: sections in order (add, rename, change kind, delete, restore, reorder for editors). */
export function outlinePanel(
  ctx: Ctx,
  paperId: number,
  editable: boolean,
): { element: HTMLElement; load(): Promise<void>; reloadKeepingFocus(): Promise<void>; sections(): readonly Section[] } {
  const outlineBox = h('div', { class: 'outline-box' });
  const outlineAlert = h('div', { class: 'form-alert' });
  const showFailure = (failure: Failure): void => {
    outlineAlert.replaceChildren(failureBox(failure));
  };

  let sections: Section[] = [];
  let deleted: Section[] = [];
  let dragged: number | null = null;

  const load = async (focusSelector?: string): Promise<void> => {
    const answer = await ctx.api.get<Section[]>(`/api/papers/${paperId}/sections?deleted=true`);
    if (!answer.ok) {
      showFailure(answer.failure);
      return;
    }
    sections = answer.value.filter((s) => !s.deleted).sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
    deleted = answer.value.filter((s) => s.deleted);
    renderOutline();
    if (focusSelector !== undefined) outlineBox.querySelector<HTMLElement>(focusSelector)?.focus();
  };

  const act = async (run: () => Promise<{ ok: boolean; failure?: Failure }>, message: string, focus?: string): Promise<void> => {
    outlineAlert.replaceChildren();
    const result = await run();
    if (!result.ok && result.failure !== undefined) {
      showFailure(result.failure);
      return;
    }
    ctx.announce(message);
    await load(focus);
  };

  const move = (s: Section, position: number): Promise<void> =>
    act(
      () => ctx.api.post(`/api/papers/${paperId}/sections/${s.id}/move`, { position }),
      t('outline.moved', { heading: s.heading, n: position + 1 }),
      undefined,
    );

  const renderItem = (s: Section, index: number): HTMLElement => {
    const up = button(t('outline.up'), () => void move(s, index - 1).then(() => focusOn(s.id, 'up')), {
      'aria-label': t('outline.upLabel', { heading: s.heading }),
      disabled: index === 0,
      'data-action': 'up',
    });
    const down = button(t('outline.down'), () => void move(s, index + 1).then(() => focusOn(s.id, 'down')), {
      'aria-label': t('outline.downLabel', { heading: s.heading }),
      disabled: index === sections.length - 1,
      'data-action': 'down',
    });
    const rename = field({ name: 'heading', label: t('outline.newHeading'), value: s.heading, required: true, dir: 'auto' });
    const kind = field({
      name: 'kind',
      label: t('outline.kind'),
      value: s.kind,
      options: SECTION_KINDS.map((k) => [k, kindLabel(k)] as const),
    });
    const edit = form(t('outline.editLabel', { heading: s.heading }), [rename, kind], t('common.save'), async (alertBox) => {
      const answer = await ctx.api.patch<Section>(`/api/papers/${paperId}/sections/${s.id}`, {
        heading: rename.input.value,
        kind: kind.input.value,
      });
      if (!answer.ok) {
        showFormFailure(alertBox, [rename, kind], answer.failure);
        return;
      }
      ctx.announce(t('outline.renamed', { heading: answer.value.heading }));
      await load();
    });
    const del = button(
      t('outline.delete'),
      () => void act(() => ctx.api.del(`/api/papers/${paperId}/sections/${s.id}`), t('outline.deleted', { heading: s.heading })),
      { 'aria-label': t('outline.deleteLabel', { heading: s.heading }), class: 'danger' },
    );
    const li = h(
      'li',
      { class: 'outline-item', draggable: editable ? 'true' : undefined, 'data-section-id': String(s.id) },
      editable ? h('span', { class: 'drag-handle', 'aria-hidden': 'true', title: t('outline.drag') }, '⠿') : null,
      h(
        'div',
        { class: 'outline-main' },
        h('a', { href: `#/papers/${paperId}/sections/${s.id}`, dir: 'auto', class: 'outline-link' }, sectionTitle(s)),
        ' ',
        h('span', { class: `kind kind-${s.kind.toLowerCase()}` }, kindLabel(s.kind)),
      ),
      editable &&
      h(
        'div',
        { class: 'outline-actions' },
        up,
        down,
        h('details', { class: 'inline-edit' }, h('summary', { 'aria-label': t('outline.editLabel', { heading: s.heading }) }, t('outline.edit')), edit),
        del,
      ),
    );
    li.addEventListener('dragstart', (e) => {
      dragged = s.id;
      e.dataTransfer?.setData('text/plain', String(s.id));
      li.classList.add('dragging');
    });
    li.addEventListener('dragend', () => li.classList.remove('dragging'));
    li.addEventListener('dragover', (e) => {
      e.preventDefault();
      li.classList.add('drop-target');
    });
    li.addEventListener('dragleave', () => li.classList.remove('drop-target'));
    li.addEventListener('drop', (e) => {
      e.preventDefault();
      li.classList.remove('drop-target');
      const moving = sections.find((x) => x.id === dragged);
      dragged = null;
      if (moving !== undefined && moving.id !== s.id) void move(moving, index);
    });
    return li;
  };

  const focusOn = (sectionId: number, action: string): void => {
    const item = outlineBox.querySelector(`[data-section-id="${sectionId}"]`);
    const target = item?.querySelector<HTMLButtonElement>(`[data-action="${action}"]`);
    if (target !== null && target !== undefined && !target.disabled) target.focus();
    else item?.querySelector<HTMLElement>('a')?.focus();
  };

  const renderOutline = (): void => {
    const headingField = field({ name: 'heading', label: t('outline.addHeading'), required: true, dir: 'auto' });
    const kindField = field({
      name: 'kind',
      label: t('outline.kind'),
      options: SECTION_KINDS.map((k) => [k, kindLabel(k)] as const),
    });
    const add = form(t('outline.add'), [headingField, kindField], t('outline.add'), async (alertBox) => {
      const answer = await ctx.api.post<Section>(`/api/papers/${paperId}/sections`, {
        heading: headingField.input.value,
        kind: kindField.input.value,
      });
      if (!answer.ok) {
        showFormFailure(alertBox, [headingField, kindField], answer.failure);
        return;
      }
      ctx.announce(t('outline.added', { heading: answer.value.heading }));
      await load();
    });
    replace(outlineBox, 
      sections.length === 0
        ? h('p', { class: 'empty' }, t('outline.empty'))
        : h('ol', { class: 'outline', 'aria-label': t('paper.outline') }, ...sections.map(renderItem)),
      editable ? h('p', { class: 'hint' }, t('outline.reorderHint')) : null,
      editable ? h('details', { class: 'create' }, h('summary', {}, t('outline.add')), add) : null,
      editable && deleted.length > 0
        ? h(
            'details',
            { class: 'deleted' },
            h('summary', {}, t('outline.deletedList', { n: deleted.length })),
            h(
              'ul',
              {},
              ...deleted.map((s) =>
                h(
                  'li',
                  {},
                  h('span', { dir: 'auto' }, s.heading),
                  ' ',
                  button(
                    t('outline.restore'),
                    () => void act(() => ctx.api.post(`/api/papers/${paperId}/sections/${s.id}/restore`), t('outline.restored', { heading: s.heading })),
                    { 'aria-label': t('outline.restoreLabel', { heading: s.heading }) },
                  ),
                ),
              ),
            ),
          )
        : null,
    );
  };

  // Another person's change (or one's own, echoed by the stream) redraws the outline; whoever is
  // working in it keeps their place.
  const reloadKeepingFocus = async (): Promise<void> => {
    const active = document.activeElement;
    const item = active instanceof HTMLElement && outlineBox.contains(active) ? active.closest<HTMLElement>('[data-section-id]') : null;
    const action = active instanceof HTMLElement ? active.getAttribute('data-action') : null;
    await load();
    if (item !== null) focusOn(Number(item.dataset['sectionId']), action ?? '');
  };
  return {
    element: h(
      'section',
      { 'aria-labelledby': 'outline-h', class: 'panel' },
      h('h2', { id: 'outline-h' }, t('paper.outline')),
      outlineAlert,
      outlineBox,
      // Outside the box the outline redraws, so a chosen file and its preview stay put.
      editable ? importPanel(ctx, { kind: 'paper', paperId }, () => load()) : null,
    ),
    load: () => load(),
    reloadKeepingFocus,
    sections: () => sections,
  };
}
