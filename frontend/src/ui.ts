/** Small view helpers shared by the screens: labelled fields, errors next to fields, buttons. */
import { h } from './dom';
import { describeFailure, type Failure } from './problem';
import { strings, t } from './strings';
import type { ParagraphDiff } from './types';

let counter = 0;
/** A unique element id with a readable prefix. */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

export interface Field {
  readonly wrap: HTMLElement;
  readonly input: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
  readonly error: HTMLElement;
  /** The API field this input answers for (problem+json `errors[].field`). */
  readonly name: string;
}

export interface FieldOptions {
  readonly name: string;
  readonly label: string;
  readonly type?: string;
  readonly value?: string;
  readonly required?: boolean;
  readonly multiline?: boolean;
  readonly rows?: number;
  readonly options?: readonly (readonly [string, string])[];
  readonly hint?: string;
  readonly autocomplete?: string;
  readonly dir?: 'auto';
  readonly maxlength?: number;
}

export function field(o: FieldOptions): Field {
  const id = uid(`f-${o.name.replace(/[^\w-]/g, '-')}`);
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [o.hint !== undefined ? hintId : '', errorId].filter((x) => x !== '').join(' ');
  const common = {
    id,
    name: o.name,
    required: o.required === true,
    'aria-describedby': describedBy,
    dir: o.dir,
    autocomplete: o.autocomplete,
    maxlength: o.maxlength === undefined ? undefined : String(o.maxlength),
  };
  let input: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
  if (o.options !== undefined) {
    input = h('select', common, ...o.options.map(([value, label]) => h('option', { value }, label)));
    if (o.value !== undefined) input.value = o.value;
  } else if (o.multiline === true) {
    input = h('textarea', { ...common, rows: String(o.rows ?? 4) });
    input.value = o.value ?? '';
  } else {
    input = h('input', { ...common, type: o.type ?? 'text' });
    input.value = o.value ?? '';
  }
  const error = h('p', { id: errorId, class: 'field-error' });
  const wrap = h(
    'div',
    { class: 'field' },
    h('label', { for: id }, o.label, o.required === true ? h('span', { 'aria-hidden': 'true' }, ' *') : null),
    o.hint !== undefined ? h('p', { id: hintId, class: 'hint' }, o.hint) : null,
    input,
    error,
  );
  return { wrap, input, error, name: o.name };
}

/** A checkbox with its label after it. */
export function checkbox(name: string, label: string, checked: boolean): { wrap: HTMLElement; input: HTMLInputElement } {
  const id = uid(`c-${name}`);
  const input = h('input', { type: 'checkbox', id, name, checked });
  return { wrap: h('div', { class: 'check' }, input, h('label', { for: id }, label)), input };
}

export function button(
  label: string,
  onClick: (event: MouseEvent) => void,
  attributes: Readonly<Record<string, string | boolean | undefined>> = {},
): HTMLButtonElement {
  const b = h('button', { type: 'button', ...attributes }, label);
  b.addEventListener('click', onClick);
  return b;
}

/** A box that explains a failure in plain words (role=alert). */
export function failureBox(failure: Failure, heading?: string): HTMLElement {
  const message = describeFailure(failure, strings());
  return h(
    'div',
    { class: 'error', role: 'alert' },
    heading !== undefined ? h('p', {}, h('strong', {}, heading)) : null,
    h('p', { dir: 'auto' }, message.summary),
    message.details.length > 0 ? h('ul', {}, ...message.details.map((d) => h('li', { dir: 'auto' }, d))) : null,
  );
}

function matches(fieldName: string, problemField: string): boolean {
  // The server names fields as paths ("request.title", "anchor.exact", "title").
  return problemField === fieldName || problemField.endsWith(`.${fieldName}`);
}

/**
 * Shows a failure on a form: each field problem next to its input (aria-invalid, described by the
 * message), everything else in the form's alert box. Clears earlier errors first. Never touches
 * the inputs' values, so nothing typed is lost.
 */
export function showFormFailure(alertBox: HTMLElement, fields: readonly Field[], failure: Failure | null): void {
  for (const f of fields) {
    f.error.textContent = '';
    f.input.removeAttribute('aria-invalid');
  }
  alertBox.replaceChildren();
  if (failure === null) return;
  const problem = failure.kind === 'http' ? failure.problem : null;
  const leftover: string[] = [];
  for (const e of problem?.errors ?? []) {
    const target = fields.find((f) => matches(f.name, e.field));
    if (target === undefined) {
      leftover.push(e.field === '' ? e.message : strings().fieldError(e.field, e.message));
      continue;
    }
    target.error.textContent = target.error.textContent === '' ? e.message : `${target.error.textContent} ${e.message}`;
    target.input.setAttribute('aria-invalid', 'true');
  }
  const message = describeFailure(failure, strings());
  alertBox.append(
    h(
      'div',
      { class: 'error', role: 'alert' },
      h('p', { dir: 'auto' }, message.summary),
      leftover.length > 0 ? h('ul', {}, ...leftover.map((d) => h('li', { dir: 'auto' }, d))) : null,
    ),
  );
  const firstInvalid = fields.find((f) => f.input.getAttribute('aria-invalid') === 'true');
  firstInvalid?.input.focus();
}

/** A form with an alert slot; `submit` runs with the submit button disabled. */
export function form(
  label: string,
  fields: readonly Field[],
  submitLabel: string,
  submit: (alertBox: HTMLElement) => Promise<void>,
  extra: readonly Node[] = [],
): HTMLFormElement {
  const alertBox = h('div', { class: 'form-alert' });
  const submitButton = h('button', { type: 'submit', class: 'primary' }, submitLabel);
  const f = h('form', { class: 'form', 'aria-label': label }, alertBox, ...fields.map((x) => x.wrap), ...extra, submitButton);
  f.addEventListener('submit', (event) => {
    event.preventDefault();
    submitButton.disabled = true;
    void submit(alertBox).finally(() => {
      submitButton.disabled = false;
    });
  });
  return f;
}

/** A server word diff, with insertions and deletions marked (and named for screen readers). */
export function renderDiff(paragraphs: readonly ParagraphDiff[]): HTMLElement {
  return h(
    'div',
    { class: 'diff', dir: 'auto' },
    ...paragraphs.map((p) =>
      h(
        'p',
        { class: `diff-p diff-${p.status.toLowerCase()}` },
        ...p.runs.map((run) =>
          run.op === 'EQUAL'
            ? run.text
            : run.op === 'INSERT'
              ? h('ins', { 'aria-label': t('diff.inserted', { text: run.text }) }, run.text)
              : h('del', { 'aria-label': t('diff.deleted', { text: run.text }) }, run.text),
        ),
      ),
    ),
  );
}

/** Heading plus back link line used at the top of screens. */
export function crumbs(...links: readonly (readonly [string, string])[]): HTMLElement {
  return h(
    'nav',
    { class: 'crumbs', 'aria-label': t('nav.breadcrumbs') },
    h('ol', {}, ...links.map(([label, to]) => h('li', {}, h('a', { href: to, dir: 'auto' }, label)))),
  );
}

/** Saves a Blob under a file name through a temporary link. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
