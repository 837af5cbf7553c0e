import { Module, type OnModuleInit } from '@nestjs/common';
import { LiveWatches } from '../live/live-watches.js';
import { boardRoom, counterRoom, ticketRoom } from '../live/live-rooms.js';
import { QueueAnnouncer } from './queue-announcer.js';
import { QueueDeskService } from './queue-desk.service.js';
import { QueueHall } from './queue-hall.js';
import { QueueReader } from './queue-reader.js';
import { QueuesController } from './queues.controller.js';
import { QueuesService } from './queues.service.js';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{24}$/;

/** Live service queues at the counters of the city hall. Appointments issue priority tickets through QueuesService. */
@Module({
  controllers: [QueuesController],
  providers: [QueuesService, QueueDeskService, QueueReader, QueueHall, QueueAnnouncer],
  // The reader is read-only: the twin's officials route shows counters' states through it.
  exports: [QueuesService, QueueReader],
})
export class QueuesModule implements OnModuleInit {
  constructor(
    private readonly queues: QueuesService,
    private readonly hall: QueueHall,
    private readonly watches: LiveWatches,
  ) {}

  /** A ticket's token holder hears of it; anyone hears the board; officials hear the counters they may run. */
  onModuleInit(): void {
    this.watches.register('ticket', async (token) => {
      const id = TOKEN_SHAPE.test(token) ? await this.queues.ticketIdOfToken(token) : null;
      return id ? ticketRoom(id) : null;
    });
    this.watches.register('board', (hallId) => Promise.resolve(hallId === this.hall.id ? boardRoom(hallId) : null));
    this.watches.register('counter', (counterId, person) => {
      const counter = this.hall.counters.find((candidate) => candidate.id === counterId);
      return Promise.resolve(counter && person && this.hall.mayRun(person, counter) ? counterRoom(counterId) : null);
    });
  }
}
