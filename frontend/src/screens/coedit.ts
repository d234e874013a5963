/**
 * The section editor's live half (issue 15): the editor bound to the section's live document, the
 * truthful status line, "Save version" (a checkpoint into a revision) and who else is in the text.
 */
import type { Ctx } from '../app';
import { worthAnnouncing } from '../coedit/ledger';
import type { ProviderView } from '../coedit/provider';
import type { LiveUser } from '../coedit/people';
import { API_BASE } from '../config';
import { h } from '../dom';
import type { LiveEditor } from '../editor/live';
import type { Surface } from '../editor/surface';
import { token } from '../session';
import { t, type Key } from '../strings';
import { editMode, inGroupOf, type EditMode } from '../coedit/mode';
import type { Checkpoint, Role, Workshop } from '../types';
import { button, showFormFailure } from '../ui';

/** How long "Save version" waits for the last changes to be acknowledged before it asks anyway. */
const SAVED_WAIT_MS = 10_000;


const STATUS: Readonly<Record<ProviderView['status'], Key>> = {
  connecting: 'live.connecting',
  offline: 'live.offline',
  saving: 'live.saving',
  saved: 'live.saved',
  refused: 'live.refused',
  watching: 'live.watching',
  'watching-offline': 'live.watchingOffline',
};

export interface LivePart {
  /** The status line (a polite live region). */
  readonly status: HTMLElement;
  /** Who else is in the text, with shapes: for the section's header. */
  readonly people: HTMLElement;
  /** "Save version" and its outcome, for writers. */
  readonly actions: HTMLElement;
  /** Starts the live editor; `adopt` puts its surface in place of the stand-in. */
  start(adopt: (surface: Surface) => void): void;
  /** Saves a version (Ctrl+S). */
  saveVersion(): Promise<void>;
  /** Closes the live editor (also when it is still loading); leaving the screen does it too. */
  stop(): void;
}

export function livePart(
  ctx: Ctx,
  paperId: number,
  sectionId: number,
  writer: boolean,
  onVersion: () => void,
): LivePart {
  // Shown as it is; told to screen readers (the page's polite live region) only when it matters.
  const status = h('p', { class: 'save-state live-state' }, t('live.connecting'));
  let announced: ProviderView['status'] | null = null;
  const people = h('p', { class: 'co-editors', 'data-panel': 'co-editors', hidden: true });
  const versionState = h('p', { class: 'hint version-state' });
  const alertBox = h('div', { class: 'form-alert' });
  let editor: LiveEditor | null = null;
  let view: ProviderView | null = null;
  let stopped = false;
  const stop = (): void => {
    stopped = true;
    editor?.destroy();
    editor = null;
  };

  let checkedSession = 0;
  const showStatus = (v: ProviderView): void => {
    // A socket that cannot connect while the device is online may have an expired session: one
    // API call (at most every 10 s) finds out, and a 401 asks to sign in again (the text is kept).
    if (v.status === 'offline' && navigator.onLine && Date.now() - checkedSession > 10_000) {
      checkedSession = Date.now();
      void ctx.api.get('/api/me');
    }
    view = v;
    const text = t(STATUS[v.status], { reason: v.ledger.refused ?? '' });
    if (status.textContent !== text) status.textContent = text;
    status.dataset['status'] = v.status;
    if (worthAnnouncing(announced, v.status)) {
      announced = v.status;
      ctx.announce(text);
    }
    saveButton.disabled = !v.writer;
  };
  const showPeople = (list: readonly LiveUser[]): void => {
    people.hidden = list.length === 0;
    people.replaceChildren(
      h('strong', {}, t('live.coEditors')),
      ' ',
      ...list.flatMap((u, i) => [
        i > 0 ? ', ' : '',
        h('span', { class: 'co-editor', dir: 'auto', style: `border-color: ${u.color}` }, u.readOnly === true ? t('live.watchingName', { name: u.name }) : u.name),
      ]),
    );
  };

  const saveVersion = async (): Promise<void> => {
    if (editor === null || view === null || !view.writer) return;
    showFormFailure(alertBox, [], null);
    if (view.status === 'offline' || !navigator.onLine) {
      versionState.textContent = t('live.versionOffline');
      ctx.announce(t('live.versionOffline'));
      return;
    }
    ctx.announce(t('editor.saving'));
    await Promise.race([editor.whenSaved(), new Promise((resolve) => setTimeout(resolve, SAVED_WAIT_MS))]);
    const answer = await ctx.api.post<Checkpoint>(`/api/papers/${paperId}/sections/${sectionId}/live/checkpoint`);
    if (!answer.ok) {
      showFormFailure(alertBox, [], answer.failure);
      return;
    }
    const message = t(answer.value.created ? 'live.versionSaved' : 'live.versionSame', { n: answer.value.revision });
    versionState.textContent = message;
    ctx.announce(message);
    onVersion();
  };
  const saveButton = button(t('live.saveVersion'), () => void saveVersion(), { class: 'primary' });

  const actions = writer
    ? h('div', {}, h('p', { class: 'actions' }, saveButton, ' ', h('span', { class: 'hint' }, t('live.saveVersionHint'))), versionState, alertBox)
    : h('div', {});

  return {
    status,
    people,
    actions,
    saveVersion,
    stop,
    start(adopt) {
      const me = ctx.me();
      void import('../editor/live')
        .then(async ({ openLiveEditor }) => {
          const opened = await openLiveEditor({
            apiBase: API_BASE,
            paperId,
            sectionId,
            accountId: me?.id ?? null,
            displayName: me?.displayName ?? '',
            writer,
            label: t('editor.label'),
            placeholder: t('editor.placeholder'),
            token,
          });
          if (stopped || !status.isConnected) {
            opened.destroy(); // closed, or the screen was left, while it loaded
            return;
          }
          editor = opened;
          ctx.onLeave(stop);
          adopt(opened.surface);
          opened.onStatus(showStatus);
          opened.onPeople(showPeople);
        })
        .catch(() => {
          status.textContent = t('live.failed');
        });
    },
  };
}

/**
 * How this person edits each section of the paper: a contributor's breakout groups decide which
 * sections she may save (asked once for the whole paper; the server has the last word).
 */
export async function editModes(ctx: Ctx, paperId: number, role: Role | null): Promise<(sectionId: number) => EditMode> {
  if (role !== 'CONTRIBUTOR') return () => editMode(role, false);
  const workshops = await ctx.api.get<readonly Workshop[]>(`/api/papers/${paperId}/workshops`);
  const me = ctx.me()?.id ?? null;
  return (sectionId) => editMode(role, workshops.ok && inGroupOf(workshops.value, me, sectionId));
}
