import type { InboxFilters } from '../../api/complaint-staff';
import type { Complaint } from '../../api/complaints';
import { h, localized } from '../../dom';
import type { CityPageContext } from '../page';
import { statusLabel } from '../complaints/complaint-rendering';
import { hasFilters } from './inbox-filters';

/** Names of officials by id, for the "Assigned to" column. */
export type AssigneeNames = ReadonlyMap<string, string>;

export function isOverdue(complaint: Complaint, now = Date.now()): boolean {
  const open = complaint.status === 'submitted' || complaint.status === 'acknowledged' || complaint.status === 'in_progress';
  return open && Date.parse(complaint.expectedBy) < now;
}

export function serviceName(serviceId: string, context: CityPageContext): HTMLElement {
  const service = context.city.services.find((candidate) => candidate.id === serviceId);
  return service ? localized('span', context.localize(service.name), context.language) : h('span', { dir: 'ltr' }, serviceId);
}

/** "Overdue" in words, not only in colour. */
export function overdueTag(context: CityPageContext): HTMLElement {
  return h('strong', { class: 'overdue-tag' }, context.t('console:inbox.table.overdue'));
}

function assigneeText(assigneeId: string | null | undefined, names: AssigneeNames, context: CityPageContext): Node | string {
  const { t, person } = context;
  if (!assigneeId) return h('span', { class: 'muted' }, t('console:inbox.table.unassigned'));
  if (assigneeId === person?.id) return t('console:inbox.table.you');
  const name = names.get(assigneeId);
  return name ? h('bdi', null, name) : t('console:inbox.table.someoneElse');
}

function row(complaint: Complaint, names: AssigneeNames, context: CityPageContext): HTMLElement {
  const { format } = context;
  const overdue = isOverdue(complaint);
  return h(
    'tr',
    { 'data-complaint-id': complaint.id, class: overdue ? 'inbox-table__row--overdue' : null },
    h(
      'th',
      { scope: 'row' },
      h(
        'a',
        { href: `/console/complaint?id=${encodeURIComponent(complaint.id)}`, id: `inbox-case-${complaint.id}`, dir: 'ltr' },
        complaint.caseNumber,
      ),
    ),
    h('td', null, serviceName(complaint.serviceId, context)),
    h('td', null, h('span', { class: 'status-tag', 'data-status': complaint.status }, statusLabel(complaint.status, context))),
    h('td', null, h('time', { datetime: complaint.createdAt }, format.date(new Date(complaint.createdAt)))),
    h(
      'td',
      null,
      h('time', { datetime: complaint.expectedBy }, format.date(new Date(complaint.expectedBy))),
      overdue ? ' ' : null,
      overdue ? overdueTag(context) : null,
    ),
    h('td', null, assigneeText(complaint.assigneeId, names, context)),
  );
}

/**
 * The inbox as a table: a caption that says what it holds (focus goes there after filtering or showing new
 * complaints), column headers, and the case number as the row's header and its link.
 */
export function inboxTable(
  complaints: readonly Complaint[],
  filters: InboxFilters,
  names: AssigneeNames,
  context: CityPageContext,
): HTMLElement {
  const { t, format } = context;
  const caption = hasFilters(filters)
    ? t('console:inbox.table.captionFiltered', { page: format.number(filters.page) })
    : t('console:inbox.table.caption', { page: format.number(filters.page) });
  const columns = ['caseNumber', 'service', 'status', 'filed', 'expectedBy', 'assignee'] as const;
  return h(
    'div',
    { class: 'table-scroll', role: 'region', 'aria-labelledby': 'inbox-caption', tabindex: '0' },
    h(
      'table',
      { class: 'table inbox-table', id: 'inbox-table' },
      h('caption', { id: 'inbox-caption', tabindex: '-1' }, caption),
      h('thead', null, h('tr', null, ...columns.map((column) => h('th', { scope: 'col' }, t(`console:inbox.table.${column}`))))),
      h('tbody', null, ...complaints.map((complaint) => row(complaint, names, context))),
    ),
  );
}
