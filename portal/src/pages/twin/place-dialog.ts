import type { CityService, GeoPoint, Official, ServiceCounter } from '../../../../api/src/city/city-pack.types';
import type { OfficialState } from '../../../../api/src/city/official-view.types';
import { announce } from '../../a11y/announcer';
import { ApiError } from '../../api/client';
import { takeTicket } from '../../api/queues';
import { h, localized } from '../../dom';
import type { CityPageContext } from '../page';
import { rememberTicketToken } from '../queues/ticket-storage';

/** One reusable modal <dialog>: focus goes into it on opening and back to whatever opened it on closing. */
export class TwinDialog {
  readonly element: HTMLDialogElement;
  private readonly body: HTMLElement;
  private invoker: HTMLElement | null = null;

  constructor(private readonly context: CityPageContext) {
    this.body = h('div', { class: 'twin-dialog__body' });
    const close = h(
      'button',
      { type: 'button', class: 'button button--secondary', id: 'twin-dialog-close' },
      context.t('twin:dialog.close'),
    );
    close.addEventListener('click', () => this.element.close());
    this.element = h(
      'dialog',
      { class: 'twin-dialog', id: 'twin-dialog', 'aria-labelledby': 'twin-dialog-title' },
      this.body,
      h('div', { class: 'twin-dialog__actions' }, close),
    );
    this.element.addEventListener('close', () => {
      const back = this.invoker;
      this.invoker = null;
      if (back?.isConnected) back.focus();
    });
  }

  open(title: HTMLElement, content: HTMLElement[], invoker: HTMLElement): void {
    title.id = 'twin-dialog-title';
    this.invoker = invoker;
    this.body.replaceChildren(title, ...content);
    if (!this.element.open) this.element.showModal();
    title.setAttribute('tabindex', '-1');
    title.focus();
  }
}

function servicesOf(ids: readonly string[], all: readonly CityService[], kind: CityService['kind']): CityService[] {
  return ids.map((id) => all.find((service) => service.id === id)).filter((service): service is CityService => service?.kind === kind);
}

/** Take a ticket at a counter: its services to choose from, a real ticket, and where to follow it. */
function ticketSection(counter: ServiceCounter, state: OfficialState, context: CityPageContext): HTMLElement {
  const { t, city, language } = context;
  const section = h(
    'section',
    { class: 'twin-dialog__section', 'aria-labelledby': 'twin-ticket-heading' },
    h('h3', { id: 'twin-ticket-heading' }, t('twin:ticket.heading')),
  );
  if (state === 'away') {
    section.append(h('p', null, t('twin:ticket.closed')), h('p', null, h('a', { href: '/queues' }, t('twin:ticket.queuesLink'))));
    return section;
  }
  const services = counter.serviceIds
    .map((id) => city.services.find((service) => service.id === id))
    .filter((service) => service !== undefined);
  const select = h(
    'select',
    { id: 'twin-ticket-service', class: 'input', name: 'serviceId' },
    ...services.map((service) => {
      const name = context.localize(service.name);
      return h('option', { value: service.id, lang: name.lang !== language ? name.lang : undefined }, name.text);
    }),
  );
  const take = h('button', { type: 'button', class: 'button', id: 'twin-ticket-take' }, t('twin:ticket.take'));
  const result = h('div', { class: 'twin-dialog__result', id: 'twin-ticket-result' });
  take.addEventListener('click', () => {
    if (take.getAttribute('aria-disabled') === 'true') return;
    take.setAttribute('aria-disabled', 'true');
    announce(t('twin:ticket.taking'));
    takeTicket(counter.id, select.value, { language }).then(
      (issued) => {
        rememberTicketToken(issued.ticketToken);
        const number = h(
          'p',
          { class: 'twin-dialog__ticket', id: 'twin-ticket-number' },
          t('twin:ticket.taken', { number: issued.ticket.number }),
        );
        result.replaceChildren(number, h('p', null, h('a', { href: '/queues', id: 'twin-ticket-follow' }, t('twin:ticket.follow'))));
        announce(t('twin:ticket.taken', { number: issued.ticket.number }));
      },
      (error: unknown) => {
        take.removeAttribute('aria-disabled');
        const message = error instanceof ApiError ? error.message : t('twin:ticket.failed');
        result.replaceChildren(h('p', { class: 'alert', role: 'alert' }, message));
      },
    );
  });
  section.append(
    h('div', { class: 'field' }, h('label', { class: 'field__label', for: 'twin-ticket-service' }, t('twin:ticket.service')), select),
    h('div', { class: 'form__actions' }, take),
    result,
  );
  return section;
}

