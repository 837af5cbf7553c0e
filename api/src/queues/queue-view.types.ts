/**
 * Queues as the API answers them. Pure types with no imports of the API's runtime, so that the portal shares
 * them. Nothing here names a person: tickets are numbers, counters are the city pack's.
 */
import type { LocalizedText } from '../city/city-pack.types.js';

export const TICKET_STATUSES = ['waiting', 'called', 'serving', 'done', 'noshow', 'transferred', 'cancelled'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export interface TicketView {
  id: string;
  /** e.g. "A-017": the counter's letter and a number counted per counter and day in the city's time zone. */
  number: string;
  counterId: string;
  serviceId: string;
  status: TicketStatus;
  /** Issued on checking in for an appointment: served before walk-ins. */
  priority: boolean;
  /** 1 for the next to be called; null once no longer waiting. */
  position: number | null;
  estimatedWaitMinutes: number | null;
  createdAt: string;
  calledAt: string | null;
  /** The waiting ticket that replaced this one at another counter or service. */
  transferredToId: string | null;
}

/** A ticket with the token that lets its holder follow and cancel it without an account: shown once. */
export interface IssuedTicket {
  ticket: TicketView;
  ticketToken: string;
}

export type CounterState = 'closed' | 'open' | 'serving';

/** A called or serving ticket, as the board and the counters list show it. */
export interface NowServing {
  number: string;
  status: 'called' | 'serving';
}

export interface CounterView {
  id: string;
  name: LocalizedText;
  serviceIds: string[];
  state: CounterState;
  open: boolean;
  waiting: number;
  nowServing: NowServing[];
  /** What a walk-in taking a ticket now would wait, by the same formula as a ticket's estimate. */
  estimatedWaitMinutes: number;
}

export interface BoardView {
  hallId: string;
  name: LocalizedText;
  counters: { id: string; name: LocalizedText; state: CounterState; nowServing: NowServing[] }[];
}

/** The officials' console: the counter and its line, numbers only. */
export interface CounterLineView extends CounterView {
  tickets: TicketView[];
}
