import { updateMe, type Me } from '../../api/identity';
import { signedIn } from '../../auth/session';
import { h } from '../../dom';
import { checkDisplayName } from '../../forms/field-problems';
import { wireForm } from '../../forms/form-controller';
import { displayNameField, languageField } from '../../forms/identity-fields';
import type { PageContext } from '../page';
import { sessionEnded } from './account-forms';

/** The person's details: the email address (shown, not changed here), display name and preferred language. */
export function profileSection(person: Me, context: PageContext): HTMLElement {
  const { t, language, format } = context;
  const displayName = displayNameField('profile-display-name', person.displayName);
  const preferredLanguage = languageField('profile-language', person.preferredLanguage);
  const submit = h('button', { type: 'submit', class: 'button', id: 'profile-submit' }, t('account:account.profile.submit'));
  const form = h(
    'form',
    { class: 'form', id: 'profile-form' },
    displayName.root,
    preferredLanguage.root,
    h('div', { class: 'form__actions' }, submit),
  );
  const handle = wireForm({
    form,
    fields: [displayName, preferredLanguage],
    submit,
    summarySlot: form,
    validate: () => {
      const rule = checkDisplayName(displayName.input.value);
      return rule ? [{ field: displayName.id, rule }] : [];
    },
    send: async () => {
      const chosen = preferredLanguage.value();
      const updated = await updateMe({ displayName: displayName.input.value.trim(), preferredLanguage: chosen }, { language });
      const languageChanged = updated.preferredLanguage !== person.preferredLanguage;
      person = updated;
      signedIn(updated);
      // A newly chosen language is the portal's language from now on; the page comes back in it.
      if (languageChanged && updated.preferredLanguage !== language) {
        await context.switchLanguage(updated.preferredLanguage, () => t('account:account.profile.saved'));
        return;
      }
      displayName.input.value = updated.displayName;
      handle.showSuccess(t('account:account.profile.saved'));
    },
    problemMap: { fields: { displayName: displayName.id, preferredLanguage: preferredLanguage.id } },
    intercept: sessionEnded(context),
  });

  return h(
    'section',
    { class: 'account-section', id: 'profile', 'aria-labelledby': 'profile-heading' },
    h('h2', { id: 'profile-heading' }, t('account:account.profile.heading')),
    h(
      'dl',
      { class: 'details' },
      h(
        'div',
        { class: 'details__row' },
        h('dt', null, t('account:account.profile.email')),
        h('dd', { id: 'profile-email' }, person.email),
      ),
      h(
        'div',
        { class: 'details__row' },
        h('dt', null, t('account:account.profile.created')),
        h('dd', null, format.date(new Date(person.createdAt))),
      ),
    ),
    form,
  );
}
