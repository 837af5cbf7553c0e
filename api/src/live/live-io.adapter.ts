import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Server, ServerOptions } from 'socket.io';
import { connectRedis } from '../redis/redis-connection.js';
import { LIVE_PATH } from './live-events.types.js';

/**
 * socket.io on the API's own HTTP server. With REDIS_URL, events fan out to every instance through Redis
 * pub/sub, so a complaint filed on one instance reaches an official connected to another.
 */
export class LiveIoAdapter extends IoAdapter {
  private readonly clients: Redis[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly redisUrl: string | null,
    /** Cities sharing one Redis must not hear each other: the channels carry the city's id. */
    private readonly cityId: string,
    private readonly log: Logger,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, {
      ...options,
      path: LIVE_PATH,
      serveClient: false,
      // Browsers of other sites are refused at the handshake (LiveGateway checks Origin); no CORS is offered.
      maxHttpBufferSize: 16 * 1024,
    } as ServerOptions);
    if (this.redisUrl) {
      const publisher = connectRedis(this.redisUrl, this.log);
      // The adapter publishes without waiting: while Redis is away a publish fails, and must not crash the process.
      const publish: (channel: string, message: string) => Promise<number> = publisher.publish.bind(publisher);
      Object.assign(publisher, {
        publish: (channel: string, message: string) => publish(channel, message).catch(() => 0),
      });
      const subscriber = new Redis(this.redisUrl, { retryStrategy: (attempt) => Math.min(attempt * 200, 5000) });
      subscriber.on('error', () => undefined);
      this.clients.push(publisher, subscriber);
      server.adapter(createAdapter(publisher, subscriber, { key: `civicverse:${this.cityId}` }));
    }
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    // A client that never reached Redis would wait forever to quit: it is just dropped.
    const quitting = this.clients.splice(0).map(async (client) => {
      if (client.status !== 'ready') return client.disconnect();
      await client.quit().catch(() => client.disconnect());
    });
    await Promise.all(quitting);
  }
}
