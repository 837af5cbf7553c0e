import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '../common/error-responder.js';
import { LiveGateway } from './live.gateway.js';
import type { LiveEventName, LiveEvents } from './live-events.types.js';

/**
 * Sends an event to rooms, on every instance when Redis joins them. Called after the change has committed, so a
 * failure here is logged and never fails the request: the change stands, and pages still show it on reload.
 */
@Injectable()
export class LiveEventsService {
  constructor(
    private readonly gateway: LiveGateway,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  publish<E extends LiveEventName>(rooms: string[], event: E, payload: LiveEvents[E]): void {
    if (rooms.length === 0) return;
    try {
      this.gateway.namespace.to(rooms).emit(event, payload);
    } catch (error) {
      this.logger.warn({ err: (error as Error).message, event }, 'live event not sent');
    }
  }
}
