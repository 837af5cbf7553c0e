import { h } from '../dom';
import { directionOf } from '../i18n/language-tags';
import { t } from '../i18n/i18n';

/**
 * Form fields the GOV.UK way: a visible label, a hint tied to the control with aria-describedby, and an
 * inline error (tied the same way, with aria-invalid) shown above the control when the answer has a problem.
 */

/** A field's messages for each kind of problem (see field-problems.ts); `invalid` stands in for a missing one. */
export interface FieldMessages {
  required: string;
  invalid: string;
  format?: string;
  length?: string;
}

export interface Field {
  /** The id the error summary links to: the control's, or the first option's for a group. */
  readonly id: string;
  readonly root: HTMLElement;
  readonly messages: FieldMessages;
  setError(message: string | null): void;
  focus(): void;
  /** Called on submit before the checks: a password field hides what it shows, so browsers offer to save it. */
  hide?: () => void;
}

interface Described {
  /** The element that gets aria-describedby (the control, or the fieldset of a group). */
  target: HTMLElement;
  /** The element aria-invalid goes on. */
  invalid: HTMLElement[];
  hintId: string | null;
  /** The inline error goes right before this element. */
  before: HTMLElement;
}

function describedBy(hintId: string | null, errorId: string | null): string | null {
  const ids = [hintId, errorId].filter((id) => id !== null);
  return ids.length > 0 ? ids.join(' ') : null;
}

function setAttribute(element: HTMLElement, name: string, value: string | null): void {
  if (value === null) element.removeAttribute(name);
  else element.setAttribute(name, value);
}

/** Shows, replaces or removes a field's inline error. */
function errorSetter(id: string, root: HTMLElement, described: Described): (message: string | null) => void {
  const errorId = `${id}-error`;
  return (message) => {
    root.querySelector(`#${CSS.escape(errorId)}`)?.remove();
    root.classList.toggle('field--error', message !== null);
    if (message !== null) {
      const error = h(
        'p',
        { class: 'field__error', id: errorId },
        h('span', { class: 'visually-hidden' }, t('account:form.errorPrefix')),
        ' ',
        message,
      );
      described.before.before(error);
    }
    setAttribute(described.target, 'aria-describedby', describedBy(described.hintId, message === null ? null : errorId));
    for (const element of described.invalid) setAttribute(element, 'aria-invalid', message === null ? null : 'true');
  };
}

function hint(id: string, text: string | undefined): HTMLElement | null {
  return text ? h('p', { class: 'field__hint', id: `${id}-hint` }, text) : null;
}

export interface TextFieldOptions {
  id: string;
  name: string;
  label: string;
  hint?: string;
  type?: 'text' | 'email';
  autocomplete: string;
  value?: string;
  messages: FieldMessages;
  /** Off for addresses and codes, where a spelling checker only gets in the way. */
  spellcheck?: boolean;
}

export interface TextField extends Field {
  readonly input: HTMLInputElement;
}

export function textField(options: TextFieldOptions): TextField {
  const { id } = options;
  const hintElement = hint(id, options.hint);
  const input = h('input', {
    class: 'input',
    id,
    name: options.name,
    type: options.type ?? 'text',
    autocomplete: options.autocomplete,
    spellcheck: options.spellcheck === false ? 'false' : null,
    autocapitalize: options.type === 'email' ? 'none' : null,
    'aria-describedby': hintElement ? `${id}-hint` : null,
  });
  input.value = options.value ?? '';
  const root = h('div', { class: 'field' }, h('label', { class: 'field__label', for: id }, options.label), hintElement, input);
  const setError = errorSetter(id, root, { target: input, invalid: [input], hintId: hintElement ? `${id}-hint` : null, before: input });
  return { id, root, input, messages: options.messages, setError, focus: () => input.focus() };
}

export interface PasswordFieldOptions {
  id: string;
  name: string;
  label: string;
  hint?: string;
  autocomplete: 'new-password' | 'current-password';
  messages: FieldMessages;
}

export interface PasswordField extends TextField {
  hide: () => void;
}

/**
 * A password with a "Show password" toggle button (aria-pressed). Pasting is never blocked: people paste
 * from password managers (WCAG 3.3.8).
 */
