import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { UserAccount } from '../accounts/user-account.entity.js';
import { AuditService, type AuditContext } from '../audit/audit.service.js';
import { DomainError } from '../common/domain-error.js';
import { QueueAnnouncer } from './queue-announcer.js';
import { QueueCounter } from './queue-counter.entity.js';
import { asAlreadyWaiting, assertTicketMove } from './queue-errors.js';
import { QueueHall } from './queue-hall.js';
import { LINE_ORDER } from './queue-line.js';
import { QueueReader } from './queue-reader.js';
import { QueueTicket } from './queue-ticket.entity.js';
import type { CounterLineView, CounterView, TicketView } from './queue-view.types.js';
import { QueuesService } from './queues.service.js';

/** The steps an official takes on a ticket already called, by the status it moves to. */
export type DeskStep = 'called' | 'serving' | 'noshow' | 'done';

const STEP_ACTIONS: Record<DeskStep, string> = {
  called: 'queue.ticket_recalled',
  serving: 'queue.ticket_serving',
  noshow: 'queue.ticket_noshow',
  done: 'queue.ticket_done',
};

/** What officials do at the counters they may run: open and close, call the next ticket, serve, transfer. */
@Injectable()
export class QueueDeskService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hall: QueueHall,
    private readonly queues: QueuesService,
    private readonly reader: QueueReader,
    private readonly audit: AuditService,
    private readonly announce: QueueAnnouncer,
  ) {}

  /** Opens the counter, recording who runs it (opening it again hands it to this official). */
  async open(counterId: string, official: UserAccount, context: AuditContext): Promise<CounterView> {
    return this.setOpen(counterId, official, context, true);
  }

  /** Closes the counter to new walk-ins; the line stays, to be called when it opens again. */
  async close(counterId: string, official: UserAccount, context: AuditContext): Promise<CounterView> {
    return this.setOpen(counterId, official, context, false);
  }

  line(counterId: string, official: UserAccount): Promise<CounterLineView> {
    this.hall.counterRunBy(official, counterId);
    return this.reader.counterLine(counterId);
  }

  /**
   * The first waiting ticket becomes called. Desks calling at once each lock a different ticket (SKIP LOCKED):
   * none is called twice, and none is passed over while another desk finds the line empty.
   */
  async callNext(counterId: string, official: UserAccount, context: AuditContext): Promise<TicketView> {
    const counter = this.hall.counterRunBy(official, counterId);
    const ticket = await this.dataSource.transaction(async (manager) => {
      const state = await manager.getRepository(QueueCounter).findOneBy({ hallId: this.hall.id, counterId: counter.id });
      if (!state?.isOpen) throw new DomainError('QUEUE_COUNTER_CLOSED');
      const [called] = await manager.query<[{ id: string }[], number]>(
        `UPDATE queue_ticket SET status = 'called', called_at = now()
          WHERE id = (SELECT id FROM queue_ticket WHERE hall_id = $1 AND counter_id = $2 AND status = 'waiting'
                       ORDER BY ${LINE_ORDER} LIMIT 1 FOR UPDATE SKIP LOCKED)
          RETURNING id`,
        [this.hall.id, counter.id],
      );
      const id = called[0]?.id;
      if (!id) throw new DomainError('QUEUE_EMPTY');
      await this.audit.record(context, { action: 'queue.ticket_called', objectType: 'queue_ticket', objectId: id }, manager);
      return manager.getRepository(QueueTicket).findOneByOrFail({ id });
    });
    this.announce.called(ticket, false);
    await this.announce.counterChanged(counter.id, { fromPosition: 1 });
    return this.reader.ticketView(ticket);
  }

  /** Recall (called again), serve, no-show or complete a ticket of a counter the official may run. */
  async step(ticketId: string, to: DeskStep, official: UserAccount, context: AuditContext): Promise<TicketView> {
    const ticket = await this.dataSource.transaction(async (manager) => {
      const locked = await this.lockTicket(manager, ticketId, official);
      assertTicketMove(locked.status, to);
      const now = () => 'now()';
      const changes: Record<DeskStep, Parameters<typeof manager.update<QueueTicket>>[2]> = {
        called: { calledAt: now },
        serving: { status: 'serving', servingAt: now },
        noshow: { status: 'noshow', finishedAt: now },
        done: { status: 'done', finishedAt: now, serviceSeconds: () => 'greatest(0, round(extract(epoch FROM now() - serving_at)))::int' },
      };
      await manager.update(QueueTicket, { id: locked.id }, changes[to]);
      await this.audit.record(context, { action: STEP_ACTIONS[to], objectType: 'queue_ticket', objectId: locked.id }, manager);
      return manager.getRepository(QueueTicket).findOneByOrFail({ id: locked.id });
    });
    if (to === 'called') this.announce.called(ticket, true);
    else this.announce.updated(ticket);
    await this.announce.counterChanged(ticket.counterId, { stateChanged: to !== 'called' });
    return this.reader.ticketView(ticket);
  }

  /**
   * Sends a called or serving ticket to another counter or service: it ends `transferred`, and a new waiting
   * ticket (with the target counter's number) keeps its place in line by the time it was first taken, its
   * priority, and its token, so the holder follows it without doing anything.
   */
  async transfer(
    ticketId: string,
    target: { counterId: string; serviceId: string },
    official: UserAccount,
    context: AuditContext,
  ): Promise<TicketView> {
    const counter = this.hall.counter(target.counterId);
    this.hall.serviceAt(counter, target.serviceId);
    const { from, to } = await this.dataSource
      .transaction(async (manager) => {
        const locked = await this.lockTicket(manager, ticketId, official);
        assertTicketMove(locked.status, 'transferred');
        await manager.update(QueueTicket, { id: locked.id }, { status: 'transferred', finishedAt: () => 'now()', tokenHash: null });
        await this.queues.lockCounter(manager, counter.id);
        const { ticket: next } = await this.queues.issue(manager, {
          counterId: counter.id,
          serviceId: target.serviceId,
          holderId: locked.holderId,
          priority: locked.priority,
          appointmentId: locked.appointmentId,
          caseId: locked.caseId,
          queuedAt: locked.queuedAt,
          tokenHash: locked.tokenHash ?? undefined,
          transferredFromId: locked.id,
        });
        await this.audit.record(context, { action: 'queue.ticket_transferred', objectType: 'queue_ticket', objectId: locked.id }, manager);
        return { from: await manager.getRepository(QueueTicket).findOneByOrFail({ id: locked.id }), to: next };
      })
      .catch((error: unknown) => {
        throw asAlreadyWaiting(error);
      });
    const next = await this.reader.ticketView(to);
    this.announce.updated(from, to.id);
    await this.announce.counterChanged(from.counterId, { stateChanged: true });
    await this.announce.counterChanged(to.counterId, { fromPosition: next.position ?? 1 });
    return next;
  }

  private async setOpen(counterId: string, official: UserAccount, context: AuditContext, open: boolean): Promise<CounterView> {
    const counter = this.hall.counterRunBy(official, counterId);
    await this.dataSource.transaction(async (manager) => {
      await this.queues.lockCounter(manager, counter.id);
      await manager.update(
        QueueCounter,
        { hallId: this.hall.id, counterId: counter.id },
        open ? { isOpen: true, officialId: official.id, openedAt: () => 'now()' } : { isOpen: false, officialId: null, openedAt: null },
      );
      const action = open ? 'queue.counter_opened' : 'queue.counter_closed';
      await this.audit.record(context, { action, objectType: 'queue_counter', objectId: counter.id }, manager);
    });
    await this.announce.counterChanged(counter.id, { stateChanged: true });
    return this.reader.counter(counter.id);
  }

  /** The ticket, locked, when it is at a counter the official may run; NOT_FOUND for anyone else. */
  private async lockTicket(manager: EntityManager, ticketId: string, official: UserAccount): Promise<QueueTicket> {
    const ticket = await manager.getRepository(QueueTicket).findOne({ where: { id: ticketId }, lock: { mode: 'pessimistic_write' } });
    const counter = ticket?.hallId === this.hall.id ? this.hall.counters.find((candidate) => candidate.id === ticket.counterId) : undefined;
    if (!ticket || !counter || !this.hall.mayRun(official, counter)) throw new DomainError('NOT_FOUND');
    return ticket;
  }
}
