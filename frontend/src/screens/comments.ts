/** Comment threads beside the editor: on a passage (TextQuoteSelector) or the whole section. */
import type { Ctx } from '../app';
import { buildAnchor, type AnchorRequest } from '../anchor';
import { h } from '../dom';
import { formatDateTime } from '../format';
import { t } from '../strings';
import type { Answer } from '../client';
import { commentActions } from '../moderation';
import type { CommentVersion, CommentView, Thread } from '../types';
import { button, failureBox, field, form, showFormFailure, uid } from '../ui';
import { withMentions } from './mentions';
import { rememberTyping } from '../unsaved';

export interface EditorLink {
  selection(): { from: number; to: number };
  text(): string;
  savedText(): string;
  revision(): number;
  dirty(): boolean;
  select(from: number, to: number): void;
  /** Why a passage cannot be chosen now (no editor open), or null when it can. */
  selectionUnavailable?(): string | null;
}

export interface CommentsOptions {
  /** The panel's heading level (h3 when the panel sits under a section's own heading). */
  readonly level?: 'h2' | 'h3';
  /** Told how many threads are listed, after every load. */
  readonly onCount?: (n: number) => void;
}

function commentText(c: CommentView): HTMLElement {
  if (c.deleted) return h('p', { class: 'muted' }, t('comments.deleted'));
  if (c.hidden && c.body === null) return h('p', { class: 'muted' }, t('comments.hidden', { reason: c.hiddenReason ?? '' }));
  return h('p', { dir: 'auto', class: 'comment-body' }, c.body ?? '');
}

