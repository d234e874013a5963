/** Your notifications: newest first, unread marked, mark one or all as read. */
import { loadFailed, type Ctx } from '../app';
import { append, h } from '../dom';
import { formatDateTime } from '../format';
import { t } from '../strings';
import type { Notification, NotificationPage } from '../types';
import { button, failureBox } from '../ui';

function target(n: Notification): string | null {
  if (n.paperId === null) return null;
  if (n.draftId !== null) return `#/papers/${n.paperId}/drafts/${n.draftId}`;
  if (n.sectionId !== null) return `#/papers/${n.paperId}/sections/${n.sectionId}`;
  return `#/papers/${n.paperId}`;
}

const REASONS = [
  'MENTION',
  'REPLY',
  'DRAFT_MERGED',
  'DRAFT_REJECTED',
  'DRAFT_OUTDATED',
  'ENDORSED_PROPOSAL_CHANGED',
  'COMMENT_FLAGGED',
] as const;

export function describeNotification(n: Notification): string {
  const who = n.actor?.displayName ?? t('common.someone');
  const where = n.sectionHeading ?? n.paperTitle ?? '';
  return (REASONS as readonly string[]).includes(n.reason)
    ? t(`notify.${n.reason as (typeof REASONS)[number]}`, { who, where })
    : t('notify.generic', { who, what: n.type, where });
}

export async function showNotifications(ctx: Ctx): Promise<void> {
  const root = ctx.mount('notifications', t('notify.title'));
  const answer = await ctx.api.get<NotificationPage>('/api/me/notifications?limit=100');
  if (!answer.ok) {
    loadFailed(ctx, root, answer.failure);
    return;
  }
  const alertBox = h('div', { class: 'form-alert' });
  const page = answer.value;
  const markAll = async (): Promise<void> => {
    const a = await ctx.api.post('/api/me/notifications/read');
    if (!a.ok) {
      alertBox.replaceChildren(failureBox(a.failure));
      return;
    }
    ctx.announce(t('notify.allRead'));
    ctx.refreshUnread();
    ctx.refresh();
  };
  append(root, 
    h('p', {}, t('notify.unread', { n: page.unread })),
    page.unread > 0 ? h('p', {}, button(t('notify.markAll'), () => void markAll())) : null,
    alertBox,
    page.items.length === 0
      ? h('p', { class: 'empty' }, t('notify.none'))
      : h(
          'ul',
          { class: 'cards' },
          ...page.items.map((n) => {
            const to = target(n);
            const read = button(
              t('notify.markRead'),
              () =>
                void ctx.api.post(`/api/me/notifications/${n.id}/read`).then((a) => {
                  if (a.ok) {
                    ctx.refreshUnread();
                    ctx.refresh();
                  } else alertBox.replaceChildren(failureBox(a.failure));
                }),
              { class: 'small' },
            );
            return h(
              'li',
              { class: `card${n.read ? '' : ' unread'}` },
              h('p', { dir: 'auto' }, n.read ? null : h('strong', {}, `${t('notify.new')} `), to !== null ? h('a', { href: to }, describeNotification(n)) : describeNotification(n)),
              n.excerpt !== null ? h('blockquote', { dir: 'auto' }, n.excerpt) : null,
              h('p', { class: 'meta' }, formatDateTime(n.at, ctx.locale), n.paperTitle !== null ? ` · ${n.paperTitle}` : '', ' ', n.read ? null : read),
            );
          }),
        ),
  );
}
