/** The workshop board: sessions, their breakout groups, members, assigned sections, progress. */
import { loadFailed, type Ctx } from '../app';
import { append, h } from '../dom';
import { formatCount, formatDateTime } from '../format';
import { canManage, roleIn } from '../roles';
import { t } from '../strings';
import type { Group, GroupProgress, Member, Section, Workshop } from '../types';
import { button, failureBox, field, form, showFormFailure, uid } from '../ui';
import { paperNav, sectionTitle } from './paper';

export async function showWorkshops(ctx: Ctx, paperId: number): Promise<void> {
  const root = ctx.mount('workshops', t('workshops.title'));
  append(root, paperNav(paperId, 'workshops'));
  const base = `/api/papers/${paperId}/workshops`;
  const paperA = await ctx.api.get<{ id: number; role?: unknown }>(`/api/papers/${paperId}`);
  const isOwner = paperA.ok && canManage(await roleIn(ctx.api, ctx.me(), paperA.value));
  const [workshopsA, sectionsA, membersA] = await Promise.all([
    ctx.api.get<Workshop[]>(base),
    ctx.api.get<Section[]>(`/api/papers/${paperId}/sections`),
    // Only owners may list members; others see the groups without names.
    isOwner ? ctx.api.get<Member[]>(`/api/papers/${paperId}/members`) : Promise.resolve(null),
  ]);
  if (!workshopsA.ok) {
    loadFailed(ctx, root, workshopsA.failure);
    return;
  }
  const sections = sectionsA.ok ? sectionsA.value : [];
  const members = membersA !== null && membersA.ok ? membersA.value : [];
  const memberName = (id: number): string => members.find((m) => m.accountId === id)?.displayName ?? t('workshops.memberN', { id });
  const sectionName = (id: number): string => {
    const s = sections.find((x) => x.id === id);
    return s === undefined ? `#${id}` : sectionTitle(s);
  };
  const alertBox = h('div', { class: 'form-alert' });

  const checklist = (legend: string, options: readonly (readonly [number, string])[], selected: readonly number[]): { el: HTMLElement; values: () => number[] } => {
    const inputs = options.map(([id, label]) => {
      const inputId = uid('pick');
      const input = h('input', { type: 'checkbox', id: inputId, value: String(id), checked: selected.includes(id) });
      return { input, wrap: h('div', { class: 'check' }, input, h('label', { for: inputId, dir: 'auto' }, label)) };
    });
    return {
      el: h('fieldset', { class: 'checklist' }, h('legend', {}, legend), ...inputs.map((i) => i.wrap)),
      values: () => inputs.filter((i) => i.input.checked).map((i) => Number(i.input.value)),
    };
  };

  const groupCard = (w: Workshop, g: Group): HTMLElement => {
    const progressBox = h('div', { 'aria-live': 'polite' });
    const loadProgress = async (): Promise<void> => {
      const answer = await ctx.api.get<GroupProgress>(`/api/papers/${paperId}/groups/${g.id}/progress`);
      if (!answer.ok) {
        progressBox.replaceChildren(failureBox(answer.failure));
        return;
      }
      const p = answer.value;
      progressBox.replaceChildren(
        h('p', {}, t('workshops.progress', { words: formatCount(p.words, ctx.locale), revisions: p.revisions }), p.lastActivity !== null ? ` · ${t('workshops.last', { when: formatDateTime(p.lastActivity, ctx.locale) })}` : ''),
        h(
          'table',
          { class: 'table' },
          h('caption', {}, t('workshops.progressOf', { name: g.name })),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('workshops.section')), h('th', { scope: 'col' }, t('workshops.words')), h('th', { scope: 'col' }, t('workshops.revisions')))),
          h(
            'tbody',
            {},
            ...p.sections.map((s) =>
              h(
                'tr',
                {},
                h('th', { scope: 'row', dir: 'auto' }, s.heading),
                h('td', {}, formatCount(s.words, ctx.locale)),
                h('td', {}, t('workshops.byGroup', { n: s.revisions, group: s.revisionsByGroup })),
              ),
            ),
          ),
        ),
      );
    };
    const membersPick = checklist(t('workshops.members'), members.map((m) => [m.accountId, m.displayName] as const), g.memberIds);
    const sectionsPick = checklist(t('workshops.sections'), sections.map((s) => [s.id, sectionTitle(s)] as const), g.sectionIds);
    const saveAssignments = async (): Promise<void> => {
      const gbase = `${base}/${w.id}/groups/${g.id}`;
      const a = await ctx.api.put(`${gbase}/members`, { accountIds: membersPick.values() });
      const b = a.ok ? await ctx.api.put(`${gbase}/sections`, { sectionIds: sectionsPick.values() }) : a;
      if (!b.ok) {
        alertBox.replaceChildren(failureBox(b.failure));
        return;
      }
      ctx.announce(t('workshops.assigned', { name: g.name }));
      ctx.refresh();
    };
    return h(
      'li',
      { class: 'card group' },
      h('h4', { dir: 'auto' }, g.name),
      g.facilitatorId !== null ? h('p', {}, t('workshops.facilitator', { name: memberName(g.facilitatorId) })) : null,
      h('p', {}, h('strong', {}, t('workshops.members')), ': ', g.memberIds.length === 0 ? t('workshops.noneYet') : g.memberIds.map(memberName).join(', ')),
      h('p', {}, h('strong', {}, t('workshops.sections')), ': ', g.sectionIds.length === 0 ? t('workshops.noneYet') : ''),
      g.sectionIds.length > 0
        ? h('ul', {}, ...g.sectionIds.map((id) => h('li', {}, h('a', { href: `#/papers/${paperId}/sections/${id}`, dir: 'auto' }, sectionName(id)))))
        : null,
      isOwner
        ? h(
            'details',
            {},
            h('summary', {}, t('workshops.assign', { name: g.name })),
            membersPick.el,
            sectionsPick.el,
            button(t('common.save'), () => void saveAssignments(), { class: 'primary' }),
          )
        : null,
      isOwner ? button(t('workshops.showProgress'), () => void loadProgress(), { 'aria-label': t('workshops.showProgressOf', { name: g.name }) }) : null,
      progressBox,
    );
  };

  const workshopCard = (w: Workshop): HTMLElement => {
    const groupName = field({ name: 'name', label: t('workshops.groupName'), required: true, dir: 'auto' });
    const facilitator = field({
      name: 'facilitatorId',
      label: t('workshops.facilitatorLabel'),
      options: [['', t('workshops.noFacilitator')] as const, ...members.map((m) => [String(m.accountId), m.displayName] as const)],
    });
    const addGroup = form(t('workshops.addGroup'), [groupName, facilitator], t('workshops.addGroup'), async (box) => {
      const answer = await ctx.api.post(`${base}/${w.id}/groups`, {
        name: groupName.input.value,
        facilitatorId: facilitator.input.value === '' ? null : Number(facilitator.input.value),
      });
      if (!answer.ok) {
        showFormFailure(box, [groupName, facilitator], answer.failure);
        return;
      }
      ctx.announce(t('workshops.groupAdded'));
      ctx.refresh();
    });
    return h(
      'li',
      { class: 'panel workshop', 'data-workshop-id': String(w.id) },
      h('h2', { dir: 'auto' }, w.title),
      h('p', { class: 'meta' }, t('workshops.when', { from: formatDateTime(w.startsAt, ctx.locale, w.timeZone), to: formatDateTime(w.endsAt, ctx.locale, w.timeZone), zone: w.timeZone })),
      w.place !== null && w.place !== '' ? h('p', { dir: 'auto' }, t('workshops.place', { place: w.place })) : null,
      w.onlineLink !== null && w.onlineLink !== '' ? h('p', {}, h('a', { href: w.onlineLink, rel: 'noopener' }, t('workshops.join'))) : null,
      w.agenda !== null && w.agenda !== '' ? h('details', {}, h('summary', {}, t('workshops.agenda')), h('pre', { class: 'source', dir: 'auto' }, w.agenda)) : null,
      h('h3', {}, t('workshops.groups')),
      w.groups.length === 0 ? h('p', { class: 'muted' }, t('workshops.noGroups')) : h('ul', { class: 'cards groups' }, ...w.groups.map((g) => groupCard(w, g))),
      isOwner ? h('details', { class: 'create' }, h('summary', {}, t('workshops.addGroup')), addGroup) : null,
    );
  };

  const title = field({ name: 'title', label: t('workshops.sessionTitle'), required: true, dir: 'auto' });
  const starts = field({ name: 'startsAt', label: t('workshops.starts'), type: 'datetime-local', required: true });
  const ends = field({ name: 'endsAt', label: t('workshops.ends'), type: 'datetime-local', required: true });
  const zone = field({ name: 'timeZone', label: t('workshops.zone'), value: Intl.DateTimeFormat().resolvedOptions().timeZone, required: true, hint: t('workshops.zoneHint') });
  const place = field({ name: 'place', label: t('workshops.placeLabel'), dir: 'auto' });
  const online = field({ name: 'onlineLink', label: t('workshops.online'), type: 'url' });
  const agenda = field({ name: 'agenda', label: t('workshops.agenda'), multiline: true, rows: 4, dir: 'auto' });
  const seconds = (v: string): string => (v.length === 16 ? `${v}:00` : v);
  const create = form(t('workshops.add'), [title, starts, ends, zone, place, online, agenda], t('workshops.add'), async (box) => {
    const answer = await ctx.api.post(base, {
      title: title.input.value,
      startsAt: seconds(starts.input.value),
      endsAt: seconds(ends.input.value),
      timeZone: zone.input.value,
      place: place.input.value || null,
      onlineLink: online.input.value || null,
      agenda: agenda.input.value || null,
    });
    if (!answer.ok) {
      showFormFailure(box, [title, starts, ends, zone, place, online, agenda], answer.failure);
      return;
    }
    ctx.announce(t('workshops.added'));
    ctx.refresh();
  });

  append(root, 
    alertBox,
    workshopsA.value.length === 0
      ? h('p', { class: 'empty' }, t('workshops.none'))
      : h('ul', { class: 'plain' }, ...workshopsA.value.map(workshopCard)),
    isOwner ? h('details', { class: 'create' }, h('summary', {}, t('workshops.add')), create) : null,
  );
}
