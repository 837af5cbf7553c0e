import type { ComplaintService } from '../../../../api/src/city/city-pack.types';
import { COMPLAINT_STATUSES } from '../../../../api/src/complaints/complaint-view.types';
import type { InboxFilters } from '../../api/complaint-staff';
import { isComplaintStatus } from '../../api/complaints';
import { h } from '../../dom';
import { checkbox, radioGroup, selectField } from '../../forms/fields';
import type { CityPageContext } from '../page';
import { statusLabel } from '../complaints/complaint-rendering';

/** The choices of "filed more than N days ago". */
export const ageChoices = [1, 3, 7, 14, 30] as const;

const assigneeChoices = ['any', 'me', 'none'] as const;

/** The complaint services an official's inbox can hold: their department's; an admin sees every one. */
export function inboxServices(context: CityPageContext): ComplaintService[] {
  const departmentId = context.person?.role === 'admin' ? null : context.person?.departmentId;
  return context.city.services.filter(
    (service): service is ComplaintService => service.kind === 'complaint' && (!departmentId || service.departmentId === departmentId),
  );
}

/**
 * The filters in the page's address. Anything the API would refuse (an unknown status, a service of another
 * city, an age that is not offered) is left out rather than shown as an error: such a link was made by hand.
 */
export function filtersFromQuery(search: string, context: CityPageContext): InboxFilters {
  const query = new URLSearchParams(search);
  const filters: InboxFilters = { page: 1 };
  const status = query.get('status') ?? '';
  if (isComplaintStatus(status)) filters.status = status;
  const serviceId = query.get('serviceId') ?? '';
  if (inboxServices(context).some((service) => service.id === serviceId)) filters.serviceId = serviceId;
  const age = Number(query.get('minAgeDays'));
  if ((ageChoices as readonly number[]).includes(age)) filters.minAgeDays = age;
  if (query.get('overdue') === 'true') filters.overdue = true;
  const assignee = query.get('assignee');
  if (assignee === 'me' || assignee === 'none') filters.assignee = assignee;
  const page = Number(query.get('page'));
  if (Number.isSafeInteger(page) && page > 1) filters.page = page;
  return filters;
}

export function hasFilters(filters: InboxFilters): boolean {
  return Object.keys(filters).some((key) => key !== 'page');
}

export interface FilterForm {
  form: HTMLFormElement;
  /** The filters the form's controls say now, from page 1. */
  read(): InboxFilters;
  /** Sets the controls to `filters` (after the back button). */
  show(filters: InboxFilters): void;
}

const noMessages = (text: string) => ({ required: text, invalid: text });

/**
 * The filters as a GET form to this page, so that without script it works as a plain form, and with script the
 * page reads the same names from its address: a reload or the back button keeps what was chosen.
 */
export function filterForm(context: CityPageContext): FilterForm {
  const { t, language } = context;
  const invalid = noMessages(t('console:inbox.filters.invalid'));
  const status = selectField({
    id: 'inbox-status',
    name: 'status',
    label: t('console:inbox.filters.status.label'),
    options: [
      { value: '', label: t('console:inbox.filters.status.any') },
      ...COMPLAINT_STATUSES.map((value) => ({ value, label: statusLabel(value, context) })),
    ],
    messages: invalid,
  });
  const service = selectField({
    id: 'inbox-service',
    name: 'serviceId',
    label: t('console:inbox.filters.service.label'),
    options: [
      { value: '', label: t('console:inbox.filters.service.any') },
      ...inboxServices(context).map((candidate) => {
        const name = context.localize(candidate.name);
        return { value: candidate.id, label: name.text, lang: name.lang !== language ? name.lang : undefined };
      }),
    ],
    messages: invalid,
  });
  const age = selectField({
    id: 'inbox-age',
    name: 'minAgeDays',
    label: t('console:inbox.filters.age.label'),
    options: [
      { value: '', label: t('console:inbox.filters.age.any') },
      ...ageChoices.map((days) => ({ value: String(days), label: t('console:inbox.filters.age.olderThan', { count: days }) })),
    ],
    messages: invalid,
  });
  const overdue = checkbox({ id: 'inbox-overdue', name: 'overdue', label: t('console:inbox.filters.overdue'), messages: invalid });
  overdue.input.value = 'true';
  const assignee = radioGroup({
    id: 'inbox-assignee',
    name: 'assignee',
    legend: t('console:inbox.filters.assignee.legend'),
    value: 'any',
    options: assigneeChoices.map((value) => ({ value, label: t(`console:inbox.filters.assignee.${value}`) })),
    messages: invalid,
  });
  const assigneeInputs = () => [...assignee.root.querySelectorAll<HTMLInputElement>('input[type="radio"]')];

  const form = h(
    'form',
    {
      class: 'form inbox-filters',
      id: 'inbox-filters',
      method: 'get',
      action: '/console/complaints',
      'aria-labelledby': 'inbox-filters-heading',
    },
    h('h2', { id: 'inbox-filters-heading' }, t('console:inbox.filters.heading')),
    h('div', { class: 'inbox-filters__fields' }, status.root, service.root, age.root),
    overdue.root,
    assignee.root,
    h(
      'div',
      { class: 'form__actions' },
      h('button', { type: 'submit', class: 'button', id: 'inbox-filters-submit' }, t('console:inbox.filters.submit')),
      h('a', { href: '/console/complaints', id: 'inbox-filters-clear' }, t('console:inbox.filters.clear')),
    ),
  );

  const show = (filters: InboxFilters) => {
    status.select.value = filters.status ?? '';
    service.select.value = filters.serviceId ?? '';
    age.select.value = filters.minAgeDays === undefined ? '' : String(filters.minAgeDays);
    overdue.input.checked = filters.overdue === true;
    for (const input of assigneeInputs()) input.checked = input.value === (filters.assignee ?? 'any');
  };

  const read = (): InboxFilters => {
    const query = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (typeof value === 'string' && value !== '') query.set(name, value);
    return filtersFromQuery(query.toString(), context);
  };

  return { form, read, show };
}
