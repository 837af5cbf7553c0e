import { Redis } from 'ioredis';
import { SharedMessageRateLimit } from './message-rate-limit-shared.js';

describe('SharedMessageRateLimit', () => {
  test('without Redis it counts in memory', async () => {
    const limit = new SharedMessageRateLimit(null, 'test:', 2, 10_000);
    expect([await limit.allow('a'), await limit.allow('a'), await limit.allow('a'), await limit.allow('b')]).toEqual([
      true,
      true,
      false,
      true,
    ]);
  });

  test('with Redis unreachable it neither throws nor waits: the instance counts alone', async () => {
    // Port 1 refuses at once; no offline queue, as connectRedis sets, so every command fails immediately.
    const unreachable = new Redis('redis://127.0.0.1:1', { enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: () => null });
    unreachable.on('error', () => undefined);
    try {
      const limit = new SharedMessageRateLimit(unreachable, 'test:', 2, 10_000);
      const started = Date.now();
      const answers = [await limit.allow('a'), await limit.allow('a'), await limit.allow('a')];
      expect(answers).toEqual([true, true, false]);
      expect(Date.now() - started).toBeLessThan(1_000);
    } finally {
      unreachable.disconnect();
    }
  });
});
