import { changePassword } from '../../api/identity';
import { h } from '../../dom';
import { checkCurrentPassword, checkNewPassword, type Problem } from '../../forms/field-problems';
import { wireForm } from '../../forms/form-controller';
import { currentPasswordField, newPasswordField } from '../../forms/identity-fields';
import type { PageContext } from '../page';
import { sessionEnded } from './account-forms';

/** Changing the password ends every other session of the person; this one stays. */
export function passwordSection(email: string, context: PageContext): HTMLElement {
  const { t, language } = context;
  const current = currentPasswordField('password-current');
  const next = newPasswordField('password-new', t('account:fields.changedPassword.label'));
  const submit = h('button', { type: 'submit', class: 'button', id: 'password-submit' }, t('account:account.password.submit'));
  // Password managers need the account's user name next to a new password to update the right entry.
  const userName = h('input', { type: 'email', name: 'username', autocomplete: 'username', value: email, readonly: true, hidden: true });
  const form = h(
    'form',
    { class: 'form', id: 'password-form' },
    userName,
    current.root,
    next.root,
    h('div', { class: 'form__actions' }, submit),
  );
  const handle = wireForm({
    form,
    fields: [current, next],
    submit,
    summarySlot: form,
    validate: () => {
      const problems: Problem[] = [];
      const currentRule = checkCurrentPassword(current.input.value);
      if (currentRule) problems.push({ field: current.id, rule: currentRule });
      const nextRule = checkNewPassword(next.input.value);
      if (nextRule) problems.push({ field: next.id, rule: nextRule });
      return problems;
    },
    send: async () => {
      await changePassword({ currentPassword: current.input.value, newPassword: next.input.value }, { language });
      current.input.value = '';
      next.input.value = '';
      handle.showSuccess(t('account:account.password.changed'));
    },
    problemMap: {
      fields: { currentPassword: current.id, newPassword: next.id },
      codes: { AUTH_PASSWORD_MISMATCH: current.id, AUTH_PASSWORD_TOO_COMMON: next.id },
    },
    intercept: sessionEnded(context),
  });

  return h(
    'section',
    { class: 'account-section', id: 'password', 'aria-labelledby': 'password-heading' },
    h('h2', { id: 'password-heading' }, t('account:account.password.heading')),
    h('p', null, t('account:account.password.intro')),
    form,
  );
}
