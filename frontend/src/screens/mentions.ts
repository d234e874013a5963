/** @mention completion on a textarea (combobox with a listbox of the paper's members). */
import { mentionAt } from '../anchor';
import type { Client } from '../client';
import { h } from '../dom';
import { t } from '../strings';
import type { Mentionable } from '../types';
import { uid } from '../ui';

export function withMentions(api: Client, paperId: number, area: HTMLTextAreaElement): HTMLElement {
  const listId = uid('mentions');
  const list = h('ul', { id: listId, role: 'listbox', class: 'mentions', hidden: true, 'aria-label': t('comments.mentions') });
  area.setAttribute('role', 'combobox');
  area.setAttribute('aria-autocomplete', 'list');
  area.setAttribute('aria-controls', listId);
  area.setAttribute('aria-expanded', 'false');
  let items: Mentionable[] = [];
  let active = -1;
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const close = (): void => {
    list.hidden = true;
    items = [];
    active = -1;
    area.setAttribute('aria-expanded', 'false');
    area.removeAttribute('aria-activedescendant');
  };
  const highlight = (index: number): void => {
    active = index;
    [...list.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === index)));
    const current = list.children[index];
    if (current !== undefined) area.setAttribute('aria-activedescendant', current.id);
  };
  const choose = (m: Mentionable): void => {
    const at = mentionAt(area.value, area.selectionStart);
    if (at === null) return close();
    const insert = `@${m.handle} `;
    area.setRangeText(insert, at.from, area.selectionStart, 'end');
    close();
    area.focus();
  };
  const show = (found: Mentionable[]): void => {
    items = found;
    if (found.length === 0) return close();
    list.replaceChildren(
      ...found.map((m, i) => {
        const li = h('li', { id: `${listId}-${i}`, role: 'option', 'aria-selected': 'false' }, `@${m.handle}`, h('span', { class: 'muted' }, ` ${m.displayName}`));
        li.addEventListener('mousedown', (e) => {
          e.preventDefault();
          choose(m);
        });
        return li;
      }),
    );
    list.hidden = false;
    area.setAttribute('aria-expanded', 'true');
    highlight(0);
  };
  area.addEventListener('input', () => {
    const at = mentionAt(area.value, area.selectionStart);
    if (at === null) return close();
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      const mine = ++seq;
      void api.get<Mentionable[]>(`/api/papers/${paperId}/mentionable?q=${encodeURIComponent(at.query)}`).then((a) => {
        if (mine === seq && a.ok) show(a.value.slice(0, 8));
      });
    }, 200);
  });
  area.addEventListener('keydown', (e) => {
    if (list.hidden || items.length === 0) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      highlight((active + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length);
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      const m = items[active];
      if (m !== undefined) {
        e.preventDefault();
        choose(m);
      }
    } else if (e.key === 'Escape') {
      e.preventDefault();
      close();
    }
  });
  area.addEventListener('blur', () => setTimeout(close, 150));
  return list;
}
