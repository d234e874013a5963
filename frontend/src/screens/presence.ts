/** "Here now": who else is in the paper (or this section), as the live stream tells it. */
import type { Ctx } from '../app';
import { h } from '../dom';
import { others, type Present } from '../presence';
import { t } from '../strings';

/**
 * A line naming the others present, kept up to date; empty (hidden) when nobody else is here. With
 * `sectionId` only the people in that section; otherwise everyone, with the section they are in.
 */
export function presenceLine(ctx: Ctx, sectionId: number | null, headingOf: (id: number) => string | undefined = () => undefined): HTMLElement {
  const line = h('p', { class: 'presence', 'data-panel': 'presence' });
  const label = (p: Present): string => {
    const section = sectionId === null && p.sectionId !== null ? headingOf(p.sectionId) : undefined;
    if (section !== undefined) return t(p.editing ? 'presence.editingIn' : 'presence.in', { name: p.displayName, section });
    return p.editing ? t('presence.editing', { name: p.displayName }) : p.displayName;
  };
  const render = (): void => {
    const people = others(ctx.live.present(), ctx.me()?.id ?? null, sectionId);
    line.hidden = people.length === 0;
    line.replaceChildren(
      h('strong', {}, t('presence.here')),
      ' ',
      ...people.flatMap((p, i) => [i > 0 ? ', ' : '', h('span', { dir: 'auto' }, label(p))]),
    );
  };
  ctx.onLeave(
    ctx.live.subscribe((event) => {
      if (event.event === 'hello' || event.event === 'presence') render();
    }),
  );
  render();
  return line;
}
