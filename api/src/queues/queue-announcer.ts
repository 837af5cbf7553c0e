import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { LOGGER } from '../common/error-responder.js';
import { LiveEventsService } from '../live/live-events.service.js';
import { boardRoom, counterRoom, personRoom, ticketRoom } from '../live/live-rooms.js';
import { estimatedWaitMinutes } from './queue-estimates.js';
import { QueueHall } from './queue-hall.js';
import { meanServiceSeconds, waitingLine } from './queue-line.js';
import { QueueReader } from './queue-reader.js';
import type { QueueTicket } from './queue-ticket.entity.js';

/**
 * Tells those concerned, live, that a line moved: each ticket's holder and watchers, the hall's board, the
 * counter's officials. Called after the change has committed; never throws, since the change stands.
 */
@Injectable()
export class QueueAnnouncer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hall: QueueHall,
    private readonly reader: QueueReader,
    private readonly live: LiveEventsService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * After a change at a counter: the new positions of the waiting tickets from `fromPosition` on (those behind
   * the place that changed), the board, the counter's console, and the counter's state when it may have changed.
   */
  async counterChanged(counterId: string, change: { fromPosition?: number; stateChanged?: boolean } = {}): Promise<void> {
    try {
      if (change.fromPosition !== undefined) await this.positionsFrom(counterId, change.fromPosition);
      const [board, counter] = await Promise.all([this.reader.board(), this.reader.counter(counterId)]);
      this.live.publish([boardRoom(this.hall.id)], 'board.changed', board);
      this.live.publish([counterRoom(counterId)], 'queue.changed', counter);
      if (change.stateChanged) {
        this.live.publish([boardRoom(this.hall.id)], 'official.state', { hallId: this.hall.id, counterId, state: counter.state });
      }
    } catch (error) {
      this.logger.warn({ err: (error as Error).message, counterId }, 'queue change not announced');
    }
  }

  called(ticket: QueueTicket, recalled: boolean): void {
    this.live.publish(roomsOfTicket(ticket), 'ticket.called', {
      ticketId: ticket.id,
      number: ticket.number,
      counterId: ticket.counterId,
      counterName: this.hall.counter(ticket.counterId).name,
      recalled,
    });
  }

  updated(ticket: QueueTicket, transferredToId: string | null = null): void {
    this.live.publish(roomsOfTicket(ticket), 'ticket.updated', { ticketId: ticket.id, status: ticket.status, transferredToId });
  }

  private async positionsFrom(counterId: string, fromPosition: number): Promise<void> {
    const line = await waitingLine(this.dataSource.manager, this.hall.id, counterId);
    const mean = await meanServiceSeconds(this.dataSource.manager, this.hall.id, counterId);
    for (const place of line.filter((candidate) => candidate.position >= fromPosition)) {
      this.live.publish(roomsOfTicket(place), 'ticket.position', {
        ticketId: place.id,
        position: place.position,
        estimatedWaitMinutes: estimatedWaitMinutes(place.position, mean, this.hall.expectedMinutes(place.serviceId)),
      });
    }
  }
}

function roomsOfTicket(ticket: { id: string; holderId: string | null }): string[] {
  return [ticketRoom(ticket.id), ...(ticket.holderId ? [personRoom(ticket.holderId)] : [])];
}