/** Links to what else the official does: book them, file a complaint in their department, submit documents. */
function officialLinks(official: Official, counter: ServiceCounter, context: CityPageContext): HTMLElement {
  const { t, city } = context;
  const atCounter = (kind: CityService['kind']) => servicesOf(counter.serviceIds, city.services, kind);
  const ofDepartment = (kind: CityService['kind']) =>
    city.services.filter((service) => service.kind === kind && service.departmentId === official.departmentId);
  const appointment = ofDepartment('appointment')[0] ?? atCounter('appointment')[0];
  const complaint = ofDepartment('complaint')[0] ?? atCounter('complaint')[0];
  const documentService = ofDepartment('document')[0] ?? atCounter('document')[0];
  const query = (values: Record<string, string>) => `?${new URLSearchParams(values).toString()}`;
  const links = [
    appointment
      ? h(
          'a',
          { href: `/appointments/new${query({ service: appointment.id, official: official.id })}`, id: 'twin-official-book' },
          t('twin:official.book'),
        )
      : null,
    h(
      'a',
      { href: `/complaints/new${complaint ? query({ service: complaint.id }) : ''}`, id: 'twin-official-complaint' },
      t('twin:official.complaint'),
    ),
    h(
      'a',
      { href: `/documents${documentService ? query({ service: documentService.id }) : ''}`, id: 'twin-official-documents' },
      t('twin:official.documents'),
    ),
  ];
  return h('ul', { class: 'link-list' }, ...links.filter((link) => link !== null).map((link) => h('li', null, link)));
}

export function officialContent(
  official: Official,
  counter: ServiceCounter,
  state: OfficialState,
  context: CityPageContext,
): HTMLElement[] {
  const { t, language, city } = context;
  const department = city.departments.find((candidate) => candidate.id === official.departmentId);
  return [
    localized('p', context.localize(official.role), language, { class: 'lead' }),
    h(
      'dl',
      { class: 'details' },
      h(
        'div',
        { class: 'details__row' },
        h('dt', null, t('twin:official.department')),
        department ? localized('dd', context.localize(department.name), language) : h('dd', null, '—'),
      ),
      h(
        'div',
        { class: 'details__row' },
        h('dt', null, t('twin:official.counter')),
        localized('dd', context.localize(counter.name), language),
      ),
      h(
        'div',
        { class: 'details__row' },
        h('dt', null, t('twin:official.state')),
        h('dd', { id: 'twin-official-state' }, t(`twin:state.${state}`)),
      ),
    ),
    ticketSection(counter, state, context),
    officialLinks(official, counter, context),
  ];
}

export function counterContent(counter: ServiceCounter, state: OfficialState, context: CityPageContext): HTMLElement[] {
  const { t, language, city } = context;
  const staff = city.officials.filter((official) => official.counterId === counter.id);
  return [
    h('p', { class: 'lead' }, t(`twin:counterState.${state}`)),
    staff.length > 0
      ? h(
          'ul',
          { class: 'bullet-list' },
          ...staff.map((official) => h('li', null, localized('span', context.localize(official.name), language))),
        )
      : null,
    ticketSection(counter, state, context),
    h('p', null, h('a', { href: '/queues/board' }, t('twin:ticket.boardLink'))),
  ].filter((part): part is HTMLElement => part !== null);
}

/** Report a problem here: the complaint form, opened with the picked building, floor and point filled in. */
export function reportLink(
  pick: { buildingId: string | null; floor: number | null; point: GeoPoint },
  context: CityPageContext,
): HTMLElement {
  const values: Record<string, string> = { lat: pick.point.lat.toFixed(6), long: pick.point.lon.toFixed(6) };
  if (pick.buildingId) values.buildingId = pick.buildingId;
  if (pick.floor !== null) values.floor = String(pick.floor);
  return h(
    'p',
    null,
    h(
      'a',
      { href: `/complaints/new?${new URLSearchParams(values).toString()}`, class: 'button', id: 'twin-report-link' },
      context.t('twin:report.link'),
    ),
  );
}
