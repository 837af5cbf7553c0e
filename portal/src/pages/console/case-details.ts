import type { ComplaintAttribute, ComplaintService } from '../../../../api/src/city/city-pack.types';
import type { Complaint } from '../../api/complaints';
import { h, localized } from '../../dom';
import type { CityPageContext } from '../page';
import { statusLabel } from '../complaints/complaint-rendering';
import { isOverdue, overdueTag, serviceName } from './inbox-table';

function row(term: string, value: Node | string, id: string): HTMLElement {
  return h('div', { class: 'details__row' }, h('dt', null, term), h('dd', { id }, value));
}

function complaintService(complaint: Complaint, context: CityPageContext): ComplaintService | undefined {
  return context.city.services.find(
    (service): service is ComplaintService => service.kind === 'complaint' && service.id === complaint.serviceId,
  );
}

/** A building or landmark of the city pack by id, or the id itself when the pack has no such building. */
function buildingName(id: string, context: CityPageContext): HTMLElement {
  const building = context.city.buildings.find((candidate) => candidate.id === id);
  return building ? localized('span', context.localize(building.name), context.language) : h('span', { dir: 'ltr' }, id);
}

function summary(complaint: Complaint, assignee: string, context: CityPageContext): HTMLElement {
  const { t, format } = context;
  const department = context.city.departments.find((candidate) => candidate.id === complaint.departmentId);
  const overdue = isOverdue(complaint);
  return h(
    'dl',
    { class: 'details', id: 'case-details' },
    row(t('console:case.details.caseNumber'), h('span', { dir: 'ltr' }, complaint.caseNumber), 'case-number'),
    row(t('console:case.details.service'), serviceName(complaint.serviceId, context), 'case-service'),
    row(
      t('console:case.details.department'),
      department ? localized('span', context.localize(department.name), context.language) : complaint.departmentId,
      'case-department',
    ),
    row(
      t('console:case.details.status'),
      h('strong', { class: 'status-tag', 'data-status': complaint.status }, statusLabel(complaint.status, context)),
      'case-status',
    ),
    row(t('console:case.details.filed'), format.dateTime(new Date(complaint.createdAt)), 'case-filed'),
    row(
      t('console:case.details.expectedBy'),
      h('span', null, format.date(new Date(complaint.expectedBy)), overdue ? ' ' : null, overdue ? overdueTag(context) : null),
      'case-expected-by',
    ),
    row(t('console:case.details.assignee'), assignee, 'case-assignee-current'),
    row(
      t('console:case.details.contactEmail'),
      complaint.contactEmail ? h('bdi', null, complaint.contactEmail) : t('console:case.details.noContactEmail'),
      'case-contact-email',
    ),
    row(
      t('console:case.details.followers'),
      t('console:case.details.followerCount', { count: complaint.followers ?? 0 }),
      'case-followers',
    ),
  );
}

/** Where the problem is, in every form the filer gave it: address, place of the list, coordinates, 3D pick. */
function location(complaint: Complaint, context: CityPageContext): HTMLElement {
  const { t, format } = context;
  const where = complaint.location;
  const rows: HTMLElement[] = [];
  if (where.address) rows.push(row(t('console:case.location.address'), h('bdi', null, where.address), 'case-address'));
  if (where.placeId) rows.push(row(t('console:case.location.place'), buildingName(where.placeId, context), 'case-place'));
  if (where.lat !== null && where.long !== null) {
    const coordinates = t('console:case.location.coordinatesValue', { lat: format.number(where.lat), long: format.number(where.long) });
    rows.push(row(t('console:case.location.coordinates'), coordinates, 'case-coordinates'));
  }
  if (where.buildingId) rows.push(row(t('console:case.location.building'), buildingName(where.buildingId, context), 'case-building'));
  if (where.floor !== null) rows.push(row(t('console:case.location.floor'), format.number(where.floor), 'case-floor'));
  if (where.altitude !== null) {
    rows.push(
      row(
        t('console:case.location.altitude'),
        t('console:case.location.metres', { value: format.number(where.altitude) }),
        'case-altitude',
      ),
    );
  }
  return h(
    'section',
    { class: 'case-section', 'aria-labelledby': 'case-location-heading' },
    h('h2', { id: 'case-location-heading' }, t('console:case.location.heading')),
    rows.length > 0
      ? h('dl', { class: 'details', id: 'case-location' }, ...rows)
      : h('p', { id: 'case-location' }, t('console:case.location.none')),
  );
}