export function passwordField(options: PasswordFieldOptions): PasswordField {
  const { id } = options;
  const hintElement = hint(id, options.hint);
  const input = h('input', {
    class: 'input password__input',
    id,
    name: options.name,
    type: 'password',
    autocomplete: options.autocomplete,
    spellcheck: 'false',
    autocapitalize: 'none',
    'aria-describedby': hintElement ? `${id}-hint` : null,
  });
  const toggle = h(
    'button',
    {
      type: 'button',
      class: 'button button--secondary password__toggle',
      id: `${id}-toggle`,
      'aria-controls': id,
      'aria-pressed': 'false',
    },
    t('account:form.showPassword'),
  );
  const show = (visible: boolean) => {
    input.type = visible ? 'text' : 'password';
    toggle.setAttribute('aria-pressed', String(visible));
  };
  toggle.addEventListener('click', () => show(toggle.getAttribute('aria-pressed') !== 'true'));
  const control = h('div', { class: 'password' }, input, toggle);
  const root = h('div', { class: 'field' }, h('label', { class: 'field__label', for: id }, options.label), hintElement, control);
  const setError = errorSetter(id, root, { target: input, invalid: [input], hintId: hintElement ? `${id}-hint` : null, before: control });
  return { id, root, input, messages: options.messages, setError, focus: () => input.focus(), hide: () => show(false) };
}

export interface RadioOption {
  value: string;
  label: string;
  /** The language the label is written in, when it is not the page's (a language's own name). */
  lang?: string;
  /** A line under the label (tied to the button with aria-describedby), in `hintLang` when not the page's. */
  hint?: string;
  hintLang?: string;
}

export interface RadioGroupOptions {
  id: string;
  name: string;
  legend: string;
  hint?: string;
  options: readonly RadioOption[];
  value: string;
  messages: FieldMessages;
}

export interface RadioGroup extends Field {
  value(): string;
}

/** A fieldset of radio buttons; the first option's id is `${id}-${value}` and the summary links to the first. */
export function radioGroup(options: RadioGroupOptions): RadioGroup {
  const { id } = options;
  const hintElement = hint(id, options.hint);
  const inputs = options.options.map((option) =>
    h('input', {
      class: 'radios__input',
      type: 'radio',
      id: `${id}-${option.value}`,
      name: options.name,
      value: option.value,
      'aria-describedby': option.hint ? `${id}-${option.value}-hint` : null,
    }),
  );
  const items = options.options.map((option, index) =>
    h(
      'div',
      { class: 'radios__item' },
      inputs[index],
      // The language and direction go on the text, not the label: a right-to-left name among left-to-right
      // ones stays next to its button.
      h(
        'label',
        { class: 'radios__label', for: `${id}-${option.value}` },
        option.lang ? h('span', { lang: option.lang, dir: directionOf(option.lang) }, option.label) : option.label,
      ),
      option.hint
        ? h(
            'p',
            {
              class: 'field__hint radios__hint',
              id: `${id}-${option.value}-hint`,
              lang: option.hintLang ?? null,
              dir: option.hintLang ? directionOf(option.hintLang) : null,
            },
            option.hint,
          )
        : null,
    ),
  );
  inputs.forEach((input) => (input.checked = input.value === options.value));
  const list = h('div', { class: 'radios' }, ...items);
  const fieldset = h(
    'fieldset',
    { class: 'fieldset', id, 'aria-describedby': hintElement ? `${id}-hint` : null },
    h('legend', { class: 'fieldset__legend' }, options.legend),
    hintElement,
    list,
  );
  const root = h('div', { class: 'field' }, fieldset);
  const setError = errorSetter(id, root, { target: fieldset, invalid: [], hintId: hintElement ? `${id}-hint` : null, before: list });
  const firstId = inputs[0]?.id ?? id;
  return {
    id: firstId,
    root,
    messages: options.messages,
    setError,
    focus: () => (inputs.find((input) => input.checked) ?? inputs[0])?.focus(),
    value: () => inputs.find((input) => input.checked)?.value ?? '',
  };
}

export interface CheckboxOptions {
  id: string;
  name: string;
  label: string;
  hint?: string;
  checked?: boolean;
  messages: FieldMessages;
}

export interface Checkbox extends Field {
  readonly input: HTMLInputElement;
}

export function checkbox(options: CheckboxOptions): Checkbox {
  const { id } = options;
  const hintElement = options.hint ? h('p', { class: 'field__hint checkbox__hint', id: `${id}-hint` }, options.hint) : null;
  const input = h('input', {
    class: 'checkbox__input',
    type: 'checkbox',
    id,
    name: options.name,
    'aria-describedby': hintElement ? `${id}-hint` : null,
  });
  input.checked = options.checked ?? false;
  const item = h('div', { class: 'checkbox' }, input, h('label', { class: 'checkbox__label', for: id }, options.label), hintElement);
  const root = h('div', { class: 'field' }, item);
  const setError = errorSetter(id, root, { target: input, invalid: [input], hintId: hintElement ? `${id}-hint` : null, before: item });
  return { id, root, input, messages: options.messages, setError, focus: () => input.focus() };
}

