/**
 * The Markdown editor, CodeMirror 6 with only what is needed (state, view, commands and the
 * Markdown language). Loaded with import() by the section screen, so it is not in the initial
 * bundle.
 */
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { markdown } from '@codemirror/lang-markdown';
import { EditorSelection, EditorState, type Extension } from '@codemirror/state';
import { EditorView, keymap, placeholder as placeholderExt } from '@codemirror/view';
import type { Surface } from './surface';

export function codeMirrorSurface(initial: string, label: string, placeholder: string): Surface {
  return editorSurface(initial, label, placeholder, [history(), keymap.of(historyKeymap)]);
}

/** The listeners a surface hands its view's changes to. */
interface Listeners {
  readonly changes: ((text: string) => void)[];
  readonly selections: (() => void)[];
}

/**
 * A CodeMirror surface with the Markdown editing every section editor has, plus `extensions`
 * (undo history, or the live binding with its own undo).
 */
export function editorSurface(initial: string, label: string, placeholder: string, extensions: Extension[]): Surface & { readonly view: EditorView } {
  const listeners: Listeners = { changes: [], selections: [] };
  const element = document.createElement('div');
  element.className = 'cm-host';
  const view = new EditorView({
    parent: element,
    state: EditorState.create({
      doc: initial,
      extensions: [
        ...extensions,
        // Tab indents only with Escape-then-Tab available to leave the editor (CodeMirror's rule).
        keymap.of([...defaultKeymap, indentWithTab]),
        markdown(),
        EditorView.lineWrapping,
        // Each line takes its own direction, so Arabic and English lines sit side by side rightly.
        EditorView.perLineTextDirection.of(true),
        placeholderExt(placeholder),
        EditorView.contentAttributes.of({ 'aria-label': label, dir: 'auto', 'aria-multiline': 'true' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) {
            const text = update.state.doc.toString();
            listeners.changes.forEach((l) => l(text));
          }
          if (update.selectionSet) listeners.selections.forEach((l) => l());
        }),
      ],
    }),
  });
  return { ...viewSurface(view, element, listeners), view };
}

function viewSurface(view: EditorView, element: HTMLElement, listeners: Listeners): Surface {
  const replaceSelection = (make: (text: string) => { insert: string; selFrom: number; selTo: number }): void => {
    const { from, to } = view.state.selection.main;
    const made = make(view.state.sliceDoc(from, to));
    view.dispatch({
      changes: { from, to, insert: made.insert },
      selection: EditorSelection.range(from + made.selFrom, from + made.selTo),
    });
    view.focus();
  };
  return {
    element,
    text: () => view.state.doc.toString(),
    setText: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }),
    selection: () => ({ from: view.state.selection.main.from, to: view.state.selection.main.to }),
    select: (from, to) => {
      const max = view.state.doc.length;
      view.dispatch({
        selection: EditorSelection.range(Math.min(from, max), Math.min(to, max)),
        scrollIntoView: true,
      });
      view.focus();
    },
    wrap: (before, after, placeholder) =>
      replaceSelection((text) => {
        const inner = text === '' ? placeholder : text;
        return { insert: before + inner + after, selFrom: before.length, selTo: before.length + inner.length };
      }),
    prefixLines: (prefix) => {
      const { from, to } = view.state.selection.main;
      const start = view.state.doc.lineAt(from);
      const end = view.state.doc.lineAt(to);
      const inserts = [];
      for (let n = start.number; n <= end.number; n++) inserts.push({ from: view.state.doc.line(n).from, insert: prefix });
      view.dispatch({ changes: inserts });
      view.focus();
    },
    focus: () => view.focus(),
    onChange: (l) => listeners.changes.push(l),
    onSelection: (l) => listeners.selections.push(l),
    destroy: () => view.destroy(),
  };
}
