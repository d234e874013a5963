/** The paper's members and invitation links (owners). */
import type { Ctx } from '../app';
import { h } from '../dom';
import { formatDateTime } from '../format';
import { joinLink } from '../router';
import { t } from '../strings';
import { ROLES, type Invitation, type Member } from '../types';
import { button, failureBox, field, form, showFormFailure } from '../ui';
import { roleLabel } from './paper';

export function membersPanel(ctx: Ctx, paperId: number): HTMLElement {
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
