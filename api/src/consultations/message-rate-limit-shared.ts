import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { MessageRateLimit } from './message-rate-limit.js';

/**
 * The sliding window in one atomic step: drop what left the window, count, add this event only if within the limit.
 * Redis's own clock (TIME) is used, so instances whose clocks differ still share one window.
 * KEYS[1] the key; ARGV: limit, window in ms, a unique member for this event. Returns 1 if allowed, 0 if not.
 */
const SLIDING_WINDOW = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], now, ARGV[3])
redis.call('PEXPIRE', KEYS[1], window)
return 1`;

/** Past this, Redis counts as away for this event: chat is never held up waiting for it. */
const REDIS_ANSWER_MS = 500;

/**
 * At most `limit` events per `windowMs` per key (a sliding window), counted in Redis so that every instance shares
 * one limit: a person with sockets on two instances is held to it once. While Redis is away (a command fails at
 * once: no offline queue, or does not answer in time) the instance counts alone in memory, rather than not limiting
 * at all or failing the message, and goes back to Redis as soon as it answers. Without Redis, it is the local count.
 */
export class SharedMessageRateLimit {
  private readonly local: MessageRateLimit;

  constructor(
    private readonly redis: Redis | null,
    /** Prefixed to every key, e.g. `civicverse:<city id>:consultation-messages:`: cities sharing a Redis count apart. */
    private readonly nameSpace: string,
    readonly limit: number,
    readonly windowMs: number,
  ) {
    this.local = new MessageRateLimit(limit, windowMs);
  }

  /** Counts the event and says whether it is within the limit; a refused one is not counted. Never rejects. */
  async allow(key: string): Promise<boolean> {
    if (!this.redis) return this.local.allow(key);
    const counted = await this.countInRedis(this.redis, key).catch(() => null);
    return counted ?? this.local.allow(key);
  }

  private async countInRedis(redis: Redis, key: string): Promise<boolean | null> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), REDIS_ANSWER_MS);
    });
    const answer = redis
      .eval(SLIDING_WINDOW, 1, `${this.nameSpace}${key}`, this.limit, this.windowMs, randomUUID())
      .then((allowed) => allowed === 1);
    // A late answer is dropped, and so is its rejection.
    answer.catch(() => undefined);
    try {
      return await Promise.race([answer, late]);
    } finally {
      clearTimeout(timer);
    }
  }
}
