import type { TicketStatus } from './queue-view.types.js';

/**
 * Where a ticket may go from each status. `called → called` is a recall. Holders cancel while waiting or called;
 * officials transfer a ticket they have called or are serving. done, noshow, transferred and cancelled are ends.
 */
export const NEXT_TICKET_STATUSES: Record<TicketStatus, readonly TicketStatus[]> = {
  waiting: ['called', 'cancelled'],
  called: ['called', 'serving', 'noshow', 'transferred', 'cancelled'],
  serving: ['done', 'transferred'],
  done: [],
  noshow: [],
  transferred: [],
  cancelled: [],
};

export function canMoveTicket(from: TicketStatus, to: TicketStatus): boolean {
  return NEXT_TICKET_STATUSES[from].includes(to);
}
