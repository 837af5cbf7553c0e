import type {
  BoardView,
  CounterLineView,
  CounterView,
  IssuedTicket,
  TicketStatus,
  TicketView,
} from '../../../api/src/queues/queue-view.types';
import { TICKET_STATUSES } from '../../../api/src/queues/queue-view.types';
import { getJson, sendJson, type RequestOptions } from './client';

/** The queue routes of docs/api/queues.md that the portal uses; the types are the API's own. */

export type { BoardView, CounterLineView, CounterView, IssuedTicket, TicketStatus, TicketView };

/** Steps an official takes on a called or serving ticket, as the routes name them. */
export type DeskAction = 'recall' | 'serve' | 'no-show' | 'complete';

/** A ticket token is 24 base64url characters (the API answers NOT_FOUND for anything else). */
export const ticketTokenShape = /^[A-Za-z0-9_-]{24}$/;

/** Statuses after which a ticket moves no more. */
export const endedStatuses: readonly TicketStatus[] = ['done', 'noshow', 'transferred', 'cancelled'];

export function isTicketStatus(status: string): status is TicketStatus {
  return (TICKET_STATUSES as readonly string[]).includes(status);
}

const counterPath = (counterId: string) => `/api/queues/${encodeURIComponent(counterId)}`;
const tokenPath = (token: string) => `/api/queues/tickets/${encodeURIComponent(token)}`;

export const listCounters = (options: RequestOptions) => getJson<CounterView[]>('/api/queues', options);

export const getBoard = (hallId: string, options: RequestOptions) =>
  getJson<BoardView>(`/api/queues/board?hall=${encodeURIComponent(hallId)}`, options);

export const takeTicket = (counterId: string, serviceId: string, options: RequestOptions) =>
  sendJson<IssuedTicket>('POST', `${counterPath(counterId)}/tickets`, { serviceId }, options);

export const trackTicket = (token: string, options: RequestOptions) => getJson<TicketView>(tokenPath(token), options);

export const cancelTicket = (token: string, options: RequestOptions) =>
  sendJson<TicketView>('POST', `${tokenPath(token)}/cancel`, undefined, options);

export const getCounterLine = (counterId: string, options: RequestOptions) => getJson<CounterLineView>(counterPath(counterId), options);

export const setCounterOpen = (counterId: string, open: boolean, options: RequestOptions) =>
  sendJson<CounterView>('POST', `${counterPath(counterId)}/${open ? 'open' : 'close'}`, undefined, options);

export const callNext = (counterId: string, options: RequestOptions) =>
  sendJson<TicketView>('POST', `${counterPath(counterId)}/call-next`, undefined, options);

export const stepTicket = (ticketId: string, action: DeskAction, options: RequestOptions) =>
  sendJson<TicketView>('POST', `/api/queues/tickets/${encodeURIComponent(ticketId)}/${action}`, undefined, options);

export const transferTicket = (ticketId: string, target: { counterId: string; serviceId: string }, options: RequestOptions) =>
  sendJson<TicketView>('POST', `/api/queues/tickets/${encodeURIComponent(ticketId)}/transfer`, target, options);
