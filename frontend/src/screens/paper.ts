/** The paper page: its outline (add, rename, kind, reorder, delete, restore), status, members. */
import { link, loadFailed, type Ctx } from '../app';
import { append, h, replace } from '../dom';
import { formatDateTime } from '../format';
import type { Failure } from '../problem';
import { canEdit, canManage, roleIn } from '../roles';
import { joinLink } from '../router';
import { t } from '../strings';
import { presenceLine } from './presence';
import { ROLES, SECTION_KINDS, type Invitation, type Member, type Paper, type Section } from '../types';
import { formatSignatories, parseSignatories } from '../signatories';
import { button, failureBox, field, form, showFormFailure } from '../ui';
import { statusBadge } from './papers';
import { archivePanel, auditPanel, flaggedPanel, searchPanel } from './stewardship';

export function kindLabel(kind: string): string {
  return t(`kind.${kind}` as 'kind.NARRATIVE');
}

export function roleLabel(role: string): string {
  return t(`role.${role}` as 'role.OWNER');
}

/** "Proposal 3: Heading" or just the heading. */
export function sectionTitle(s: Pick<Section, 'heading' | 'proposalNumber'>): string {
  return s.proposalNumber !== null ? t('section.numbered', { n: s.proposalNumber, heading: s.heading }) : s.heading;
}

export function paperNav(paperId: number, current: string): HTMLElement {
  const items: [string, string][] = [
    ['paper', t('paper.outline')],
    ['drafts', t('nav.drafts')],
    ['endorsements', t('nav.endorsements')],
    ['workshops', t('nav.workshops')],
    ['publish', t('nav.publish')],
  ];
  return h(
    'nav',
    { class: 'paper-nav', 'aria-label': t('nav.paper') },
    h(
      'ul',
      {},
      ...items.map(([name, label]) =>
        h(
          'li',
          {},
          link(
            label,
            name === 'paper' ? { name: 'paper', paperId } : ({ name, paperId } as { name: 'drafts'; paperId: number }),
            current === name ? { 'aria-current': 'page' } : {},
          ),
        ),
      ),
    ),
  );
}

export async function showPaper(ctx: Ctx, paperId: number): Promise<void> {
  const root = ctx.mount('paper', t('common.loading'));
  const paperAnswer = await ctx.api.get<Paper>(`/api/papers/${paperId}`);
  if (!paperAnswer.ok) {
    loadFailed(ctx, root, paperAnswer.failure);
    return;
  }
  const paper = paperAnswer.value;
  const role = await roleIn(ctx.api, ctx.me(), paper);
  const isOwner = canManage(role);
  const editable = canEdit(role);
  const heading = root.querySelector('h1');
  if (heading !== null) {
    heading.textContent = paper.title;
    heading.setAttribute('lang', paper.language);
  }
  document.title = `${paper.title} – Plenary`;
  const outline = outlinePanel(ctx, paperId, editable);
  append(root, 
    paperNav(paperId, 'paper'),
    paper.subtitle !== null ? h('p', { class: 'subtitle', dir: 'auto', lang: paper.language }, paper.subtitle) : null,
    h('p', { class: 'meta' }, statusBadge(paper.status), ' ', t('papers.updated', { when: formatDateTime(paper.updatedAt, ctx.locale) })),
    paper.archived ? h('p', { class: 'notice', 'data-archived': 'true' }, t('archive.notice')) : null,
    searchPanel(ctx, paper),
    outline.element,
  );

  await outline.load();
  ctx.live.at(null, false);
  root.querySelector('h1')?.after(presenceLine(ctx, null, (id) => outline.sections().find((s) => s.id === id)?.heading));

  const unsubscribe = ctx.live.subscribe((event) => {
    if (event.event.startsWith('section.') || event.event.startsWith('outline.')) void outline.reloadKeepingFocus();
  });
  ctx.onLeave(unsubscribe);

  if (editable) append(root, flaggedPanel(ctx, paperId, () => outline.sections()).element, detailsPanel(ctx, paper));
  if (isOwner) append(root, statusPanel(ctx, paper), membersPanel(ctx, paperId), archivePanel(ctx, paper), auditPanel(ctx, paperId));
}

/** The outline: sections in order (add, rename, change kind, delete, restore, reorder for editors). */
function outlinePanel(
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
    element: h('section', { 'aria-labelledby': 'outline-h', class: 'panel' }, h('h2', { id: 'outline-h' }, t('paper.outline')), outlineAlert, outlineBox),
    load: () => load(),
    reloadKeepingFocus,
    sections: () => sections,
  };
}

