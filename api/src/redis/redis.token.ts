/** Injection token of the shared Redis connection, or null when REDIS_URL is not set. */
export const REDIS = Symbol('REDIS');
