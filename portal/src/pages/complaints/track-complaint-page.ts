import { announce } from '../../a11y/announcer';
import { ApiError } from '../../api/client';
import { isComplaintStatus, trackComplaint, trackingTokenShape, type Complaint } from '../../api/complaints';
import { h, localized } from '../../dom';
import type { Problem } from '../../forms/field-problems';
import { textField } from '../../forms/fields';
import { problemsOfError, wireForm } from '../../forms/form-controller';
import type { CityPageContext, PageModule } from '../page';

function statusLabel(status: string, { t }: CityPageContext): string {
  return isComplaintStatus(status) ? t(`complaints:status.${status}`) : t('complaints:status.unknown');
}

function row(term: string, value: Node | string, id: string): HTMLElement {
  return h('div', { class: 'details__row' }, h('dt', null, term), h('dd', { id }, value));
}

/** What the filer may see of their complaint: case number, kind, status, expected date and history. */
function result(complaint: Complaint, context: CityPageContext): HTMLElement {
  const { t, format, language, city } = context;
  const service = city.services.find((candidate) => candidate.id === complaint.serviceId);
  const serviceName = service
    ? localized('span', context.localize(service.name), language)
    : h('span', { dir: 'ltr' }, complaint.serviceId);
  const history = [...complaint.history].sort((a, b) => a.at.localeCompare(b.at));
  return h(
    'section',
    { class: 'track-result', id: 'track-result', 'aria-labelledby': 'track-result-heading' },
    h(
      'h2',
      { id: 'track-result-heading', tabindex: '-1' },
      t('complaints:track.result.heading', { caseNumber: `\u2066${complaint.caseNumber}\u2069` }),
    ),
    h(
      'dl',
      { class: 'details' },
      row(t('complaints:track.result.caseNumber'), h('span', { dir: 'ltr' }, complaint.caseNumber), 'track-case-number'),
      row(t('complaints:track.result.service'), serviceName, 'track-service'),
      row(
        t('complaints:track.result.status'),
        h('strong', { class: 'status-tag', 'data-status': complaint.status }, statusLabel(complaint.status, context)),
        'track-status',
      ),
      row(t('complaints:track.result.sentOn'), format.date(new Date(complaint.createdAt)), 'track-created-at'),
      row(t('complaints:track.result.expectedBy'), format.date(new Date(complaint.expectedBy)), 'track-expected-by'),
    ),
    h('h3', { id: 'track-history-heading' }, t('complaints:track.result.historyHeading')),
    h(
      'ol',
      { class: 'timeline', id: 'track-history', 'aria-labelledby': 'track-history-heading' },
      ...history.map((entry) =>
        h(
          'li',
          { class: 'timeline__item', 'data-status': entry.status },
          h('strong', { class: 'timeline__status' }, statusLabel(entry.status, context)),
          ' ',
          h('time', { class: 'timeline__date', datetime: entry.at }, format.dateTime(new Date(entry.at))),
          entry.note ? h('p', { class: 'timeline__note' }, entry.note) : null,
        ),
      ),
    ),
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

  const show = (complaint: Complaint, moveFocus: boolean) => {
    results.replaceChildren(result(complaint, context));
    if (moveFocus) document.getElementById('track-result-heading')?.focus();
    announce(t('complaints:track.result.found', { caseNumber: complaint.caseNumber, status: statusLabel(complaint.status, context) }));
  };

  const lookUp = (moveFocus: boolean) => async () => {
    results.replaceChildren();
    show(await trackComplaint(token.input.value.trim(), { language }), moveFocus);
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
