import { h } from '../../dom';
import type { Field, FieldMessages } from '../../forms/fields';
import { directionOf } from '../../i18n/language-tags';
import { t } from '../../i18n/i18n';

export interface CheckboxGroupOptions {
  id: string;
  legend: string;
  options: readonly { value: string; label: string; lang?: string | undefined }[];
  messages: FieldMessages;
}

export interface CheckboxGroup extends Field {
  values(): string[];
}

/**
 * A fieldset of checkboxes for "choose all that apply", with its inline error above the boxes as the form
 * helpers place it for radio buttons. The first box's id is `${id}-${value}`; the summary links to it.
 */
export function checkboxGroup(options: CheckboxGroupOptions): CheckboxGroup {
  const { id } = options;
  const inputs = options.options.map((option) =>
    h('input', { class: 'checkbox__input', type: 'checkbox', id: `${id}-${option.value}`, name: id, value: option.value }),
  );
  const list = h(
    'div',
    { class: 'checkboxes' },
    ...options.options.map((option, index) =>
      h(
        'div',
        { class: 'checkbox' },
        inputs[index],
        h(
          'label',
          { class: 'checkbox__label', for: `${id}-${option.value}` },
          option.lang ? h('span', { lang: option.lang, dir: directionOf(option.lang) }, option.label) : option.label,
        ),
      ),
    ),
  );
  const fieldset = h('fieldset', { class: 'fieldset', id }, h('legend', { class: 'fieldset__legend' }, options.legend), list);
  const root = h('div', { class: 'field' }, fieldset);
  const errorId = `${id}-error`;
  const setError = (message: string | null) => {
    root.querySelector(`#${CSS.escape(errorId)}`)?.remove();
    root.classList.toggle('field--error', message !== null);
    if (message === null) {
      fieldset.removeAttribute('aria-describedby');
      return;
    }
    list.before(
      h('p', { class: 'field__error', id: errorId }, h('span', { class: 'visually-hidden' }, t('account:form.errorPrefix')), ' ', message),
    );
    fieldset.setAttribute('aria-describedby', errorId);
  };
  return {
    id: inputs[0]?.id ?? id,
    root,
    messages: options.messages,
    setError,
    focus: () => inputs[0]?.focus(),
    values: () => inputs.filter((input) => input.checked).map((input) => input.value),
  };
}
