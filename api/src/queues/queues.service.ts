import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { UserAccount } from '../accounts/user-account.entity.js';
import { AuditService, type AuditContext } from '../audit/audit.service.js';
import { newTrackingToken } from '../cases/cases.service.js';
import { DomainError } from '../common/domain-error.js';
import { sha256 } from '../common/sha256.js';
import { QueueAnnouncer } from './queue-announcer.js';
import { QueueCounter } from './queue-counter.entity.js';
import { asAlreadyWaiting, assertTicketMove } from './queue-errors.js';
import { ticketNumber } from './queue-estimates.js';
import { QueueHall } from './queue-hall.js';
import { waitingLine } from './queue-line.js';
import { QueueReader } from './queue-reader.js';
import { QueueTicket } from './queue-ticket.entity.js';
import type { IssuedTicket, TicketView } from './queue-view.types.js';

/** Walk-in tickets wait in a counter's line up to this many; priority tickets (appointments) are not refused. */
export const MAX_WAITING_PER_COUNTER = 200;

/** What checking in for an appointment gives the queue (see issueAppointmentTicket). */
export interface AppointmentTicketRequest {
  appointmentId: string;
  counterId: string;
  serviceId: string;
  caseId: string | null;
  holderId: string | null;
}

interface NewTicket {
  counterId: string;
  serviceId: string;
  holderId: string | null;
  priority: boolean;
  appointmentId?: string | null;
  caseId?: string | null;
  /** A transfer keeps the ticket's place in line and moves its token. */
  queuedAt?: Date;
  tokenHash?: Buffer;
  transferredFromId?: string;
}