export interface TextAreaOptions {
  id: string;
  name: string;
  label: string;
  hint?: string;
  rows?: number;
  messages: FieldMessages;
  /** Shows "N characters left" under the control, announced politely only once fewer than `warnAt` are left. */
  count?: { max: number; warnAt: number; remaining: (left: number) => string; tooMany: (over: number) => string };
}

export interface TextAreaField extends Field {
  readonly input: HTMLTextAreaElement;
}

/** Characters as the API counts them (code points). */
function codePoints(value: string): number {
  return [...value].length;
}

/**
 * A textarea, with a character count the GOV.UK way: always shown, but only spoken (politely, a moment after
 * typing stops) when the limit is near, so a screen reader is not interrupted at every keystroke.
 */
export function textAreaField(options: TextAreaOptions): TextAreaField {
  const { id, count } = options;
  const hintElement = hint(id, options.hint);
  const countId = `${id}-count`;
  const describedIds = [hintElement ? `${id}-hint` : null, count ? countId : null].filter((part) => part !== null).join(' ');
  const input = h('textarea', {
    class: 'input textarea',
    id,
    name: options.name,
    rows: options.rows ?? 6,
    'aria-describedby': describedIds || null,
  });
  const countText = h('p', { class: 'field__hint character-count', id: countId });
  const spoken = h('p', { class: 'visually-hidden', id: `${id}-count-live`, 'aria-live': 'polite' });
  let timer: number | undefined;
  const updateCount = (speak: boolean) => {
    if (!count) return;
    const left = count.max - codePoints(input.value);
    const text = left >= 0 ? count.remaining(left) : count.tooMany(-left);
    countText.textContent = text;
    countText.classList.toggle('character-count--over', left < 0);
    window.clearTimeout(timer);
    if (speak && left <= count.warnAt) timer = window.setTimeout(() => (spoken.textContent = text), 800);
    else if (left > count.warnAt) spoken.textContent = '';
  };
  input.addEventListener('input', () => updateCount(true));
  updateCount(false);
  const root = h(
    'div',
    { class: 'field' },
    h('label', { class: 'field__label', for: id }, options.label),
    hintElement,
    input,
    count ? countText : null,
    count ? spoken : null,
  );
  const hintIds = describedIds || null;
  const setError = errorSetter(id, root, { target: input, invalid: [input], hintId: hintIds, before: input });
  return { id, root, input, messages: options.messages, setError, focus: () => input.focus() };
}

export interface SelectOption {
  value: string;
  label: string;
  /** The language of the label when it is not the page's. */
  lang?: string;
}

export interface SelectOptions {
  id: string;
  name: string;
  label: string;
  hint?: string;
  options: readonly SelectOption[];
  messages: FieldMessages;
}

export interface SelectField extends Field {
  readonly select: HTMLSelectElement;
}

export function selectField(options: SelectOptions): SelectField {
  const { id } = options;
  const hintElement = hint(id, options.hint);
  const select = h(
    'select',
    { class: 'input select', id, name: options.name, 'aria-describedby': hintElement ? `${id}-hint` : null },
    ...options.options.map((option) =>
      h('option', { value: option.value, lang: option.lang ?? null, dir: option.lang ? directionOf(option.lang) : null }, option.label),
    ),
  );
  const root = h('div', { class: 'field' }, h('label', { class: 'field__label', for: id }, options.label), hintElement, select);
  const setError = errorSetter(id, root, { target: select, invalid: [select], hintId: hintElement ? `${id}-hint` : null, before: select });
  return { id, root, select, messages: options.messages, setError, focus: () => select.focus() };
}

export interface FieldsetOptions {
  id: string;
  legend: string;
  hint?: string;
  /** The fields inside, in order; the first one's control gets focus from the error summary. */
  children: readonly Field[];
  messages: FieldMessages;
}

/**
 * A fieldset around other fields, with its own error for a problem of the group as a whole ("give one of
 * these"). The error summary links to the fieldset (id `${id}`), and focus goes to its first control.
 */
export function fieldsetField(options: FieldsetOptions): Field {
  const { id } = options;
  const hintElement = hint(id, options.hint);
  const body = h('div', { class: 'fieldset__body' }, ...options.children.map((child) => child.root));
  const fieldset = h(
    'fieldset',
    { class: 'fieldset', id, 'aria-describedby': hintElement ? `${id}-hint` : null },
    h('legend', { class: 'fieldset__legend fieldset__legend--large' }, options.legend),
    hintElement,
    body,
  );
  const root = h('div', { class: 'field field--group' }, fieldset);
  const setError = errorSetter(id, root, { target: fieldset, invalid: [], hintId: hintElement ? `${id}-hint` : null, before: body });
  return { id, root, messages: options.messages, setError, focus: () => options.children[0]?.focus() };
}
