import { freePort } from '../support/server-process.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeWithDatabase } from '../support/test-database.js';
import { describeWithRedis, freshRedisUrl } from '../support/test-redis.js';

describeWithDatabase('with REDIS_URL', () => {
  describeWithRedis('Redis up', () => {
    let first: TestApp;
    let second: TestApp;
    beforeAll(async () => {
      const REDIS_URL = await freshRedisUrl();
      first = await startTestApp({ REDIS_URL, RATE_LIMIT_PER_MINUTE: '3' });
      second = await startTestApp({ REDIS_URL, RATE_LIMIT_PER_MINUTE: '3' });
    });
    afterAll(async () => {
      await first?.close();
      await second?.close();
    });

    test('health reports it', async () => {
      expect(await (await fetch(`${first.url}/api/health`)).json()).toEqual({ status: 'ok', checks: { database: 'up', redis: 'up' } });
    });

    test('two instances share one rate limit', async () => {
      // The health check above was the first request of this client.
      const statuses = [];
      for (const api of [second, first, second]) statuses.push((await fetch(`${api.url}/api/health/live`)).status);
      expect(statuses).toEqual([200, 200, 429]);
    });
  });

  describe('Redis unreachable', () => {
    let api: TestApp;
    beforeAll(async () => {
      api = await startTestApp({ REDIS_URL: `redis://127.0.0.1:${await freePort()}`, RATE_LIMIT_PER_MINUTE: '1000' });
    });
    afterAll(() => api?.close());

    test('the API keeps serving, and health says Redis is down but the API ready', async () => {
      const health = await fetch(`${api.url}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', checks: { database: 'up', redis: 'down' } });
      expect((await fetch(`${api.url}/api/city`)).status).toBe(200);
    });
  });
});