/** Title, subtitle, summary and what the published edition needs (editors and owners). */
function detailsPanel(ctx: Ctx, paper: Paper): HTMLElement {
  const title = field({ name: 'title', label: t('details.title'), value: paper.title, required: true, dir: 'auto' });
  const subtitle = field({ name: 'subtitle', label: t('details.subtitle'), value: paper.subtitle ?? '', dir: 'auto' });
  const summary = field({ name: 'summary', label: t('details.summary'), value: paper.summary ?? '', multiline: true, rows: 3, dir: 'auto' });
  const initiative = field({ name: 'initiative', label: t('details.initiative'), value: paper.initiative ?? '', dir: 'auto' });
  const keywords = field({ name: 'keywords', label: t('details.keywords'), value: (paper.keywords ?? []).join(', '), hint: t('details.keywordsHint'), dir: 'auto' });
  const signatories = field({
    name: 'signatories',
    label: t('details.signatories'),
    value: formatSignatories(paper.signatories ?? []),
    multiline: true,
    rows: 3,
    hint: t('details.signatoriesHint'),
    dir: 'auto',
  });
  const fields = [title, subtitle, summary, initiative, keywords, signatories];
  return h(
    'details',
    { class: 'panel', 'data-panel': 'details' },
    h('summary', {}, t('details.heading')),
    form(t('details.heading'), fields, t('common.save'), async (alertBox) => {
      const answer = await ctx.api.patch<Paper>(`/api/papers/${paper.id}`, {
        title: title.input.value,
        subtitle: subtitle.input.value,
        summary: summary.input.value,
        initiative: initiative.input.value,
        keywords: keywords.input.value.split(',').map((k) => k.trim()).filter((k) => k !== ''),
        signatories: parseSignatories(signatories.input.value),
      });
      if (!answer.ok) {
        showFormFailure(alertBox, fields, answer.failure);
        return;
      }
      showFormFailure(alertBox, fields, null);
      ctx.announce(t('details.saved'));
    }),
  );
}

function statusPanel(ctx: Ctx, paper: Paper): HTMLElement {
  const status = field({
    name: 'status',
    label: t('paper.newStatus'),
    value: paper.status,
    options: (['DRAFTING', 'REVIEW', 'FROZEN'] as const).map((s) => [s, t(`status.${s}`)] as const),
  });
  const reason = field({ name: 'reason', label: t('paper.statusReason'), multiline: true, rows: 2, dir: 'auto' });
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'status-h' },
    h('h2', { id: 'status-h' }, t('paper.statusTitle')),
    form(t('paper.statusTitle'), [status, reason], t('paper.changeStatus'), async (alertBox) => {
      const answer = await ctx.api.post<Paper>(`/api/papers/${paper.id}/status`, { status: status.input.value, reason: reason.input.value || null });
      if (!answer.ok) {
        showFormFailure(alertBox, [status, reason], answer.failure);
        return;
      }
      ctx.announce(t('paper.statusChanged'));
      ctx.refresh();
    }),
  );
}

