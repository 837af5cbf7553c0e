import { signIn } from '../../api/identity';
import { safeNextPath } from '../../auth/next-path';
import { signedIn } from '../../auth/session';
import { h } from '../../dom';
import { checkCurrentPassword, checkEmail, type Problem } from '../../forms/field-problems';
import { wireForm } from '../../forms/form-controller';
import { currentPasswordField, emailField } from '../../forms/identity-fields';
import type { PageContext, PageModule } from '../page';
import { signedInAlready } from './signed-in-already';

/** Sign in with email and password, then back to the page the person came from (`?next=`), else the account. */
function render(context: PageContext): HTMLElement {
  const { t, language } = context;
  if (context.person) return signedInAlready(t('account:signIn.heading'), context.person, context);

  const next = safeNextPath(new URLSearchParams(window.location.search).get('next'));
  const email = emailField('sign-in-email');
  const password = currentPasswordField('sign-in-password', t('account:fields.password.label'));
  const submit = h('button', { type: 'submit', class: 'button', id: 'sign-in-submit' }, t('account:signIn.submit'));
  const form = h('form', { class: 'form', id: 'sign-in-form' }, email.root, password.root, h('div', { class: 'form__actions' }, submit));
  const page = h(
    'div',
    { class: 'page page--form' },
    h('h1', null, t('account:signIn.heading')),
    h('p', { class: 'lead' }, t('account:signIn.intro')),
    form,
    h('p', null, `${t('account:signIn.noAccount')} `, h('a', { href: '/register', id: 'register-link' }, t('account:signIn.registerLink'))),
  );

  wireForm({
    form,
    fields: [email, password],
    submit,
    summarySlot: page,
    marksTitle: true,
    validate: () => {
      const problems: Problem[] = [];
      const emailRule = checkEmail(email.input.value);
      if (emailRule) problems.push({ field: email.id, rule: emailRule });
      const passwordRule = checkCurrentPassword(password.input.value);
      if (passwordRule) problems.push({ field: password.id, rule: passwordRule });
      return problems;
    },
    send: async () => {
      const person = await signIn({ email: email.input.value.trim(), password: password.input.value }, { language });
      signedIn(person);
      context.navigate(next, t('account:signIn.signedIn'));
    },
    // The API does not say whether the address or the password was wrong; the message says "or" and sits
    // at the password, the answer people retype. AUTH_TOO_MANY_ATTEMPTS is about the whole form.
    problemMap: {
      fields: { email: email.id, password: password.id },
      codes: { AUTH_INVALID_CREDENTIALS: password.id },
    },
  });
  return page;
}

export const signInPage: PageModule = { requiresCity: false, render };
