import type { FastifyRateLimitOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Redis } from 'ioredis';
import { createRequire } from 'node:module';

type Count = { current: number; ttl: number };
type Store = Pick<FastifyRateLimitStore, 'incr'> & { child(routeOptions: unknown): Store };
type StoreCtor<Args extends unknown[]> = new (...args: Args) => Store;

// The plugin's own two stores (CommonJS, not in its typings): Redis's atomic Lua counter and the bounded LRU in memory.
const require = createRequire(import.meta.url);
const RedisStore = require('@fastify/rate-limit/store/RedisStore') as StoreCtor<[boolean, boolean, Redis, string]>;
const LocalStore = require('@fastify/rate-limit/store/LocalStore') as StoreCtor<[boolean, boolean]>;

class SharedOrLocalStore implements Store {
  constructor(
    private readonly shared: Store,
    private readonly local: Store,
  ) {}

  incr(key: string, callback: (error: Error | null, result?: Count) => void, timeWindow: number, max: number): void {
    this.shared.incr(
      key,
      (error, result) => (error ? this.local.incr(key, callback, timeWindow, max) : callback(null, result)),
      timeWindow,
      max,
    );
  }

  child(routeOptions: unknown): Store {
    return new SharedOrLocalStore(this.shared.child(routeOptions), this.local.child(routeOptions));
  }
}

/**
 * Counts in Redis, so that every instance shares one limit; while Redis is away (a command fails at once: no
 * offline queue) the instance counts alone in memory, rather than not limiting at all, and goes back to Redis
 * as soon as it answers.
 */
export function sharedOrLocalStore(redis: Redis, nameSpace: string): FastifyRateLimitStoreCtor {
  return class extends SharedOrLocalStore {
    // The plugin passes its resolved global parameters, typed as its options.
    constructor(options: FastifyRateLimitOptions & { continueExceeding?: boolean; exponentialBackoff?: boolean }) {
      const continueExceeding = options.continueExceeding ?? false;
      const exponentialBackoff = options.exponentialBackoff ?? false;
      super(new RedisStore(continueExceeding, exponentialBackoff, redis, nameSpace), new LocalStore(continueExceeding, exponentialBackoff));
    }
  };
}