export function commentsPanel(
  ctx: Ctx,
  paperId: number,
  sectionId: number,
  canComment: boolean,
  canModerate: boolean,
  editor: EditorLink,
  options: CommentsOptions = {},
): { element: HTMLElement; refresh: () => void } {
  const list = h('div', { class: 'threads' });
  const alertBox = h('div', { class: 'form-alert' });
  const composer = h('div');
  // Unique ids: the paper's document shows one panel per section.
  const resolvedId = uid('show-resolved');
  const headingId = uid('comments-h');
  const showResolved = h('input', { type: 'checkbox', id: resolvedId });
  const base = `/api/papers/${paperId}`;

  const load = async (): Promise<void> => {
    const status = showResolved.checked ? 'all' : 'open';
    const answer = await ctx.api.get<Thread[]>(`${base}/sections/${sectionId}/comments?status=${status}`);
    if (!answer.ok) {
      list.replaceChildren(failureBox(answer.failure));
      return;
    }
    options.onCount?.(answer.value.length);
    list.replaceChildren(
      answer.value.length === 0
        ? h('p', { class: 'empty' }, t('comments.none'))
        : h('ol', { class: 'plain' }, ...answer.value.map(renderThread)),
    );
  };
  showResolved.addEventListener('change', () => void load());

  const act = async (path: string, message: string): Promise<void> => {
    const answer = await ctx.api.post(path);
    if (!answer.ok) {
      alertBox.replaceChildren(failureBox(answer.failure));
      return;
    }
    alertBox.replaceChildren();
    ctx.announce(message);
    await load();
  };

  /** A small form opened in place under a comment (flag, hide); Cancel closes it. */
  const inlineForm = (slot: HTMLElement, label: string, reasonLabel: string, required: boolean, submitLabel: string, send: (reason: string) => Promise<Answer<unknown>>, done: string): void => {
    const reason = field({ name: 'reason', label: reasonLabel, multiline: true, rows: 2, dir: 'auto', required, maxlength: 2000 });
    const f = form(label, [reason], submitLabel, async (box) => {
      const answer = await send(reason.input.value);
      if (!answer.ok) {
        showFormFailure(box, [reason], answer.failure);
        return;
      }
      ctx.announce(done);
      await load();
    }, [button(t('common.cancel'), () => slot.replaceChildren())]);
    slot.replaceChildren(f);
    reason.input.focus();
  };

  /** Every version of a comment's text, opened under it. */
  const showVersions = async (slot: HTMLElement, c: CommentView): Promise<void> => {
    const answer = await ctx.api.get<CommentVersion[]>(`${base}/comments/${c.id}/versions`);
    if (!answer.ok) {
      slot.replaceChildren(failureBox(answer.failure));
      return;
    }
    const headingId = uid('versions');
    slot.replaceChildren(
      h(
        'section',
        { class: 'versions', 'aria-labelledby': headingId, tabindex: '-1' },
        h('h4', { id: headingId }, t('mod.versionsTitle')),
        h(
          'ol',
          { class: 'plain' },
          ...answer.value.map((v) =>
            h('li', {}, h('p', { class: 'meta' }, t('mod.version', { n: v.number, when: formatDateTime(v.createdAt, ctx.locale) })), h('p', { dir: 'auto', class: 'comment-body' }, v.body)),
          ),
        ),
        button(t('mod.close'), () => slot.replaceChildren(), { class: 'small' }),
      ),
    );
    slot.querySelector<HTMLElement>('section')?.focus();
  };

  /** A comment's text with what this reader may do: edit and delete (author), flag, hide or show (editors), versions. */
  const commentBody = (c: CommentView): HTMLElement => {
    const name = c.author.displayName;
    const box = h('div', { class: 'comment', 'data-comment-id': String(c.id) }, commentText(c));
    const can = commentActions(c, canModerate);
    if (c.hidden && c.body !== null) box.append(h('p', { class: 'notice' }, t('mod.hiddenForEditors', { reason: c.hiddenReason ?? '' })));
    if (canModerate && (c.flags ?? 0) > 0) box.append(h('p', { class: 'badge-changed' }, t('mod.flagCount', { n: c.flags ?? 0 })));
    const slot = h('div', { class: 'comment-slot' });
    const edit = (): void => {
      const body = field({ name: 'body', label: t('comments.editLabel'), multiline: true, rows: 3, dir: 'auto', value: c.body ?? '' });
      const f = form(t('comments.editLabel'), [body], t('common.save'), async (alert) => {
        const answer = await ctx.api.patch(`${base}/comments/${c.id}`, { body: body.input.value });
        if (!answer.ok) {
          showFormFailure(alert, [body], answer.failure);
          return;
        }
        ctx.announce(t('comments.edited'));
        await load();
      }, [button(t('common.cancel'), () => void load())]);
      box.replaceChildren(f);
      body.input.focus();
    };
    const remove = async (): Promise<void> => {
      const answer = await ctx.api.del(`${base}/comments/${c.id}`);
      if (!answer.ok) {
        alertBox.replaceChildren(failureBox(answer.failure));
        return;
      }
      ctx.announce(t('comments.deletedNow'));
      await load();
    };
    const show = async (): Promise<void> => {
      const answer = await ctx.api.post(`${base}/comments/${c.id}/show`);
      if (!answer.ok) {
        alertBox.replaceChildren(failureBox(answer.failure));
        return;
      }
      ctx.announce(t('mod.shownNow'));
      await load();
    };
    const mine = c.mine && !c.deleted;
    const actions = h(
      'p',
      { class: 'actions' },
      mine ? button(t('comments.edit'), edit, { class: 'small' }) : null,
      mine ? button(t('comments.delete'), () => void remove(), { class: 'small danger' }) : null,
      can.versions ? button(t('mod.versions'), () => void showVersions(slot, c), { class: 'small', 'aria-label': t('mod.versionsLabel', { name }) }) : null,
      can.flag
        ? button(
            t('mod.flag'),
            () => inlineForm(slot, t('mod.flagLabel', { name }), t('mod.flagReason'), false, t('mod.flagSend'), (reason) => ctx.api.post(`${base}/comments/${c.id}/flag`, reason.trim() === '' ? {} : { reason }), t('mod.flaggedNow')),
            { class: 'small', 'aria-label': t('mod.flagLabel', { name }), 'data-action': 'flag' },
          )
        : null,
      can.hide
        ? button(
            t('mod.hide'),
            () => inlineForm(slot, t('mod.hideLabel', { name }), t('mod.hideReason'), true, t('mod.hideSend'), (reason) => ctx.api.post(`${base}/comments/${c.id}/hide`, { reason }), t('mod.hiddenNow')),
            { class: 'small danger', 'aria-label': t('mod.hideLabel', { name }), 'data-action': 'hide' },
          )
        : null,
      can.show ? button(t('mod.show'), () => void show(), { class: 'small', 'aria-label': t('mod.showLabel', { name }), 'data-action': 'show' }) : null,
      can.flagged ? h('span', { class: 'muted' }, t('mod.flaggedByMe')) : null,
      c.edited && !c.deleted ? h('span', { class: 'muted' }, t('comments.wasEdited')) : null,
    );
    if (actions.childElementCount > 0) box.append(actions);
    box.append(slot);
    return box;
  };

  const renderThread = (th: Thread): HTMLElement => {
    const a = th.anchor;
    const quote =
      a.status === 'SECTION'
        ? h('p', { class: 'anchor-tag' }, t('comments.onSection'))
        : h(
            'div',
            { class: `anchor anchor-${a.status.toLowerCase()}` },
            a.status === 'OUTDATED'
              ? h('p', { class: 'badge-outdated' }, t('comments.outdated'))
              : a.status === 'CHANGED'
                ? h('p', { class: 'badge-changed' }, t('comments.changed'))
                : null,
            h('blockquote', { dir: 'auto' }, a.status === 'OUTDATED' ? h('del', {}, a.exact ?? '') : (a.status === 'CHANGED' ? a.text : a.exact) ?? ''),
            a.start !== null && a.end !== null && a.status !== 'OUTDATED'
              ? button(t('comments.showInText'), () => editor.select(a.start ?? 0, a.end ?? 0), { class: 'small' })
              : null,
          );
    const reply = field({ name: 'body', label: t('comments.reply'), multiline: true, rows: 2, dir: 'auto' });
    const mentionList = withMentions(ctx.api, paperId, reply.input as HTMLTextAreaElement);
    reply.wrap.append(mentionList);
    const forgetReply = rememberTyping(localStorage, `${paperId}.reply.${th.comment.id}`, reply.input as HTMLTextAreaElement);
    const replyForm = form(t('comments.replyTo', { name: th.comment.author.displayName }), [reply], t('comments.sendReply'), async (box) => {
      const answer = await ctx.api.post(`${base}/comments/${th.comment.id}/replies`, { body: reply.input.value });
      if (!answer.ok) {
        showFormFailure(box, [reply], answer.failure);
        return;
      }
      forgetReply();
      ctx.announce(t('comments.replied'));
      await load();
    });
    return h(
      'li',
      { class: `thread${th.resolved ? ' resolved' : ''}`, 'data-thread-id': String(th.id) },
      h(
        'article',
        { 'aria-label': t('comments.threadBy', { name: th.comment.author.displayName }) },
        quote,
        h('p', { class: 'meta' }, h('strong', { dir: 'auto' }, th.comment.author.displayName), ' ', formatDateTime(th.comment.createdAt, ctx.locale), th.resolved ? ` · ${t('comments.resolved')}` : ''),
        commentBody(th.comment),
        th.replies.length > 0
          ? h(
              'ol',
              { class: 'replies' },
              ...th.replies.map((r) =>
                h('li', {}, h('p', { class: 'meta' }, h('strong', { dir: 'auto' }, r.author.displayName), ' ', formatDateTime(r.createdAt, ctx.locale)), commentBody(r)),
              ),
            )
          : null,
        h(
          'p',
          { class: 'actions' },
          th.resolved
            ? button(t('comments.reopen'), () => void act(`${base}/comments/${th.comment.id}/reopen`, t('comments.reopened')), { 'data-action': 'reopen' })
            : button(t('comments.resolve'), () => void act(`${base}/comments/${th.comment.id}/resolve`, t('comments.resolvedNow')), { 'data-action': 'resolve' }),
        ),
        h('details', {}, h('summary', {}, t('comments.reply')), replyForm),
      ),
    );
  };

  const openComposer = (anchor: AnchorRequest | null): void => {
    const body = field({ name: 'body', label: t('comments.body'), multiline: true, rows: 3, required: true, dir: 'auto' });
    const mentionList = withMentions(ctx.api, paperId, body.input as HTMLTextAreaElement);
    body.wrap.append(mentionList);
    const fields = [body, { ...body, name: 'anchor.exact' }];
    const forgetComment = rememberTyping(localStorage, `${paperId}.${sectionId}.comment`, body.input as HTMLTextAreaElement);
    const f = form(t('comments.new'), [body], t('comments.send'), async (box) => {
      const answer = await ctx.api.post(`${base}/sections/${sectionId}/comments`, anchor === null ? { body: body.input.value } : { body: body.input.value, anchor });
      if (!answer.ok) {
        showFormFailure(box, fields, answer.failure);
        return;
      }
      forgetComment();
      composer.replaceChildren();
      ctx.announce(t('comments.sent'));
      await load();
    }, [button(t('common.cancel'), () => composer.replaceChildren())]);
    composer.replaceChildren(
      h('div', { class: 'composer' }, anchor !== null ? h('blockquote', { dir: 'auto' }, anchor.exact) : h('p', {}, t('comments.onSection')), f),
    );
    body.input.focus();
  };

  const onSelection = (): void => {
    alertBox.replaceChildren();
    const unavailable = editor.selectionUnavailable?.() ?? null;
    if (unavailable !== null) {
      alertBox.replaceChildren(h('p', { class: 'notice', role: 'status' }, unavailable));
      return;
    }
    if (editor.dirty()) {
      alertBox.replaceChildren(h('p', { class: 'notice', role: 'status' }, t('comments.saveFirst')));
      return;
    }
    const { from, to } = editor.selection();
    const anchor = buildAnchor(editor.savedText(), from, to, editor.revision());
    if (anchor === null) {
      alertBox.replaceChildren(h('p', { class: 'notice', role: 'status' }, t('comments.selectFirst')));
      return;
    }
    openComposer(anchor);
  };

  const element = h(
    'section',
    { class: 'panel comments', 'aria-labelledby': headingId, 'data-panel': 'comments' },
    h(options.level ?? 'h2', { id: headingId }, t('comments.title')),
    canComment
      ? h(
          'p',
          { class: 'actions' },
          button(t('comments.onSelection'), onSelection, { class: 'primary' }),
          ' ',
          button(t('comments.onWhole'), () => openComposer(null)),
        )
      : null,
    canComment ? h('p', { class: 'hint' }, t('comments.hint')) : null,
    alertBox,
    composer,
    h('div', { class: 'check' }, showResolved, h('label', { for: resolvedId }, t('comments.showResolved'))),
    list,
  );
  void load();
  return { element, refresh: () => void load() };
}
