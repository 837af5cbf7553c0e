import type { TicketView } from '../../api/queues';
import { h } from '../../dom';
import type { CityPageContext } from '../page';
import { serviceName, ticketNumber } from '../queues/queue-rendering';

/** The waiting line as a table, in the order it will be called: number, matter, priority in words, since when. */
export function waitingLine(tickets: readonly TicketView[], context: CityPageContext): HTMLElement {
  const { t, format } = context;
  const waiting = tickets.filter((ticket) => ticket.status === 'waiting').sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  if (waiting.length === 0) return h('p', { id: 'counter-line-empty' }, t('queues:console.line.empty'));
  const columns = ['number', 'service', 'priority', 'since'] as const;
  return h(
    'div',
    { class: 'table-scroll', role: 'region', 'aria-labelledby': 'counter-line-caption', tabindex: '0' },
    h(
      'table',
      { class: 'table counter-line', id: 'counter-line-table' },
      h('caption', { id: 'counter-line-caption' }, t('queues:console.line.caption')),
      h('thead', null, h('tr', null, ...columns.map((column) => h('th', { scope: 'col' }, t(`queues:console.line.${column}`))))),
      h(
        'tbody',
        null,
        ...waiting.map((ticket) =>
          h(
            'tr',
            { 'data-ticket-id': ticket.id, 'data-number': ticket.number, 'data-priority': String(ticket.priority) },
            h('th', { scope: 'row' }, ticketNumber(ticket.number)),
            h('td', null, serviceName(ticket.serviceId, context)),
            h(
              'td',
              null,
              ticket.priority ? h('strong', { class: 'tag' }, t('queues:console.line.priorityYes')) : t('queues:console.line.priorityNo'),
            ),
            h('td', null, h('time', { datetime: ticket.createdAt }, format.dateTime(new Date(ticket.createdAt)))),
          ),
        ),
      ),
    ),
  );
}
