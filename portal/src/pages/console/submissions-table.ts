import { SUBMISSION_STATES } from '../../../../api/src/documents/document-states';
import type { ReviewFilters } from '../../api/document-staff';
import type { Submission, SubmissionState } from '../../api/documents';
import { h } from '../../dom';
import { selectField } from '../../forms/fields';
import type { CityPageContext } from '../page';
import { submissionStateTag } from '../documents/document-rendering';
import { serviceName } from './inbox-table';

export const submissionsPath = '/console/submissions';

function isSubmissionState(value: string): value is SubmissionState {
  return (SUBMISSION_STATES as readonly string[]).includes(value);
}

/** The filters in the page's address; a state the API would refuse is left out (such a link was made by hand). */
export function reviewFiltersFromQuery(search: string): ReviewFilters {
  const query = new URLSearchParams(search);
  const filters: ReviewFilters = { page: 1 };
  const state = query.get('state') ?? '';
  if (isSubmissionState(state)) filters.state = state;
  const page = Number(query.get('page'));
  if (Number.isSafeInteger(page) && page > 1) filters.page = page;
  return filters;
}

export interface ReviewFilterForm {
  form: HTMLFormElement;
  read(): ReviewFilters;
  show(filters: ReviewFilters): void;
}

/** A GET form to this page: without script it works as a plain form; with script the page reads the same names. */
export function reviewFilterForm(context: CityPageContext): ReviewFilterForm {
  const { t } = context;
  const invalid = t('documents:review.filters.invalid');
  const state = selectField({
    id: 'submissions-state',
    name: 'state',
    label: t('documents:review.filters.state'),
    hint: t('documents:review.filters.stateHint'),
    options: [
      { value: '', label: t('documents:review.filters.anyState') },
      ...SUBMISSION_STATES.map((value) => ({ value, label: t(`documents:submissionState.${value}`) })),
    ],
    messages: { required: invalid, invalid },
  });
  const form = h(
    'form',
    {
      class: 'form inbox-filters',
      id: 'submissions-filters',
      method: 'get',
      action: submissionsPath,
      'aria-labelledby': 'submissions-filters-heading',
    },
    h('h2', { id: 'submissions-filters-heading' }, t('documents:review.filters.heading')),
    state.root,
    h(
      'div',
      { class: 'form__actions' },
      h('button', { type: 'submit', class: 'button', id: 'submissions-filters-submit' }, t('documents:review.filters.submit')),
      h('a', { href: submissionsPath, id: 'submissions-filters-clear' }, t('documents:review.filters.clear')),
    ),
  );
  return {
    form,
    read: () => reviewFiltersFromQuery(new URLSearchParams({ state: state.select.value }).toString()),
    show: (filters) => {
      state.select.value = filters.state ?? '';
    },
  };
}

function row(submission: Submission, context: CityPageContext): HTMLElement {
  const { t, format } = context;
  const sent = submission.submittedAt ?? submission.createdAt;
  const held = submission.documents.filter((document) => document.state === 'quarantined').length;
  return h(
    'tr',
    { 'data-submission-id': submission.id, 'data-state': submission.state },
    h(
      'th',
      { scope: 'row' },
      h(
        'a',
        { href: `/console/submission?id=${encodeURIComponent(submission.id)}`, id: `submissions-case-${submission.id}`, dir: 'ltr' },
        submission.caseNumber,
      ),
    ),
    h('td', null, serviceName(submission.serviceId, context)),
    h('td', null, submissionStateTag(submission.state, context)),
    h('td', null, h('time', { datetime: sent }, format.date(new Date(sent)))),
    h(
      'td',
      null,
      t('documents:review.table.fileCount', { count: submission.documents.length }),
      held > 0 ? h('span', null, ' ', h('strong', { class: 'status-tag' }, t('documents:review.table.held', { count: held }))) : null,
    ),
  );
}

/** The submissions as a table: a caption that says what it holds (focus goes there after filtering), the case number as the row's header. */
export function submissionsTable(submissions: readonly Submission[], filters: ReviewFilters, context: CityPageContext): HTMLElement {
  const { t, format } = context;
  const caption = filters.state
    ? t('documents:review.table.captionFiltered', {
        state: t(`documents:submissionState.${filters.state}`),
        page: format.number(filters.page),
      })
    : t('documents:review.table.caption', { page: format.number(filters.page) });
  const columns = ['caseNumber', 'service', 'state', 'sent', 'files'] as const;
  return h(
    'div',
    { class: 'table-scroll', role: 'region', 'aria-labelledby': 'submissions-caption', tabindex: '0' },
    h(
      'table',
      { class: 'table inbox-table', id: 'submissions-table' },
      h('caption', { id: 'submissions-caption', tabindex: '-1' }, caption),
      h('thead', null, h('tr', null, ...columns.map((column) => h('th', { scope: 'col' }, t(`documents:review.table.${column}`))))),
      h('tbody', null, ...submissions.map((submission) => row(submission, context))),
    ),
  );
}