function membersPanel(ctx: Ctx, paperId: number): HTMLElement {
  const box = h('div');
  const invitesBox = h('div');
  const alertBox = h('div', { class: 'form-alert' });
  const reload = async (): Promise<void> => {
    const [m, i] = await Promise.all([
      ctx.api.get<Member[]>(`/api/papers/${paperId}/members`),
      ctx.api.get<Invitation[]>(`/api/papers/${paperId}/invitations`),
    ]);
    if (m.ok) renderMembers(m.value);
    else alertBox.replaceChildren(failureBox(m.failure));
    if (i.ok) renderInvitations(i.value);
  };
  const renderMembers = (list: Member[]): void => {
    box.replaceChildren(
      h(
        'div',
        { class: 'table-wrap' },
        h(
        'table',
        { class: 'table' },
        h('caption', { class: 'visually-hidden' }, t('members.title')),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('members.name')), h('th', { scope: 'col' }, t('members.role')), h('th', { scope: 'col' }, t('common.actions')))),
        h(
          'tbody',
          {},
          ...list.map((m) => {
            const role = field({
              name: 'role',
              label: t('members.roleOf', { name: m.displayName }),
              value: m.role,
              options: ROLES.map((r) => [r, roleLabel(r)] as const),
            });
            role.wrap.classList.add('compact');
            role.input.addEventListener('change', () => {
              void ctx.api.patch(`/api/papers/${paperId}/members/${m.accountId}`, { role: role.input.value }).then((a) => {
                if (a.ok) ctx.announce(t('members.roleChanged', { name: m.displayName }));
                else {
                  alertBox.replaceChildren(failureBox(a.failure));
                  role.input.value = m.role;
                }
              });
            });
            return h(
              'tr',
              {},
              h('td', { dir: 'auto' }, m.displayName, h('br'), h('span', { class: 'muted' }, `@${m.handle}`)),
              h('td', {}, role.wrap),
              h(
                'td',
                {},
                button(
                  t('members.remove'),
                  () =>
                    void ctx.api.del(`/api/papers/${paperId}/members/${m.accountId}`).then((a) => {
                      if (a.ok) {
                        ctx.announce(t('members.removed', { name: m.displayName }));
                        void reload();
                      } else alertBox.replaceChildren(failureBox(a.failure));
                    }),
                  { 'aria-label': t('members.removeLabel', { name: m.displayName }), class: 'danger' },
                ),
              ),
            );
          }),
        ),
      ),
      ),
    );
  };
  const renderInvitations = (list: Invitation[]): void => {
    invitesBox.replaceChildren(
      list.length === 0
        ? h('p', {}, t('invite.none'))
        : h(
            'ul',
            { class: 'plain' },
            ...list.map((i) =>
              h(
                'li',
                {},
                t('invite.summary', {
                  role: roleLabel(i.role),
                  uses: i.uses,
                  max: i.maxUses,
                  when: formatDateTime(i.expiresAt, ctx.locale),
                }),
                i.note !== null ? h('span', { dir: 'auto' }, ` — ${i.note}`) : null,
                i.revoked
                  ? h('span', { class: 'muted' }, ` ${t('invite.revoked')}`)
                  : button(
                      t('invite.revoke'),
                      () => void ctx.api.del(`/api/papers/${paperId}/invitations/${i.id}`).then(() => void reload()),
                      { class: 'danger small' },
                    ),
              ),
            ),
          ),
    );
  };
  void reload();

  const handle = field({ name: 'handle', label: t('members.handle'), required: true });
  const role = field({ name: 'role', label: t('members.role'), value: 'CONTRIBUTOR', options: ROLES.map((r) => [r, roleLabel(r)] as const) });
  const addForm = form(t('members.add'), [handle, role], t('members.add'), async (a) => {
    const answer = await ctx.api.post(`/api/papers/${paperId}/members`, { handle: handle.input.value.replace(/^@/, ''), role: role.input.value });
    if (!answer.ok) {
      showFormFailure(a, [handle, role], answer.failure);
      return;
    }
    handle.input.value = '';
    ctx.announce(t('members.added'));
    await reload();
  });

  const inviteRole = field({ name: 'role', label: t('members.role'), value: 'CONTRIBUTOR', options: ROLES.map((r) => [r, roleLabel(r)] as const) });
  const days = field({ name: 'expiresInDays', label: t('invite.days'), type: 'number', value: '14' });
  const uses = field({ name: 'maxUses', label: t('invite.uses'), type: 'number', value: '1' });
  const note = field({ name: 'note', label: t('invite.note'), dir: 'auto' });
  const created = h('div', { 'aria-live': 'polite' });
  const inviteForm = form(t('invite.create'), [inviteRole, days, uses, note], t('invite.create'), async (a) => {
    const answer = await ctx.api.post<Invitation>(`/api/papers/${paperId}/invitations`, {
      role: inviteRole.input.value,
      expiresInDays: Number(days.input.value) || null,
      maxUses: Number(uses.input.value) || null,
      note: note.input.value || null,
    });
    if (!answer.ok) {
      showFormFailure(a, [inviteRole, days, uses, note], answer.failure);
      return;
    }
    const token = answer.value.token ?? '';
    const url = joinLink(window.location.origin, window.location.pathname, token);
    const linkField = h('input', { id: 'invite-link', readonly: true, value: url, class: 'wide' });
    const copy = button(t('invite.copy'), () => {
      void navigator.clipboard?.writeText(url).then(() => ctx.announce(t('invite.copied')));
    });
    created.replaceChildren(
      h('p', { class: 'notice' }, t('invite.once')),
      h('label', { for: 'invite-link' }, t('invite.link')),
      linkField,
      copy,
    );
    await reload();
  });

  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'members-h', 'data-panel': 'members' },
    h('h2', { id: 'members-h' }, t('members.title')),
    alertBox,
    box,
    h('details', { class: 'create' }, h('summary', {}, t('members.add')), addForm),
    h('h3', {}, t('invite.title')),
    invitesBox,
    h('details', { class: 'create' }, h('summary', {}, t('invite.create')), inviteForm),
    created,
  );
}
