import { announce } from '../../a11y/announcer';
import { consentPurposes, fetchConsents, saveConsent, type Consent, type ConsentPurpose } from '../../api/identity';
import { h } from '../../dom';
import { checkbox, type Checkbox } from '../../forms/fields';
import { problemsOfError, wireForm } from '../../forms/form-controller';
import type { PageContext } from '../page';
import { sessionEnded } from './account-forms';

function isKnownPurpose(purpose: string): purpose is ConsentPurpose {
  return (consentPurposes as readonly string[]).includes(purpose);
}

/** "You agreed on 24 November 2026." — what the person last answered, after the purpose's explanation. */
function hintOf(purpose: ConsentPurpose, consent: Consent, { t, format }: PageContext): string {
  const explanation = t(`account:account.consents.purposes.${purpose}.hint`);
  if (!consent.at) return `${explanation} ${t('account:account.consents.never')}`;
  const date = format.date(new Date(consent.at));
  return `${explanation} ${consent.given ? t('account:account.consents.givenOn', { date }) : t('account:account.consents.refusedOn', { date })}`;
}

function consentForm(consents: Consent[], context: PageContext): HTMLElement {
  const { t, language } = context;
  const known = consents.filter((consent): consent is Consent & { purpose: ConsentPurpose } => isKnownPurpose(consent.purpose));
  const rows = known.map((consent) => ({
    consent,
    box: checkbox({
      id: `consent-${consent.purpose}`,
      name: consent.purpose,
      label: t(`account:account.consents.purposes.${consent.purpose}.label`),
      hint: hintOf(consent.purpose, consent, context),
      checked: consent.given,
      messages: { required: t('account:form.unexpectedError'), invalid: t('account:form.unexpectedError') },
    }),
  }));
  const submit = h('button', { type: 'submit', class: 'button', id: 'consents-submit' }, t('account:account.consents.submit'));
  const form = h(
    'form',
    { class: 'form', id: 'consents-form' },
    h(
      'fieldset',
      { class: 'fieldset' },
      h('legend', { class: 'fieldset__legend' }, t('account:account.consents.legend')),
      h('div', { class: 'checkboxes' }, ...rows.map(({ box }) => box.root)),
    ),
    h('div', { class: 'form__actions' }, submit),
  );
  const fields: Checkbox[] = rows.map(({ box }) => box);
  const handle = wireForm({
    form,
    fields,
    submit,
    summarySlot: form,
    validate: () => [],
    // One PUT per answer that changed; each saved answer is kept, so a failure part-way loses nothing.
    send: async () => {
      for (const row of rows) {
        if (row.box.input.checked === row.consent.given && row.consent.at) continue;
        const saved = await saveConsent(row.consent.purpose, row.box.input.checked, { language });
        row.consent = { ...saved, purpose: row.consent.purpose };
        const hint = document.getElementById(`${row.box.id}-hint`);
        if (hint) hint.textContent = hintOf(row.consent.purpose, row.consent, context);
      }
      handle.showSuccess(t('account:account.consents.saved'));
    },
    problemMap: {},
    intercept: sessionEnded(context),
  });
  return form;
}

/**
 * Consents, loaded after the page shows: the section is aria-busy meanwhile, and says so if they cannot be
 * loaded, with a button to try again.
 */
export function consentsSection(context: PageContext): HTMLElement {
  const { t, language } = context;
  const body = h('div', { class: 'account-section__body' });
  const section = h(
    'section',
    { class: 'account-section', id: 'consents', 'aria-labelledby': 'consents-heading' },
    h('h2', { id: 'consents-heading' }, t('account:account.consents.heading')),
    h('p', null, t('account:account.consents.intro')),
    body,
  );
  const intercept = sessionEnded(context);

  /** `retried`: the person pressed "Try again", so focus follows the content that replaces the button. */
  const load = (retried: boolean) => {
    section.setAttribute('aria-busy', 'true');
    body.replaceChildren(h('p', { class: 'loading' }, t('account:account.consents.loading')));
    fetchConsents({ language }).then(
      (consents) => {
        section.removeAttribute('aria-busy');
        body.replaceChildren(consentForm(consents, context));
        if (retried) body.querySelector('input')?.focus();
      },
      (error: unknown) => {
        section.removeAttribute('aria-busy');
        if (intercept(error)) return;
        const retry = h(
          'button',
          { type: 'button', class: 'button button--secondary', id: 'consents-retry' },
          t('account:account.consents.retry'),
        );
        retry.addEventListener('click', () => load(true));
        const [problem] = problemsOfError(error, {});
        body.replaceChildren(
          h(
            'div',
            { class: 'alert', id: 'consents-load-error' },
            h('p', null, t('account:account.consents.loadFailed')),
            problem && 'message' in problem ? h('p', { class: 'alert__detail' }, problem.message) : null,
          ),
          h('p', null, retry),
        );
        if (retried) {
          retry.focus();
          announce(t('account:account.consents.loadFailed'));
        }
      },
    );
  };
  load(false);
  return section;
}
