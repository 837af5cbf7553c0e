import type { CityService, Department, RequiredDocument } from '../../../../api/src/city/city-pack.types';
import { h, localized } from '../../dom';
import type { CityPageContext, PageModule } from '../page';

/** "application/pdf" → "PDF", "image/svg+xml" → "SVG". */
function formatName(mimeType: string): string {
  const subtype = mimeType.split('/')[1] ?? mimeType;
  return (subtype.split('+')[0] ?? subtype).toUpperCase();
}

function expectedTime(days: number, { t }: CityPageContext): string {
  return days === 0 ? t('services.sameDay') : t('services.expectedDays', { count: days });
}

function detail(term: string, description: Node | string): HTMLElement {
  return h('div', { class: 'details__row' }, h('dt', null, term), h('dd', null, description));
}

function requiredDocument(document: RequiredDocument, context: CityPageContext): HTMLElement {
  const { t, format } = context;
  const formats = format.alternatives(document.mimeTypes.map(formatName));
  return h(
    'li',
    null,
    localized('span', context.localize(document.name), context.language),
    ' ',
    h('span', { class: 'muted' }, `(${t('services.documentFormat', { formats, size: format.fileSize(document.maxSizeBytes) })})`),
  );
}

function serviceDetails(service: CityService, context: CityPageContext): HTMLElement {
  const { t, format } = context;
  const rows = [
    detail(t('services.details.kind'), t(`services.kinds.${service.kind}`)),
    detail(t('services.details.fee'), service.fee ? format.currency(service.fee.amount, service.fee.currency) : t('services.free')),
  ];
  switch (service.kind) {
    case 'complaint':
      rows.push(detail(t('services.details.processingTime'), expectedTime(service.expectedDays, context)));
      break;
    case 'appointment':
      rows.push(
        detail(t('services.details.duration'), t('services.durationMinutes', { count: service.durationMinutes })),
        detail(t('services.details.meeting'), service.virtualAllowed ? t('services.virtualAllowed') : t('services.inPersonOnly')),
      );
      break;
    case 'document':
      rows.push(detail(t('services.details.processingTime'), expectedTime(service.expectedDays, context)));
      if (service.requiredDocuments.length > 0) {
        rows.push(
          detail(
            t('services.details.requiredDocuments'),
            h('ul', { class: 'plain-list' }, ...service.requiredDocuments.map((d) => requiredDocument(d, context))),
          ),
        );
      }
      break;
  }
  return h('dl', { class: 'details' }, ...rows);
}

function serviceItem(service: CityService, context: CityPageContext): HTMLElement {
  return h(
    'li',
    { class: 'service' },
    localized('h3', context.localize(service.name), context.language, { class: 'service__name' }),
    localized('p', context.localize(service.description), context.language),
    serviceDetails(service, context),
  );
}

function departmentAnchor(department: Department): string {
  return `department-${department.id}`;
}

function departmentSection(department: Department, context: CityPageContext): HTMLElement {
  const services = context.city.services.filter((service) => service.departmentId === department.id);
  const headingId = departmentAnchor(department);
  return h(
    'section',
    { class: 'department' },
    localized('h2', context.localize(department.name), context.language, { id: headingId }),
    localized('p', context.localize(department.description), context.language),
    services.length > 0
      ? h('ul', { class: 'service-list', role: 'list' }, ...services.map((service) => serviceItem(service, context)))
      : h('p', { class: 'muted' }, context.t('services.noServices')),
  );
}

function contents(departments: readonly Department[], context: CityPageContext): HTMLElement {
  return h(
    'nav',
    { class: 'contents', 'aria-label': context.t('services.contents') },
    h(
      'ul',
      { class: 'contents__list' },
      ...departments.map((department) =>
        h('li', null, localized('a', context.localize(department.name), context.language, { href: `#${departmentAnchor(department)}` })),
      ),
    ),
  );
}

function render(context: CityPageContext): HTMLElement {
  const { t, city } = context;
  return h(
    'div',
    { class: 'page page--services' },
    h('h1', null, t('services.heading')),
    h('p', { class: 'lead' }, t('services.intro')),
    city.departments.length > 1 ? contents(city.departments, context) : null,
    ...city.departments.map((department) => departmentSection(department, context)),
  );
}

export const servicesPage: PageModule = { requiresCity: true, render };