/** Tickets as citizens take, follow and cancel them; and the priority tickets of appointments. */
@Injectable()
export class QueuesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hall: QueueHall,
    private readonly reader: QueueReader,
    private readonly audit: AuditService,
    private readonly announce: QueueAnnouncer,
  ) {}

  /** A walk-in ticket at an open counter, signed in or not. */
  async take(counterId: string, serviceId: string, holder: UserAccount | undefined, context: AuditContext): Promise<IssuedTicket> {
    const counter = this.hall.counter(counterId);
    this.hall.serviceAt(counter, serviceId);
    const issued = await this.dataSource
      .transaction(async (manager) => {
        const state = await this.lockCounter(manager, counter.id);
        if (!state.isOpen) throw new DomainError('QUEUE_COUNTER_CLOSED');
        const [{ waiting } = { waiting: '0' }] = await manager.query<{ waiting: string }[]>(
          `SELECT count(*) AS waiting FROM queue_ticket WHERE hall_id = $1 AND counter_id = $2 AND status = 'waiting' AND NOT priority`,
          [this.hall.id, counter.id],
        );
        if (Number(waiting) >= MAX_WAITING_PER_COUNTER) throw new DomainError('QUEUE_FULL', {}, { limit: MAX_WAITING_PER_COUNTER });
        const { ticket, token } = await this.issue(manager, {
          counterId: counter.id,
          serviceId,
          holderId: holder?.id ?? null,
          priority: false,
        });
        await this.audit.record(context, { action: 'queue.ticket_taken', objectType: 'queue_ticket', objectId: ticket.id }, manager);
        return { ticket: await this.reader.ticketView(ticket, manager), ticketToken: token };
      })
      .catch((error: unknown) => {
        throw asAlreadyWaiting(error);
      });
    // A walk-in joins at the end: no one else's place changes.
    await this.announce.counterChanged(counter.id);
    return issued;
  }

  /**
   * A priority ticket for someone checking in for an appointment: served before walk-ins, first come first served
   * among priorities. Runs in the caller's transaction (`manager`), whether or not the counter is open yet; a
   * walk-in ticket the holder was already waiting with at that counter is cancelled, replaced by this one. After
   * the caller's transaction commits, call `announceIssued` so the line hears of it.
   */
  async issueAppointmentTicket(manager: EntityManager, request: AppointmentTicketRequest): Promise<IssuedTicket> {
    const counter = this.hall.counter(request.counterId);
    this.hall.serviceAt(counter, request.serviceId);
    await this.lockCounter(manager, counter.id);
    if (request.holderId) {
      await manager.query(
        `UPDATE queue_ticket SET status = 'cancelled', finished_at = now()
          WHERE hall_id = $1 AND counter_id = $2 AND holder_id = $3 AND status = 'waiting'`,
        [this.hall.id, counter.id, request.holderId],
      );
    }
    const { ticket, token } = await this.issue(manager, {
      counterId: counter.id,
      serviceId: request.serviceId,
      holderId: request.holderId,
      priority: true,
      appointmentId: request.appointmentId,
      caseId: request.caseId,
    });
    return { ticket: await this.reader.ticketView(ticket, manager), ticketToken: token };
  }

  /** Live updates for a ticket issued in another domain's transaction, once that has committed. */
  async announceIssued(issued: IssuedTicket): Promise<void> {
    await this.announce.counterChanged(issued.ticket.counterId, { fromPosition: issued.ticket.position ?? 1 });
  }

  /** The ticket its token names, for whoever holds the token. */
  async track(token: string): Promise<TicketView> {
    return this.reader.ticketView(await this.byToken(this.dataSource.manager, token));
  }

  /** The holder leaves the line (waiting) or does not come after all (called). */
  async cancel(token: string, context: AuditContext): Promise<TicketView> {
    const { ticket, position } = await this.dataSource.transaction(async (manager) => {
      const locked = await this.byToken(manager, token, true);
      assertTicketMove(locked.status, 'cancelled');
      const line = locked.status === 'waiting' ? await waitingLine(manager, locked.hallId, locked.counterId) : [];
      const place = line.find((candidate) => candidate.id === locked.id)?.position;
      await manager.getRepository(QueueTicket).update({ id: locked.id }, { status: 'cancelled', finishedAt: () => 'now()' });
      await this.audit.record(context, { action: 'queue.ticket_cancelled', objectType: 'queue_ticket', objectId: locked.id }, manager);
      return { ticket: await manager.getRepository(QueueTicket).findOneByOrFail({ id: locked.id }), position: place };
    });
    this.announce.updated(ticket);
    await this.announce.counterChanged(ticket.counterId, { fromPosition: position });
    return this.reader.ticketView(ticket);
  }

  /** A person's queue tickets, for their data export. */
  exportOf(userId: string): Promise<Record<string, unknown>[]> {
    return this.dataSource.query<Record<string, unknown>[]>(
      `SELECT number, counter_id AS "counterId", service_id AS "serviceId", status, created_at AS "createdAt"
         FROM queue_ticket WHERE holder_id = $1 ORDER BY created_at`,
      [userId],
    );
  }

  /** On erasure: the tickets stay in the counter's records, no longer linked to the person. */
  async forget(manager: EntityManager, userId: string): Promise<void> {
    await manager.query('UPDATE queue_ticket SET holder_id = NULL WHERE holder_id = $1', [userId]);
  }

  /** For the `ticket` watch: the ticket its token names, or null. */
  async ticketIdOfToken(token: string): Promise<string | null> {
    const rows = await this.dataSource.query<{ id: string }[]>('SELECT id FROM queue_ticket WHERE token_hash = $1', [sha256(token)]);
    return rows[0]?.id ?? null;
  }

  /**
   * The next number of the counter today and the ticket. The caller holds the counter's row lock, so numbers are
   * given one at a time, and a refused ticket rolls its number back with it: no number is skipped.
   */
  async issue(manager: EntityManager, request: NewTicket): Promise<{ ticket: QueueTicket; token: string }> {
    const day = this.hall.today();
    const [row] = await manager.query<{ last_value: number }[]>(
      `INSERT INTO queue_ticket_sequence (hall_id, counter_id, day, last_value) VALUES ($1, $2, $3, 1)
       ON CONFLICT (hall_id, counter_id, day) DO UPDATE SET last_value = queue_ticket_sequence.last_value + 1
       RETURNING last_value`,
      [this.hall.id, request.counterId, day],
    );
    if (!row) throw new Error('the ticket number sequence returned no row');
    const token = newTrackingToken();
    const repository = manager.getRepository(QueueTicket);
    const ticket = await repository.save(
      repository.create({
        hallId: this.hall.id,
        counterId: request.counterId,
        serviceId: request.serviceId,
        day,
        sequence: row.last_value,
        number: ticketNumber(this.hall.letterOf(request.counterId), row.last_value),
        priority: request.priority,
        holderId: request.holderId,
        tokenHash: request.tokenHash ?? sha256(token),
        appointmentId: request.appointmentId ?? null,
        caseId: request.caseId ?? null,
        transferredFromId: request.transferredFromId ?? null,
        ...(request.queuedAt ? { queuedAt: request.queuedAt } : {}),
      }),
    );
    return { ticket: await repository.findOneByOrFail({ id: ticket.id }), token };
  }

  /**
   * The counter's state row, made on first use and locked for the rest of the transaction. Tickets still waiting
   * from an earlier day are cancelled here: each day's line starts empty, as its numbers start at 1.
   */
  async lockCounter(manager: EntityManager, counterId: string): Promise<QueueCounter> {
    const key = [this.hall.id, counterId];
    await manager.query('INSERT INTO queue_counter (hall_id, counter_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', key);
    const counter = await manager
      .getRepository(QueueCounter)
      .findOneOrFail({ where: { hallId: this.hall.id, counterId }, lock: { mode: 'pessimistic_write' } });
    await manager.query(
      `UPDATE queue_ticket SET status = 'cancelled', finished_at = now()
        WHERE hall_id = $1 AND counter_id = $2 AND status = 'waiting' AND day < $3`,
      [...key, this.hall.today()],
    );
    return counter;
  }

  private async byToken(manager: EntityManager, token: string, lock = false): Promise<QueueTicket> {
    const ticket = await manager
      .getRepository(QueueTicket)
      .findOne({ where: { tokenHash: sha256(token) }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!ticket) throw new DomainError('NOT_FOUND');
    return ticket;
  }
}
