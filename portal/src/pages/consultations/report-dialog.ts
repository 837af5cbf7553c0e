import { h } from '../../dom';
import type { Problem } from '../../forms/field-problems';
import { textAreaField } from '../../forms/fields';
import { wireForm } from '../../forms/form-controller';
import type { CityPageContext } from '../page';
import { reportConsultation } from './consultation-api';

/**
 * "Report the other side": a button that opens a modal <dialog> with the reason (3–500 characters, no `<`, as the API
 * checks). Focus goes to the dialog's heading on opening and back to the button on closing; Escape closes it.
 */
export function reportControl(consultationId: string, done: (message: string) => void, context: CityPageContext): HTMLElement {
  const { t, language } = context;
  const open = h(
    'button',
    { type: 'button', class: 'button button--secondary', id: 'consultation-report-open' },
    t('consultations:report.open'),
  );
  const field = textAreaField({
    id: 'consultation-report-reason',
    name: 'reason',
    label: t('consultations:report.reasonLabel'),
    hint: t('consultations:report.reasonHint'),
    rows: 4,
    messages: {
      required: t('consultations:report.reasonRequired'),
      length: t('consultations:report.reasonLength'),
      invalid: t('consultations:report.reasonInvalid'),
      format: t('consultations:report.reasonInvalid'),
    },
  });
  field.input.dir = 'auto';
  const submit = h('button', { type: 'submit', class: 'button', id: 'consultation-report-submit' }, t('consultations:report.submit'));
  const cancel = h(
    'button',
    { type: 'button', class: 'button button--secondary', id: 'consultation-report-cancel' },
    t('consultations:report.cancel'),
  );
  const title = h('h2', { id: 'consultation-report-heading', tabindex: '-1' }, t('consultations:report.heading'));
  const form = h(
    'form',
    { class: 'form', id: 'consultation-report-form' },
    field.root,
    h('div', { class: 'form__actions' }, submit, cancel),
  );
  const dialog = h('dialog', { class: 'chat-dialog', id: 'consultation-report-dialog', 'aria-labelledby': title.id }, title, form);

  const handle = wireForm({
    form,
    fields: [field],
    submit,
    summarySlot: form,
    problemMap: { fields: { reason: field.id } },
    validate: (): Problem[] => {
      const reason = field.input.value.trim();
      if (reason === '') return [{ field: field.id, rule: 'required' }];
      if (reason.length < 3 || reason.length > 500) return [{ field: field.id, rule: 'length' }];
      return reason.includes('<') ? [{ field: field.id, rule: 'format' }] : [];
    },
    send: async () => {
      await reportConsultation(consultationId, field.input.value.trim(), { language });
      field.input.value = '';
      dialog.close();
      done(t('consultations:report.sent'));
    },
  });
  open.addEventListener('click', () => {
    handle.clearProblems();
    dialog.showModal();
    title.focus();
  });
  cancel.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => open.focus());
  return h('div', { class: 'chat-report' }, open, dialog);
}
