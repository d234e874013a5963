/**
 * The section editor bound to the section's live document: CodeMirror on the Y.Text `body` (the
 * name the server's yjs-jvm.ts uses) through y-codemirror.next, with remote carets from awareness;
 * y-indexeddb keeps writers' documents on the device (per account, paper and section), so text
 * typed offline survives a reload and goes up when the socket is back; signing out deletes them
 * (coedit/offline.ts). Loaded with import().
 */
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { yCollab, yUndoManagerKeymap } from 'y-codemirror.next';
import { IndexeddbPersistence } from 'y-indexeddb';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { editorAccess } from '../coedit/mode';
import { noteStore, storeName } from '../coedit/offline';
import { coEditors, localUser, shown, type LiveUser } from '../coedit/people';
import { LiveProvider, liveUrl, type ProviderView } from '../coedit/provider';
import { editorSurface } from './codemirror';
import type { Surface } from './surface';

/** The shared text's name in every section's Y.Doc (frontend/jvm/yjs-jvm.ts). */
export const TEXT = 'body';

type EditorAccess = ReturnType<typeof editorAccess>;

/** How long to wait for IndexedDB before going on without it (private windows may refuse it). */
const STORE_WAIT_MS = 3_000;

export interface LiveEditorOptions {
  readonly apiBase: string;
  readonly paperId: number;
  readonly sectionId: number;
  readonly accountId: number | null;
  readonly displayName: string;
  /** What the app expects (the server decides): may this person write? */
  readonly writer: boolean;
  readonly label: string;
  readonly placeholder: string;
  readonly token: () => string | null;
}

export interface LiveEditor {
  readonly surface: Surface;
  /** Settles once every local change is acknowledged. */
  whenSaved(): Promise<void>;
  onStatus(listener: (view: ProviderView) => void): void;
  onPeople(listener: (people: readonly LiveUser[]) => void): void;
  destroy(): void;
}

/**
 * The carets' view of awareness: every state's user with a label that carries a shape and a colour
 * white text can be read on (y-codemirror.next reads `user.name` and `user.color`).
 */
function shownAwareness(awareness: Awareness): Awareness {
  return new Proxy(awareness, {
    get(target, property) {
      if (property === 'getStates') {
        return () => {
          const states = new Map<number, Record<string, unknown>>();
          target.getStates().forEach((state, client) => states.set(client, { ...state, user: shown(state['user'] as Partial<LiveUser> | undefined) }));
          return states;
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The carets' names always show (not on hover only), in the page's font. */
const caretTheme = EditorView.theme({
  '.cm-ySelectionInfo': { opacity: '1', fontFamily: 'inherit', fontSize: '0.75rem', color: '#fff', padding: '0 3px', borderRadius: '2px' },
  '.cm-ySelectionCaretDot': { display: 'none' },
  '.cm-content': { paddingTop: '1.2em' },
});

export async function openLiveEditor(options: LiveEditorOptions): Promise<LiveEditor> {
  const doc = new Y.Doc();
  const ytext = doc.getText(TEXT);
  let store: IndexeddbPersistence | null = null;
  if (options.writer) {
    const name = storeName(options.accountId, options.paperId, options.sectionId);
    noteStore(window.localStorage, name); // so that signing out finds it (coedit/offline.ts)
    store = new IndexeddbPersistence(name, doc);
    await Promise.race([store.whenSynced, new Promise((resolve) => setTimeout(resolve, STORE_WAIT_MS))]);
  }
  const storedBefore = doc.store.clients.size > 0;
  const awareness = new Awareness(doc);
  awareness.setLocalStateField('user', localUser(options.accountId, options.displayName, !options.writer));

  const editable = new Compartment();
  const extensionsFor = (access: EditorAccess) =>
    access === 'write'
      ? []
      : [EditorState.readOnly.of(true), EditorView.contentAttributes.of({ 'aria-readonly': 'true' }), ...(access === 'wait' ? [EditorView.editable.of(false)] : [])];
  // Typing into a document that never met the server's would put the text beside its seed.
  let access = editorAccess(options.writer, storedBefore, false);
  const undoManager = new Y.UndoManager(ytext);
  const surface = editorSurface(ytext.toString(), options.label, options.placeholder, [
    yCollab(ytext, shownAwareness(awareness), { undoManager }),
    keymap.of(yUndoManagerKeymap),
    caretTheme,
    editable.of(extensionsFor(access)),
  ]);

  const statusListeners: ((view: ProviderView) => void)[] = [];
  const peopleListeners: ((people: readonly LiveUser[]) => void)[] = [];
  let everSynced = storedBefore;
  const provider = new LiveProvider({
    doc,
    awareness,
    url: liveUrl(window.location, options.apiBase, options.paperId, options.sectionId),
    token: options.token,
    writer: options.writer,
    online: () => navigator.onLine,
    onChange: (view) => {
      everSynced ||= view.ledger.synced;
      const now = editorAccess(view.writer, everSynced, view.ledger.refused !== null);
      if (now !== access) {
        access = now;
        surface.view.dispatch({ effects: editable.reconfigure(extensionsFor(access)) });
        awareness.setLocalStateField('user', localUser(options.accountId, options.displayName, access !== 'write'));
      }
      statusListeners.forEach((l) => l(view));
    },
  });
  const people = (): void => {
    const list = coEditors(awareness.getStates(), doc.clientID);
    peopleListeners.forEach((l) => l(list));
  };
  awareness.on('change', people);
  const offline = (): void => provider.drop();
  const online = (): void => provider.reconnectNow();
  window.addEventListener('offline', offline);
  window.addEventListener('online', online);
  provider.connect();

  return {
    surface,
    whenSaved: () => provider.whenSaved(),
    onStatus: (l) => {
      statusListeners.push(l);
      l(provider.view);
    },
    onPeople: (l) => {
      peopleListeners.push(l);
      people();
    },
    destroy: () => {
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
      awareness.off('change', people);
      provider.destroy();
      awareness.destroy();
      surface.destroy();
      undoManager.destroy();
      void store?.destroy();
      doc.destroy();
    },
  };
}
