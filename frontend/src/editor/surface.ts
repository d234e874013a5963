/** What the section screen needs from an editor, whether CodeMirror or the plain fallback. */
export interface Surface {
  readonly element: HTMLElement;
  text(): string;
  setText(text: string): void;
  selection(): { readonly from: number; readonly to: number };
  select(from: number, to: number): void;
  /** Wraps the selection in `before`/`after` (e.g. ** for bold). */
  wrap(before: string, after: string, placeholder: string): void;
  /** Puts `prefix` at the start of each selected line (e.g. "- " for a list). */
  prefixLines(prefix: string): void;
  focus(): void;
  onChange(listener: (text: string) => void): void;
  onSelection(listener: () => void): void;
  destroy(): void;
}

/** A textarea standing in while CodeMirror loads, or if it cannot. */
export function plainSurface(initial: string, label: string): Surface {
  const area = document.createElement('textarea');
  area.value = initial;
  area.setAttribute('aria-label', label);
  area.setAttribute('dir', 'auto');
  area.className = 'plain-editor';
  area.rows = 18;
  const changes: ((text: string) => void)[] = [];
  const selections: (() => void)[] = [];
  area.addEventListener('input', () => changes.forEach((l) => l(area.value)));
  area.addEventListener('select', () => selections.forEach((l) => l()));
  area.addEventListener('keyup', () => selections.forEach((l) => l()));
  area.addEventListener('mouseup', () => selections.forEach((l) => l()));
  const replace = (from: number, to: number, text: string, selFrom: number, selTo: number): void => {
    area.setRangeText(text, from, to);
    area.setSelectionRange(selFrom, selTo);
    changes.forEach((l) => l(area.value));
  };
  return {
    element: area,
    text: () => area.value,
    setText: (text) => {
      area.value = text;
      changes.forEach((l) => l(text));
    },
    selection: () => ({ from: area.selectionStart, to: area.selectionEnd }),
    select: (from, to) => {
      area.focus();
      area.setSelectionRange(from, to);
    },
    wrap: (before, after, placeholder) => {
      const { selectionStart: from, selectionEnd: to } = area;
      const inner = from === to ? placeholder : area.value.slice(from, to);
      replace(from, to, before + inner + after, from + before.length, from + before.length + inner.length);
    },
    prefixLines: (prefix) => {
      const from = area.value.lastIndexOf('\n', area.selectionStart - 1) + 1;
      const to = area.selectionEnd;
      const block = area.value.slice(from, to).replace(/^/gm, prefix);
      replace(from, to, block, from, from + block.length);
    },
    focus: () => area.focus(),
    onChange: (l) => changes.push(l),
    onSelection: (l) => selections.push(l),
    destroy: () => area.remove(),
  };
}
