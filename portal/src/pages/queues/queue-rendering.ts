import type { LocalizedText, ServiceCounter } from '../../../../api/src/city/city-pack.types';
import { isTicketStatus, type CounterView, type TicketView } from '../../api/queues';
import { h, localized } from '../../dom';
import type { CityPageContext, PageContext } from '../page';

/** The pieces of the queues that the ticket page, the board and the counter console show alike. */

export function statusLabel(status: string, { t }: PageContext): string {
  return isTicketStatus(status) ? t(`queues:status.${status}`) : t('queues:status.unknown');
}

/** The status as a tag; `data-status` carries the stable code for styles and tests. */
export function statusTag(status: string, context: PageContext): HTMLElement {
  return h('strong', { class: 'status-tag', 'data-status': status }, statusLabel(status, context));
}

/** A ticket number inside a translated sentence: isolated left-to-right, so "A-017" reads the same in Arabic. */
export function numberInText(number: string): string {
  return `\u2066${number}\u2069`;
}

/** A ticket number as an element of its own, left-to-right whatever the page's direction. */
export function ticketNumber(number: string, attributes: Record<string, string> = {}): HTMLElement {
  return h('span', { class: 'ticket-number', dir: 'ltr', ...attributes }, number);
}

export function counterOf(counterId: string, context: CityPageContext): ServiceCounter | undefined {
  return context.city.cityHall.counters.find((counter) => counter.id === counterId);
}

/** City text for a sentence: first-strong isolated, so an English fallback keeps its place in Arabic. */
export function nameInText(name: LocalizedText, context: PageContext): string {
  return `\u2068${context.localize(name).text}\u2069`;
}

/** A counter's name in the page's language (or the pack's English, marked as such), or its id when unknown. */
export function counterName(counterId: string, context: CityPageContext): HTMLElement {
  const counter = counterOf(counterId, context);
  return counter ? localized('span', context.localize(counter.name), context.language) : h('span', { dir: 'ltr' }, counterId);
}

export function counterNameText(counterId: string, context: CityPageContext): string {
  const counter = counterOf(counterId, context);
  return counter ? nameInText(counter.name, context) : counterId;
}

export function serviceName(serviceId: string, context: CityPageContext): HTMLElement {
  const service = context.city.services.find((candidate) => candidate.id === serviceId);
  return service ? localized('span', context.localize(service.name), context.language) : h('span', { dir: 'ltr' }, serviceId);
}

export function serviceNameText(serviceId: string, context: CityPageContext): string {
  const service = context.city.services.find((candidate) => candidate.id === serviceId);
  return service ? nameInText(service.name, context) : serviceId;
}

/** "3 people ahead of you", "You are next", or where the ticket is when it no longer waits. */
export function placeText(ticket: TicketView, context: CityPageContext): string {
  const { t } = context;
  if (ticket.status === 'called') return t('queues:ticket.yourTurn', { counter: counterNameText(ticket.counterId, context) });
  if (ticket.status === 'serving') return t('queues:ticket.beingServed');
  if (ticket.status !== 'waiting' || ticket.position === null) return t('queues:ticket.notInLine');
  return ticket.position <= 1 ? t('queues:ticket.next') : t('queues:ticket.ahead', { count: ticket.position - 1 });
}

export function waitText(ticket: TicketView, { t }: PageContext): string {
  if (ticket.status !== 'waiting' || ticket.estimatedWaitMinutes === null) return t('queues:ticket.noWait');
  return t('queues:waitMinutes', { count: ticket.estimatedWaitMinutes });
}

/** One line about a counter: open or closed in words, how many wait, the wait for a new ticket, who is called. */
export function counterSummary(counter: CounterView, context: PageContext): string {
  const { t } = context;
  if (!counter.open) return t('queues:take.counter.summaryClosed');
  const numbers = counter.nowServing.map((serving) => numberInText(serving.number));
  return t('queues:take.counter.summaryOpen', {
    waiting: t('queues:waiting', { count: counter.waiting }),
    wait: t('queues:waitMinutes', { count: counter.estimatedWaitMinutes }),
    serving: numbers.length > 0 ? t('queues:nowServing', { numbers: numbers.join(', ') }) : t('queues:nowServingNone'),
  });
}
