import type { DeskAction, TicketView } from '../../api/queues';
import { h } from '../../dom';
import { directionOf } from '../../i18n/language-tags';
import type { CityPageContext } from '../page';
import { numberInText, serviceName, statusTag } from '../queues/queue-rendering';

/** What the desk asks the page to do; the page sends it, shows the result and where focus goes. */
export interface DeskHandlers {
  step: (ticket: TicketView, action: DeskAction) => void;
  transfer: (ticket: TicketView, target: { counterId: string; serviceId: string }) => void;
  /** Opens (or shows again) the consultation with the ticket's holder, beside the line. */
  consult: (ticket: TicketView) => void;
}

/** The steps offered from each status an official sees at the counter (docs/api/queues.md). */
const actionsFrom: Record<'called' | 'serving', readonly DeskAction[]> = {
  called: ['serve', 'recall', 'no-show'],
  serving: ['complete'],
};

const actionText = { serve: 'serve', recall: 'recall', 'no-show': 'noShow', complete: 'complete' } as const;

/** Every counter and service of the hall a ticket may be sent to: other counters, or another matter at this one. */
function transferSelect(ticket: TicketView, context: CityPageContext): HTMLSelectElement {
  const { city, language } = context;
  const select = h('select', { class: 'input select', id: `counter-transfer-target-${ticket.id}`, name: 'target' });
  for (const counter of city.cityHall.counters) {
    const name = context.localize(counter.name);
    const group = h('optgroup', { label: name.text, lang: name.lang !== language ? name.lang : null });
    for (const serviceId of counter.serviceIds) {
      if (counter.id === ticket.counterId && serviceId === ticket.serviceId) continue;
      const service = city.services.find((candidate) => candidate.id === serviceId);
      if (!service) continue;
      const label = context.localize(service.name);
      const foreign = label.lang !== language;
      group.append(
        h(
          'option',
          { value: `${counter.id}/${serviceId}`, lang: foreign ? label.lang : null, dir: foreign ? directionOf(label.lang) : null },
          label.text,
        ),
      );
    }
    if (group.childElementCount > 0) select.append(group);
  }
  return select;
}

function transferForm(ticket: TicketView, context: CityPageContext, handlers: DeskHandlers): HTMLElement {
  const { t } = context;
  const number = numberInText(ticket.number);
  const select = transferSelect(ticket, context);
  const hintId = `${select.id}-hint`;
  select.setAttribute('aria-describedby', hintId);
  const submit = h(
    'button',
    { type: 'submit', class: 'button button--secondary', id: `counter-transfer-${ticket.id}` },
    t('queues:console.current.transfer.submit', { number }),
  );
  const form = h(
    'form',
    { class: 'form desk-transfer', id: `counter-transfer-form-${ticket.id}` },
    h(
      'div',
      { class: 'field' },
      h('label', { class: 'field__label', for: select.id }, t('queues:console.current.transfer.label', { number })),
      h('p', { class: 'field__hint', id: hintId }, t('queues:console.current.transfer.hint')),
      select,
    ),
    h('div', { class: 'form__actions' }, submit),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const [counterId = '', serviceId = ''] = select.value.split('/');
    handlers.transfer(ticket, { counterId, serviceId });
  });
  return form;
}

/** "Start consultation": a called ticket's holder, when signed in, talks it through online (the API says when it cannot). */
function consultButton(ticket: TicketView, context: CityPageContext, handlers: DeskHandlers): HTMLElement {
  const button = h(
    'button',
    { type: 'button', class: 'button button--secondary', id: `counter-consult-${ticket.id}` },
    context.t('consultations:console.start', { number: numberInText(ticket.number) }),
  );
  button.addEventListener('click', () => handlers.consult(ticket));
  return button;
}

/** One called or serving ticket: its number, matter and status, and the steps it allows as buttons. */
function deskTicket(ticket: TicketView, context: CityPageContext, handlers: DeskHandlers): HTMLElement {
  const { t, format } = context;
  const number = numberInText(ticket.number);
  const actions = ticket.status === 'called' || ticket.status === 'serving' ? actionsFrom[ticket.status] : [];
  return h(
    'li',
    { class: 'desk-ticket', id: `counter-current-${ticket.id}`, 'data-ticket-id': ticket.id, 'data-status': ticket.status },
    h('h3', { class: 'desk-ticket__number' }, t('queues:console.current.ticket', { number })),
    h(
      'p',
      null,
      statusTag(ticket.status, context),
      ' · ',
      serviceName(ticket.serviceId, context),
      ticket.calledAt ? ` · ${t('queues:console.current.since', { time: format.dateTime(new Date(ticket.calledAt)) })}` : null,
    ),
    h(
      'div',
      { class: 'form__actions' },
      ...actions.map((action) => {
        const button = h(
          'button',
          { type: 'button', class: action === 'no-show' ? 'button button--secondary' : 'button', id: `counter-${action}-${ticket.id}` },
          t(`queues:console.current.${actionText[action]}`, { number }),
        );
        button.addEventListener('click', () => handlers.step(ticket, action));
        return button;
      }),
      consultButton(ticket, context, handlers),
    ),
    transferForm(ticket, context, handlers),
  );
}

/** The tickets called to this counter or being served at it, each with its steps; or a line that says none is. */
export function deskTickets(tickets: readonly TicketView[], context: CityPageContext, handlers: DeskHandlers): HTMLElement {
  const current = tickets.filter((ticket) => ticket.status === 'called' || ticket.status === 'serving');
  if (current.length === 0) return h('p', { id: 'counter-current-none' }, context.t('queues:console.current.none'));
  return h(
    'ul',
    { class: 'plain-list desk-tickets', id: 'counter-current-list' },
    ...current.map((ticket) => deskTicket(ticket, context, handlers)),
  );
}
