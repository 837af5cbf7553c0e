import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { ServiceCounter } from '../city/city-pack.types.js';
import { estimatedWaitMinutes } from './queue-estimates.js';
import { QueueHall } from './queue-hall.js';
import { type CounterActivity, hallActivity, meanServiceSeconds, waitingLine } from './queue-line.js';
import { QueueTicket } from './queue-ticket.entity.js';
import type { BoardView, CounterLineView, CounterState, CounterView, TicketView } from './queue-view.types.js';

/** Builds what the queue routes and events show: counters, the board, a ticket with its place and estimate. */
@Injectable()
export class QueueReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hall: QueueHall,
  ) {}

  async counters(): Promise<CounterView[]> {
    const activity = await hallActivity(this.dataSource.manager, this.hall.id);
    return Promise.all(this.hall.counters.map((counter) => this.counterView(counter, activity.get(counter.id))));
  }

  async counter(counterId: string): Promise<CounterView> {
    const activity = await hallActivity(this.dataSource.manager, this.hall.id);
    return this.counterView(this.hall.counter(counterId), activity.get(counterId));
  }

  async board(): Promise<BoardView> {
    const activity = await hallActivity(this.dataSource.manager, this.hall.id);
    return {
      hallId: this.hall.id,
      name: this.hall.name,
      counters: this.hall.counters.map((counter) => {
        const now = activity.get(counter.id);
        return { id: counter.id, name: counter.name, state: stateOf(now), nowServing: now?.nowServing ?? [] };
      }),
    };
  }

  /** The ticket with its place in line and estimate (both null once it no longer waits). */
  async ticketView(ticket: QueueTicket, manager: EntityManager = this.dataSource.manager): Promise<TicketView> {
    const [view] = await this.ticketViews([ticket], manager);
    if (!view) throw new Error('a ticket without a view');
    return view;
  }

  /** The officials' console: the counter, its waiting line in order, then the tickets called or being served. */
  async counterLine(counterId: string): Promise<CounterLineView> {
    const tickets = await this.dataSource.getRepository(QueueTicket).find({
      where: { hallId: this.hall.id, counterId, status: In(['waiting', 'called', 'serving']) },
      order: { calledAt: 'DESC' },
    });
    const views = await this.ticketViews(tickets, this.dataSource.manager);
    const waiting = views.filter((view) => view.position !== null).sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
    return { ...(await this.counter(counterId)), tickets: [...waiting, ...views.filter((view) => view.position === null)] };
  }

  private async ticketViews(tickets: QueueTicket[], manager: EntityManager): Promise<TicketView[]> {
    const places = new Map<string, number>();
    const means = new Map<string, number | null>();
    for (const counterId of new Set(tickets.filter((ticket) => ticket.status === 'waiting').map((ticket) => ticket.counterId))) {
      for (const place of await waitingLine(manager, this.hall.id, counterId)) places.set(place.id, place.position);
      means.set(counterId, await meanServiceSeconds(manager, this.hall.id, counterId));
    }
    const transferred = tickets.filter((ticket) => ticket.status === 'transferred').map((ticket) => ticket.id);
    const successors = new Map<string, string>();
    if (transferred.length > 0) {
      const rows = await manager.query<{ id: string; transferred_from_id: string }[]>(
        'SELECT id, transferred_from_id FROM queue_ticket WHERE transferred_from_id = ANY($1)',
        [transferred],
      );
      for (const row of rows) successors.set(row.transferred_from_id, row.id);
    }
    return tickets.map((ticket) => {
      const position = places.get(ticket.id) ?? null;
      return {
        id: ticket.id,
        number: ticket.number,
        counterId: ticket.counterId,
        serviceId: ticket.serviceId,
        status: ticket.status,
        priority: ticket.priority,
        position,
        estimatedWaitMinutes:
          position === null
            ? null
            : estimatedWaitMinutes(position, means.get(ticket.counterId) ?? null, this.hall.expectedMinutes(ticket.serviceId)),
        createdAt: ticket.createdAt.toISOString(),
        calledAt: ticket.calledAt?.toISOString() ?? null,
        transferredToId: successors.get(ticket.id) ?? null,
      };
    });
  }

  private async counterView(counter: ServiceCounter, activity: CounterActivity | undefined): Promise<CounterView> {
    const waiting = activity?.waiting ?? 0;
    const mean = await meanServiceSeconds(this.dataSource.manager, this.hall.id, counter.id);
    return {
      id: counter.id,
      name: counter.name,
      serviceIds: [...counter.serviceIds],
      state: stateOf(activity),
      open: activity?.open ?? false,
      waiting,
      nowServing: activity?.nowServing ?? [],
      estimatedWaitMinutes: estimatedWaitMinutes(waiting + 1, mean, this.hall.expectedMinutesAt(counter)),
    };
  }
}

function stateOf(activity: CounterActivity | undefined): CounterState {
  if (!activity?.open) return 'closed';
  return activity.nowServing.some((ticket) => ticket.status === 'serving') ? 'serving' : 'open';
}
