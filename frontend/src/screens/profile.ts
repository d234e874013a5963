/** Your profile: name, organisation, stakeholder group, attribution (Chatham House), email, password. */
import { loadFailed, type Ctx } from '../app';
import { append, h } from '../dom';
import { t } from '../strings';
import { ATTRIBUTIONS, STAKEHOLDER_GROUPS, type Profile } from '../types';
import { dataFileName } from '../moderation';
import { button, checkbox, failureBox, field, form, saveBlob, showFormFailure, uid } from '../ui';
import { groupLabel } from './endorse';

export function attributionFieldset(current: string): { el: HTMLElement; value: () => string } {
  const name = uid('attribution');
  const inputs = ATTRIBUTIONS.map((a) => {
    const id = uid('attr');
    const input = h('input', { type: 'radio', name, id, value: a, checked: a === current });
    return {
      input,
      wrap: h('div', { class: 'radio-block' }, input, h('label', { for: id }, h('strong', {}, t(`attribution.${a}`)), h('br'), h('span', { class: 'hint' }, t(`attribution.${a}.hint`)))),
    };
  });
  return {
    el: h('fieldset', { class: 'attribution' }, h('legend', {}, t('profile.attribution')), ...inputs.map((i) => i.wrap)),
    value: () => inputs.find((i) => i.input.checked)?.input.value ?? current,
  };
}

export function groupOptions(): (readonly [string, string])[] {
  return [['', t('group.none')] as const, ...STAKEHOLDER_GROUPS.map((g) => [g, groupLabel(g)] as const)];
}

export async function showProfile(ctx: Ctx): Promise<void> {
  const root = ctx.mount('profile', t('profile.title'));
  const answer = await ctx.api.get<Profile>('/api/me');
  if (!answer.ok) {
    loadFailed(ctx, root, answer.failure);
    return;
  }
  const p = answer.value;
  const displayName = field({ name: 'displayName', label: t('profile.name'), value: p.displayName, required: true, dir: 'auto', autocomplete: 'name' });
  const organisation = field({ name: 'organisation', label: t('profile.organisation'), value: p.organisation ?? '', dir: 'auto', autocomplete: 'organization' });
  const group = field({ name: 'stakeholderGroup', label: t('profile.group'), value: p.stakeholderGroup ?? '', options: groupOptions() });
  const country = field({ name: 'country', label: t('profile.country'), value: p.country ?? '', autocomplete: 'country-name' });
  const email = field({ name: 'email', label: t('profile.email'), type: 'email', value: p.email ?? '', autocomplete: 'email' });
  const notify = checkbox('emailNotifications', t('profile.emailNotifications'), p.emailNotifications);
  const attribution = attributionFieldset(p.attribution);
  const fields = [displayName, organisation, group, country, email];
  const profileForm = form(t('profile.title'), fields, t('common.save'), async (box) => {
    const body: Record<string, unknown> = {
      displayName: displayName.input.value,
      organisation: organisation.input.value,
      country: country.input.value,
      attribution: attribution.value(),
      emailNotifications: notify.input.checked,
    };
    if (group.input.value !== '') body['stakeholderGroup'] = group.input.value;
    if (email.input.value !== '') body['email'] = email.input.value;
    const a = await ctx.api.patch<Profile>('/api/me', body);
    if (!a.ok) {
      showFormFailure(box, fields, a.failure);
      return;
    }
    showFormFailure(box, fields, null);
    ctx.announce(t('profile.saved'));
  }, [attribution.el, notify.wrap]);

  const current = field({ name: 'currentPassword', label: t('profile.currentPassword'), type: 'password', required: true, autocomplete: 'current-password' });
  const next = field({ name: 'newPassword', label: t('profile.newPassword'), type: 'password', required: true, autocomplete: 'new-password', hint: t('password.policy') });
  const passwordForm = form(t('profile.changePassword'), [current, next], t('profile.changePassword'), async (box) => {
    const a = await ctx.api.post('/api/me/password', { currentPassword: current.input.value, newPassword: next.input.value });
    if (!a.ok) {
      showFormFailure(box, [current, next], a.failure);
      return;
    }
    current.input.value = '';
    next.input.value = '';
    showFormFailure(box, [current, next], null);
    ctx.announce(t('profile.passwordChanged'));
  });

  append(root, 
    h('p', {}, t('profile.handle', { handle: p.handle })),
    profileForm,
    p.kind === 'LOCAL' ? h('section', { class: 'panel', 'aria-labelledby': 'pw-h' }, h('h2', { id: 'pw-h' }, t('profile.changePassword')), passwordForm) : null,
    dataPanel(ctx),
    erasurePanel(ctx, root),
  );
}

/** Download my data: GET /api/me/data saved as a JSON file. */
function dataPanel(ctx: Ctx): HTMLElement {
  const alertBox = h('div', { class: 'form-alert' });
  const download = button(t('data.download'), () => {
    download.disabled = true;
    void ctx.api.blob('/api/me/data').then((answer) => {
      download.disabled = false;
      if (!answer.ok) {
        alertBox.replaceChildren(failureBox(answer.failure));
        return;
      }
      alertBox.replaceChildren();
      saveBlob(new Blob([answer.value], { type: 'application/json' }), dataFileName(new Date()));
      ctx.announce(t('data.downloaded'));
    });
  }, { 'data-action': 'download-data' });
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'data-h', 'data-panel': 'data' },
    h('h2', { id: 'data-h' }, t('data.title')),
    h('p', {}, t('data.intro')),
    alertBox,
    download,
  );
}

/** Erase my account, after a step that says what goes and what stays. */
function erasurePanel(ctx: Ctx, root: HTMLElement): HTMLElement {
  const confirm = field({ name: 'confirm', label: t('erase.confirm'), hint: t('erase.confirmHint'), required: true, autocomplete: 'off' });
  const eraseForm = form(t('erase.title'), [confirm], t('erase.submit'), async (box) => {
    const answer = await ctx.api.post('/api/me/erasure', { confirm: confirm.input.value });
    if (!answer.ok) {
      showFormFailure(box, [confirm], answer.failure);
      return;
    }
    ctx.announce(t('erase.done'));
    // The session is revoked: what is left is to say so and point to the sign-in page.
    const heading = root.querySelector('h1');
    root.replaceChildren(...(heading === null ? [] : [heading]), h('p', { role: 'status' }, t('erase.done')), h('p', {}, h('a', { href: '#/signin' }, t('erase.signIn'))));
    heading?.focus();
  });
  eraseForm.querySelector('button[type=submit]')?.classList.replace('primary', 'danger');
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'erase-h', 'data-panel': 'erasure' },
    h('h2', { id: 'erase-h' }, t('erase.title')),
    h('p', {}, t('erase.intro')),
    h('ul', {}, h('li', {}, t('erase.goes')), h('li', {}, t('erase.stays'))),
    h('p', { class: 'hint' }, t('erase.download')),
    h('details', { class: 'create' }, h('summary', {}, t('erase.start')), eraseForm),
  );
}
