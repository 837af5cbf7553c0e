import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { redactUrl } from '../config/environment.js';

/**
 * The connection to REDIS_URL, shared by everything that spans instances (rate limits now; live events and
 * job queues later). Redis is never a reason to stop serving: commands fail at once while it is away
 * (no offline queue), callers fall back to working alone, and the client reconnects by itself.
 */
export function connectRedis(url: string, logger: Logger): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
  });
  let up = false;
  redis.on('ready', () => {
    up = true;
    logger.info({ redis: redactUrl(url) }, 'redis connected');
  });
  // ioredis reports every failed reconnect; the log says only when the state changes.
  redis.on('error', (error: Error) => {
    if (!up) return;
    up = false;
    logger.warn({ redis: redactUrl(url), err: error.message }, 'redis unavailable: working without it until it returns');
  });
  redis.on('end', () => {
    up = false;
  });
  return redis;
}
