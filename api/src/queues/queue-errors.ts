import { QueryFailedError } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { NEXT_TICKET_STATUSES, canMoveTicket } from './ticket-lifecycle.js';
import type { TicketStatus } from './queue-view.types.js';

const UNIQUE_VIOLATION = '23505';

/** QUEUE_INVALID_TRANSITION, with the steps that are allowed from where the ticket stands. */
export function assertTicketMove(from: TicketStatus, to: TicketStatus): void {
  if (!canMoveTicket(from, to)) throw new DomainError('QUEUE_INVALID_TRANSITION', {}, { from, to, allowed: NEXT_TICKET_STATUSES[from] });
}

/** The database's "one waiting ticket per person per counter", as the API says it; anything else unchanged. */
export function asAlreadyWaiting(error: unknown): unknown {
  const driverError = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : undefined;
  return driverError?.code === UNIQUE_VIOLATION && driverError.constraint === 'uq_queue_ticket_waiting_holder'
    ? new DomainError('QUEUE_ALREADY_WAITING')
    : error;
}
