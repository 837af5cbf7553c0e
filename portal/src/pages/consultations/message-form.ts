import { h } from '../../dom';
import { textAreaField } from '../../forms/fields';
import { ensureNamespaces, t as translate } from '../../i18n/i18n';
import type { CityPageContext } from '../page';
import { CONSULTATION_MESSAGE_MAX_LENGTH } from './consultation-api';
import { heading } from './message-list';

/** Typing is told to the other side at most this often (the server drops more). */
const typingEvery = 2_000;

const cannedReplies = ['greeting', 'upload', 'closing'] as const;

export interface MessageFormOptions {
  level: number;
  /** Sends the text; resolves to an error text for a refusal, or null once handed over (the list shows it pending). */
  send: (text: string) => Promise<string | null>;
  typing: () => void;
  /** For the official: the citizen's language, in which the ready replies are written. */
  cannedLanguage: string | null;
}

export interface MessageForm {
  readonly root: HTMLElement;
  /** Muted or ended: the form is hidden and `reason` shown in its place (null shows the form again). */
  setClosed: (reason: string | null) => void;
}

/**
 * Writing a message: a labelled textarea with its limit and a character count, an inline error for a blank or too
 * long message (focus stays in the box), and for the official ready replies in the citizen's language.
 */
export function messageForm(options: MessageFormOptions, context: CityPageContext): MessageForm {
  const { t } = context;
  const limit = CONSULTATION_MESSAGE_MAX_LENGTH;
  const field = textAreaField({
    id: 'consultation-message',
    name: 'text',
    label: t('consultations:form.label'),
    hint: t('consultations:form.hint', { limit }),
    rows: 3,
    messages: {
      required: t('consultations:form.required'),
      invalid: t('consultations:form.required'),
      length: t('consultations:form.tooLong', { limit }),
    },
    count: {
      max: limit,
      warnAt: 100,
      remaining: (count) => t('consultations:form.remaining', { count }),
      tooMany: (count) => t('consultations:form.tooMany', { count }),
    },
  });
  const submit = h('button', { type: 'submit', class: 'button', id: 'consultation-send' }, t('consultations:form.send'));
  const form = h(
    'form',
    { class: 'form chat-form', id: 'consultation-form', novalidate: true },
    field.root,
    h('div', { class: 'form__actions' }, submit),
  );
  // Each message keeps its own direction as typed, whatever the page's.
  field.input.dir = 'auto';
  const closedText = h('p', { class: 'notice', id: 'consultation-form-closed', hidden: true });
  let lastTyping = 0;

  field.input.addEventListener('input', () => {
    if (Date.now() - lastTyping < typingEvery || field.input.value.trim() === '') return;
    lastTyping = Date.now();
    options.typing();
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = field.input.value.trim();
    // The API counts UTF-16 code units, as JavaScript's length does.
    const problem = text === '' ? field.messages.required : text.length > limit ? (field.messages.length ?? '') : null;
    field.setError(problem);
    if (problem !== null) {
      field.input.focus();
      return;
    }
    field.input.value = '';
    field.input.removeAttribute('lang');
    field.input.dispatchEvent(new Event('input'));
    void options.send(text).then((refused) => {
      if (refused === null) return;
      // Given back to be changed and sent again.
      if (field.input.value === '') field.input.value = text;
      field.setError(refused);
    });
  });

  const canned = options.cannedLanguage === null ? null : cannedSection(options.cannedLanguage, options.level, field.input, context);
  const root = h(
    'section',
    { class: 'chat-compose', 'aria-labelledby': 'consultation-form-heading' },
    heading(options.level, { id: 'consultation-form-heading' }, t('consultations:form.heading')),
    closedText,
    form,
    canned,
  );
  return {
    root,
    setClosed: (reason) => {
      closedText.hidden = reason === null;
      closedText.textContent = reason ?? '';
      form.hidden = reason !== null;
      if (canned) canned.hidden = reason !== null;
    },
  };
}

/** The official's ready replies: each button puts its text, in the citizen's language, in the box to edit and send. */
function cannedSection(language: string, level: number, input: HTMLTextAreaElement, context: CityPageContext): HTMLElement {
  const { t } = context;
  const loaded = ensureNamespaces(language, ['consultations']);
  const buttons = cannedReplies.map((reply) => {
    const button = h(
      'button',
      { type: 'button', class: 'button button--secondary', id: `consultation-canned-${reply}` },
      t(`consultations:canned.${reply}`),
    );
    button.addEventListener('click', () => {
      void loaded.then(() => {
        input.value = translate(`consultations:canned.text.${reply}`, { lng: language });
        // The box follows the text's language, so a Korean reply on an English page is read and spelled as Korean.
        input.lang = language;
        input.dispatchEvent(new Event('input'));
        input.focus();
      });
    });
    return button;
  });
  return h(
    'section',
    { class: 'chat-canned', 'aria-labelledby': 'consultation-canned-heading' },
    heading(level + 1, { id: 'consultation-canned-heading' }, t('consultations:canned.heading')),
    h('p', { class: 'field__hint', id: 'consultation-canned-hint' }, t('consultations:canned.hint')),
    h('div', { class: 'form__actions' }, ...buttons),
  );
}