/** An answer in words: the names of list values, dates and numbers through Intl, text as it was written. */
function answer(definition: ComplaintAttribute | undefined, value: string | string[], context: CityPageContext): Node | string {
  const values = Array.isArray(value) ? value : [value];
  const nameOf = (key: string): string => {
    const option = definition?.values?.find((candidate) => candidate.key === key);
    return option ? context.localize(option.name).text : key;
  };
  switch (definition?.datatype) {
    case 'singlevaluelist':
    case 'multivaluelist':
      return new Intl.ListFormat(context.language, { type: 'conjunction' }).format(values.map(nameOf));
    case 'datetime': {
      const date = new Date(values[0] ?? '');
      return Number.isNaN(date.getTime()) ? h('bdi', null, values.join(', ')) : context.format.dateTime(date);
    }
    case 'number': {
      const number = Number(values[0]);
      return Number.isFinite(number) ? context.format.number(number) : h('bdi', null, values.join(', '));
    }
    case 'string':
    case 'text':
    case undefined:
      return h('bdi', null, values.join(', '));
  }
}

/** The answers to the service's questions, labelled with the questions of the city pack, in the pack's order. */
function attributes(complaint: Complaint, context: CityPageContext): HTMLElement | null {
  const answers = complaint.attributes ?? {};
  const codes = Object.keys(answers);
  if (codes.length === 0) return null;
  const definitions = complaintService(complaint, context)?.attributes ?? [];
  const ordered = [
    ...definitions.map((definition) => definition.code).filter((code) => codes.includes(code)),
    ...codes.filter((code) => !definitions.some((definition) => definition.code === code)),
  ];
  return h(
    'section',
    { class: 'case-section', 'aria-labelledby': 'case-attributes-heading' },
    h('h2', { id: 'case-attributes-heading' }, context.t('console:case.attributes.heading')),
    h(
      'dl',
      { class: 'details', id: 'case-attributes' },
      ...ordered.map((code) => {
        const definition = definitions.find((candidate) => candidate.code === code);
        const label = definition
          ? localized('span', context.localize(definition.description), context.language)
          : h('span', { dir: 'ltr' }, code);
        return h(
          'div',
          { class: 'details__row' },
          h('dt', null, label),
          h('dd', { id: `case-attribute-${code}` }, answer(definition, answers[code] ?? '', context)),
        );
      }),
    ),
  );
}

function description(complaint: Complaint, context: CityPageContext): HTMLElement {
  const { t, format } = context;
  const body = complaint.redacted
    ? h(
        'div',
        { class: 'redaction-notice', id: 'case-description' },
        h('p', null, t('console:case.description.redacted', { date: format.dateTime(new Date(complaint.redacted.at)) })),
        h('p', null, t('console:case.description.reason'), ' ', h('bdi', null, complaint.redacted.reason)),
      )
    : h('p', { class: 'case-description', id: 'case-description' }, complaint.description ?? '');
  return h(
    'section',
    { class: 'case-section', 'aria-labelledby': 'case-description-heading' },
    h('h2', { id: 'case-description-heading' }, t('console:case.description.heading')),
    body,
    complaint.mediaUrl
      ? h('p', null, h('a', { href: complaint.mediaUrl, id: 'case-media-link' }, t('console:case.description.media')))
      : null,
  );
}

/** The history, oldest first; "internal" is said in words, not only shown. */
function history(complaint: Complaint, context: CityPageContext): HTMLElement {
  const { t, format } = context;
  const entries = [...complaint.history].sort((a, b) => a.at.localeCompare(b.at));
  return h(
    'section',
    { class: 'case-section', 'aria-labelledby': 'case-history-heading' },
    h('h2', { id: 'case-history-heading' }, t('console:case.history.heading')),
    h(
      'ol',
      { class: 'timeline', id: 'case-history' },
      ...entries.map((entry) =>
        h(
          'li',
          { class: 'timeline__item', 'data-status': entry.status, 'data-public': String(entry.public) },
          h('strong', { class: 'timeline__status' }, statusLabel(entry.status, context)),
          ' ',
          h('time', { class: 'timeline__date', datetime: entry.at }, format.dateTime(new Date(entry.at))),
          ' ',
          h(
            'span',
            { class: entry.public ? 'visibility-tag' : 'visibility-tag visibility-tag--internal' },
            t(entry.public ? 'console:case.history.public' : 'console:case.history.internal'),
          ),
          entry.note ? h('p', { class: 'timeline__note' }, entry.note) : null,
        ),
      ),
    ),
  );
}

/** Everything the city knows about the complaint, for the officials who deal with it. */
export function caseDetails(complaint: Complaint, assignee: string, context: CityPageContext): HTMLElement[] {
  return [
    summary(complaint, assignee, context),
    location(complaint, context),
    ...[attributes(complaint, context)].filter((section) => section !== null),
    description(complaint, context),
    history(complaint, context),
  ];
}
