import { register } from '../../api/identity';
import { signedIn } from '../../auth/session';
import { h } from '../../dom';
import { checkDisplayName, checkEmail, checkNewPassword, type Problem } from '../../forms/field-problems';
import { wireForm } from '../../forms/form-controller';
import { displayNameField, emailField, languageField, newPasswordField } from '../../forms/identity-fields';
import type { PageContext, PageModule } from '../page';
import { signedInAlready } from '../sign-in/signed-in-already';

/** Creating an account signs the person in; then the account page, in the language they chose. */
function render(context: PageContext): HTMLElement {
  const { t, language } = context;
  if (context.person) return signedInAlready(t('account:register.heading'), context.person, context);

  const email = emailField('register-email', { hint: t('account:fields.email.hint') });
  const displayName = displayNameField('register-display-name');
  const password = newPasswordField('register-password');
  const preferredLanguage = languageField('register-language', language);
  const fields = [email, displayName, password, preferredLanguage];
  const submit = h('button', { type: 'submit', class: 'button', id: 'register-submit' }, t('account:register.submit'));
  const form = h(
    'form',
    { class: 'form', id: 'register-form' },
    ...fields.map((field) => field.root),
    h('div', { class: 'form__actions' }, submit),
  );
  const page = h(
    'div',
    { class: 'page page--form' },
    h('h1', null, t('account:register.heading')),
    h('p', { class: 'lead' }, t('account:register.intro')),
    form,
    h(
      'p',
      null,
      `${t('account:register.haveAccount')} `,
      h('a', { href: '/sign-in', id: 'sign-in-instead-link' }, t('account:register.signInLink')),
    ),
  );

  wireForm({
    form,
    fields,
    submit,
    summarySlot: page,
    marksTitle: true,
    validate: () => {
      const checks: [string, ReturnType<typeof checkEmail>][] = [
        [email.id, checkEmail(email.input.value)],
        [displayName.id, checkDisplayName(displayName.input.value)],
        [password.id, checkNewPassword(password.input.value)],
        [preferredLanguage.id, preferredLanguage.value() ? null : 'required'],
      ];
      return checks.flatMap(([field, rule]): Problem[] => (rule ? [{ field, rule }] : []));
    },
    send: async () => {
      const person = await register(
        {
          email: email.input.value.trim(),
          displayName: displayName.input.value.trim(),
          password: password.input.value,
          preferredLanguage: preferredLanguage.value(),
        },
        { language },
      );
      signedIn(person);
      if (person.preferredLanguage !== language) await context.switchLanguage(person.preferredLanguage);
      // t answers in the language now active.
      context.navigate('/account', t('account:register.created'));
    },
    problemMap: {
      fields: { email: email.id, displayName: displayName.id, password: password.id, preferredLanguage: preferredLanguage.id },
      codes: { AUTH_EMAIL_TAKEN: email.id, AUTH_PASSWORD_TOO_COMMON: password.id },
    },
  });
  return page;
}

export const registerPage: PageModule = { requiresCity: false, render };
