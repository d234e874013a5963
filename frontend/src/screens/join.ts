/** An invitation link: see what it is for, join with your account, or create one with it. */
import { loadFailed, type Ctx } from '../app';
import { h } from '../dom';
import { formatDateTime } from '../format';
import { forgetRoles } from '../roles';
import { t } from '../strings';
import type { InvitationPreview, Member, SessionView } from '../types';
import { button, failureBox, field, form, showFormFailure } from '../ui';
import { roleLabel } from './paper';
import { attributionFieldset, groupOptions } from './profile';

export async function showJoin(
  ctx: Ctx,
  token: string,
  signedIn: () => void,
  storeToken: (token: string) => void,
): Promise<void> {
  const root = ctx.mount('join', t('join.title'));
  const path = `/api/invitations/${encodeURIComponent(token)}`;
  const preview = await ctx.api.get<InvitationPreview>(path);
  if (!preview.ok) {
    loadFailed(ctx, root, preview.failure);
    return;
  }
  const inv = preview.value;
  root.append(
    h('p', { dir: 'auto' }, t('join.intro', { paper: inv.paperTitle, role: roleLabel(inv.role), who: inv.invitedBy ?? t('common.someone') })),
    h('p', { class: 'muted' }, t('join.expires', { when: formatDateTime(inv.expiresAt, ctx.locale) })),
  );
  const me = ctx.me();
  if (me !== null) {
    const alertBox = h('div', { class: 'form-alert' });
    root.append(
      alertBox,
      button(t('join.accept', { name: me.displayName }), () =>
        void ctx.api.post<Member>(`${path}/accept`).then((a) => {
          if (!a.ok) {
            alertBox.replaceChildren(failureBox(a.failure));
            return;
          }
          forgetRoles();
          ctx.announce(t('join.joined'));
          ctx.go({ name: 'papers' });
        }),
      { class: 'primary' }),
    );
    return;
  }
  const handle = field({ name: 'handle', label: t('join.handle'), required: true, autocomplete: 'username', hint: t('join.handleHint') });
  const displayName = field({ name: 'displayName', label: t('profile.name'), required: true, dir: 'auto', autocomplete: 'name' });
  const password = field({ name: 'password', label: t('signin.password'), type: 'password', required: true, autocomplete: 'new-password', hint: t('password.policy') });
  const organisation = field({ name: 'organisation', label: t('profile.organisation'), dir: 'auto', autocomplete: 'organization' });
  const group = field({ name: 'stakeholderGroup', label: t('profile.group'), options: groupOptions() });
  const attribution = attributionFieldset('NAMED');
  const fields = [handle, displayName, password, organisation, group];
  const signUp = form(t('join.create'), fields, t('join.create'), async (box) => {
    const body: Record<string, unknown> = {
      handle: handle.input.value,
      displayName: displayName.input.value,
      password: password.input.value,
      organisation: organisation.input.value || null,
      attribution: attribution.value(),
    };
    if (group.input.value !== '') body['stakeholderGroup'] = group.input.value;
    const a = await ctx.api.post<SessionView>(`${path}/sign-up`, body);
    if (!a.ok) {
      showFormFailure(box, fields, a.failure);
      return;
    }
    storeToken(a.value.token);
    sessionStorage.setItem('plenary.returnTo', '#/');
    signedIn();
  }, [attribution.el]);
  root.append(
    h('section', { class: 'panel', 'aria-labelledby': 'join-new-h' }, h('h2', { id: 'join-new-h' }, t('join.create')), signUp),
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'join-have-h' },
      h('h2', { id: 'join-have-h' }, t('join.haveAccount')),
      h('p', {}, t('join.signInFirst')),
      button(t('signin.submit'), () => {
        sessionStorage.setItem('plenary.returnTo', window.location.hash);
        window.location.hash = '#/signin';
      }),
    ),
  );
}
