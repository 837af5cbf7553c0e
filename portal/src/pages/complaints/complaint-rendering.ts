import { isComplaintStatus, type Complaint } from '../../api/complaints';
import { h, localized } from '../../dom';
import type { CityPageContext, PageContext } from '../page';

/** The pieces of a complaint that the track page, "My complaints" and a complaint's page show alike. */

export function statusLabel(status: string, { t }: PageContext): string {
  return isComplaintStatus(status) ? t(`complaints:status.${status}`) : t('complaints:status.unknown');
}

/** The status as a tag; `data-status` carries the stable code for styles and tests. */
export function statusTag(status: string, context: CityPageContext): HTMLElement {
  return h('strong', { class: 'status-tag', 'data-status': status }, statusLabel(status, context));
}

/** One term and its value in a `dl.details`; the value's element gets `id`. */
export function detailsRow(term: string, value: Node | string, id: string): HTMLElement {
  return h('div', { class: 'details__row' }, h('dt', null, term), h('dd', { id }, value));
}

/** The name of the complaint's kind in the page's language, or its id when the city no longer has it. */
export function serviceName(serviceId: string, context: CityPageContext): HTMLElement {
  const service = context.city.services.find((candidate) => candidate.id === serviceId);
  return service ? localized('span', context.localize(service.name), context.language) : h('span', { dir: 'ltr' }, serviceId);
}

/** The case number inside a translated sentence: isolated left-to-right, so "SEL-2026-000123" reads the same in Arabic. */
export function caseNumberInText(caseNumber: string): string {
  return `\u2066${caseNumber}\u2069`;
}

/**
 * The public history, oldest first, as an ordered list: each step's status, when (in the city's time zone)
 * and the official's note when there is one. `id` names the list; `labelledBy` the heading above it.
 */
export function historyList(complaint: Complaint, context: CityPageContext, id: string, labelledBy: string): HTMLElement {
  const history = complaint.history.filter((entry) => entry.public).sort((a, b) => a.at.localeCompare(b.at));
  return h(
    'ol',
    { class: 'timeline', id, 'aria-labelledby': labelledBy },
    ...history.map((entry) =>
      h(
        'li',
        { class: 'timeline__item', 'data-status': entry.status },
        h('strong', { class: 'timeline__status' }, statusLabel(entry.status, context)),
        ' ',
        h('time', { class: 'timeline__date', datetime: entry.at }, context.format.dateTime(new Date(entry.at))),
        entry.note ? h('p', { class: 'timeline__note', dir: 'auto' }, entry.note) : null,
      ),
    ),
  );
}
