import { announce } from '../../a11y/announcer';
import { ApiError } from '../../api/client';
import { trackComplaint, trackingTokenShape, type Complaint } from '../../api/complaints';
import { h } from '../../dom';
import type { Problem } from '../../forms/field-problems';
import { textField } from '../../forms/fields';
import { problemsOfError, wireForm } from '../../forms/form-controller';
import type { CityPageContext, PageModule } from '../page';
import { caseNumberInText, detailsRow, historyList, serviceName, statusLabel, statusTag } from './complaint-rendering';
import { keepComplaintCurrent } from './live-status';

/** What the filer may see of their complaint: case number, kind, status, expected date and history. */
function result(complaint: Complaint, context: CityPageContext): HTMLElement {
  const { t, format } = context;
  return h(
    'section',
    { class: 'track-result', id: 'track-result', 'aria-labelledby': 'track-result-heading' },
    h(
      'h2',
      { id: 'track-result-heading', tabindex: '-1' },
      t('complaints:track.result.heading', { caseNumber: caseNumberInText(complaint.caseNumber) }),
    ),
    h(
      'dl',
      { class: 'details' },
      detailsRow(t('complaints:track.result.caseNumber'), h('span', { dir: 'ltr' }, complaint.caseNumber), 'track-case-number'),
      detailsRow(t('complaints:track.result.service'), serviceName(complaint.serviceId, context), 'track-service'),
      detailsRow(t('complaints:track.result.status'), statusTag(complaint.status, context), 'track-status'),
      detailsRow(t('complaints:track.result.sentOn'), format.date(new Date(complaint.createdAt)), 'track-created-at'),
      detailsRow(t('complaints:track.result.expectedBy'), format.date(new Date(complaint.expectedBy)), 'track-expected-by'),
    ),
    h('h3', { id: 'track-history-heading' }, t('complaints:track.result.historyHeading')),
    historyList(complaint, context, 'track-history', 'track-history-heading'),
  );
}

function render(context: CityPageContext): HTMLElement {
  const { t, language } = context;
  const initial = new URLSearchParams(window.location.search).get('token')?.trim() ?? '';
  const token = textField({
    id: 'track-token',
    name: 'token',
    label: t('complaints:track.token.label'),
    hint: t('complaints:track.token.hint'),
    autocomplete: 'off',
    spellcheck: false,
    value: initial,
    messages: {
      required: t('complaints:track.token.required'),
      format: t('complaints:track.token.format'),
      invalid: t('complaints:track.token.invalid'),
    },
  });
  token.input.setAttribute('autocapitalize', 'none');
  token.input.setAttribute('dir', 'ltr');
  token.input.classList.add('input--code');
  const submit = h('button', { type: 'submit', class: 'button', id: 'track-submit' }, t('complaints:track.submit'));
  const form = h('form', { class: 'form', id: 'track-form' }, token.root, h('div', { class: 'form__actions' }, submit));
  const results = h('div', { id: 'track-results' });
  const page = h(
    'div',
    { class: 'page page--form page--track' },
    h('h1', null, t('complaints:track.heading')),
    h('p', { class: 'lead' }, t('complaints:track.intro')),
    form,
    results,
  );

  const show = (complaint: Complaint, trackingToken: string, moveFocus: boolean) => {
    const shown = result(complaint, context);
    results.replaceChildren(shown);
    if (moveFocus) document.getElementById('track-result-heading')?.focus();
    announce(t('complaints:track.result.found', { caseNumber: complaint.caseNumber, status: statusLabel(complaint.status, context) }));
    const reload = () => trackComplaint(trackingToken, { language });
    keepComplaintCurrent({ page: shown, complaint, statusId: 'track-status', historyId: 'track-history', reload, trackingToken }, context);
  };

  const lookUp = (moveFocus: boolean) => async () => {
    results.replaceChildren();
    const trackingToken = token.input.value.trim();
    show(await trackComplaint(trackingToken, { language }), trackingToken, moveFocus);
  };

  const validate = (): Problem[] => {
    const value = token.input.value.trim();
    if (value === '') return [{ field: token.id, rule: 'required' }];
    return trackingTokenShape.test(value) ? [] : [{ field: token.id, rule: 'format' }];
  };

  const handle = wireForm({
    form,
    fields: [token],
    submit,
    summarySlot: page,
    marksTitle: true,
    validate,
    send: lookUp(true),
    problemMap: {},
    intercept: (error) => {
      if (!(error instanceof ApiError) || error.code !== 'NOT_FOUND') return false;
      handle.showProblems([{ field: token.id, message: t('complaints:track.token.notFound') }]);
      return true;
    },
  });

  // Arriving with ?token= (the link of the confirmation) looks the complaint up at once, leaving focus where
  // the page put it; the results are announced.
  if (initial !== '') {
    window.setTimeout(() => {
      if (!page.isConnected) return;
      if (validate().length > 0) {
        handle.showProblems(validate());
        return;
      }
      lookUp(false)().catch((error: unknown) => {
        const notFound = error instanceof ApiError && error.code === 'NOT_FOUND';
        handle.showProblems(notFound ? [{ field: token.id, message: t('complaints:track.token.notFound') }] : problemsOfError(error, {}));
      });
    }, 0);
  }
  return page;
}

export const trackComplaintPage: PageModule = { requiresCity: true, render };
