import { t } from '../i18n/i18n';
import { nativeName } from '../i18n/language-tags';
import { supportedLanguages } from '../i18n/languages';
import { passwordField, radioGroup, textField, type PasswordField, type RadioGroup, type TextField } from './fields';

/** The fields of the identity forms (sign-in, registration, account), with their texts from account.json. */

export function emailField(id: string, options: { hint?: string; value?: string } = {}): TextField {
  return textField({
    id,
    name: 'email',
    type: 'email',
    // The email address is the account's user name: password managers pair it with the password.
    autocomplete: 'username',
    spellcheck: false,
    label: t('account:fields.email.label'),
    ...options,
    messages: {
      required: t('account:fields.email.required'),
      format: t('account:fields.email.format'),
      length: t('account:fields.email.length'),
      invalid: t('account:fields.email.invalid'),
    },
  });
}

export function displayNameField(id: string, value = ''): TextField {
  return textField({
    id,
    name: 'displayName',
    autocomplete: 'nickname',
    label: t('account:fields.displayName.label'),
    hint: t('account:fields.displayName.hint'),
    value,
    messages: {
      required: t('account:fields.displayName.required'),
      length: t('account:fields.displayName.length'),
      invalid: t('account:fields.displayName.invalid'),
    },
  });
}

/** A password being chosen: its limits in the hint, `autocomplete="new-password"`. */
export function newPasswordField(id: string, label: string = t('account:fields.newPassword.label')): PasswordField {
  return passwordField({
    id,
    name: 'newPassword',
    autocomplete: 'new-password',
    label,
    hint: t('account:fields.newPassword.hint'),
    messages: {
      required: t('account:fields.newPassword.required'),
      length: t('account:fields.newPassword.length'),
      invalid: t('account:fields.newPassword.invalid'),
    },
  });
}

/** The password the person has now: `autocomplete="current-password"`. */
export function currentPasswordField(id: string, label: string = t('account:fields.currentPassword.label')): PasswordField {
  return passwordField({
    id,
    name: 'password',
    autocomplete: 'current-password',
    label,
    messages: {
      required: t('account:fields.currentPassword.required'),
      length: t('account:fields.currentPassword.length'),
      invalid: t('account:fields.currentPassword.invalid'),
    },
  });
}

/** The portal's languages as radio buttons, each named in its own language and script. */
export function languageField(id: string, value: string): RadioGroup {
  return radioGroup({
    id,
    name: 'preferredLanguage',
    legend: t('account:fields.preferredLanguage.legend'),
    hint: t('account:fields.preferredLanguage.hint'),
    options: supportedLanguages.map((language) => ({ value: language, label: nativeName(language), lang: language })),
    value: supportedLanguages.includes(value) ? value : (supportedLanguages[0] ?? ''),
    messages: {
      required: t('account:fields.preferredLanguage.required'),
      invalid: t('account:fields.preferredLanguage.invalid'),
    },
  });
}
