import { deleteAccount } from '../../api/identity';
import { signedOut } from '../../auth/session';
import { h } from '../../dom';
import { checkCurrentPassword, type Problem } from '../../forms/field-problems';
import { checkbox } from '../../forms/fields';
import { wireForm } from '../../forms/form-controller';
import { currentPasswordField } from '../../forms/identity-fields';
import type { PageContext } from '../page';
import { sessionEnded } from './account-forms';

const consequences = ['anonymised', 'cases', 'files', 'signIn'] as const;

/**
 * Erasing the account, set apart at the end of the page: what happens, then the password and a checkbox
 * that says the person understands. `DELETE /api/me`, then signed out and home.
 */
export function deleteSection(context: PageContext): HTMLElement {
  const { t, language } = context;
  const password = currentPasswordField('delete-password', t('account:account.delete.passwordLabel'));
  const confirm = checkbox({
    id: 'delete-confirm',
    name: 'confirm',
    label: t('account:account.delete.confirmLabel'),
    messages: { required: t('account:account.delete.confirmRequired'), invalid: t('account:account.delete.confirmRequired') },
  });
  const submit = h('button', { type: 'submit', class: 'button button--warning', id: 'delete-submit' }, t('account:account.delete.submit'));
  const form = h('form', { class: 'form', id: 'delete-form' }, password.root, confirm.root, h('div', { class: 'form__actions' }, submit));
  wireForm({
    form,
    fields: [password, confirm],
    submit,
    summarySlot: form,
    validate: () => {
      const problems: Problem[] = [];
      const rule = checkCurrentPassword(password.input.value);
      if (rule) problems.push({ field: password.id, rule });
      if (!confirm.input.checked) problems.push({ field: confirm.id, rule: 'required' });
      return problems;
    },
    send: async () => {
      await deleteAccount(password.input.value, { language });
      signedOut();
      context.navigate('/', t('account:account.delete.deleted'));
    },
    problemMap: { fields: { password: password.id }, codes: { AUTH_PASSWORD_MISMATCH: password.id } },
    intercept: sessionEnded(context),
  });

  return h(
    'section',
    { class: 'account-section account-section--danger', id: 'delete', 'aria-labelledby': 'delete-heading' },
    h('h2', { id: 'delete-heading' }, t('account:account.delete.heading')),
    h('p', null, t('account:account.delete.intro')),
    h('ul', { class: 'bullet-list' }, ...consequences.map((item) => h('li', null, t(`account:account.delete.consequences.${item}`)))),
    h('p', { class: 'account-section__warning' }, h('strong', null, t('account:account.delete.warning'))),
    form,
  );
}
