import type { Socket } from 'socket.io-client';
import { demoAccounts } from '../../api/src/accounts/demo-accounts.js';
import { TestClient, uniqueEmail } from '../support/http-client.js';
import { arrived, collect, connectLive } from '../support/live-client.js';
import { describeWithRedisServer, privateRedis, type PrivateRedis } from '../support/private-redis.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeWithDatabase } from '../support/test-database.js';
import { within } from '../support/within.js';

const pothole = {
  serviceId: 'pothole',
  description: 'Filed while Redis was away.',
  location: { lat: 37.5665, long: 126.978 },
  attributes: { size: 'small' },
};
const LIMIT = 60;

async function safetyOfficial(api: TestApp): Promise<TestClient> {
  const admin = new TestClient(api.url);
  const demoAdmin = demoAccounts.find((a) => a.role === 'admin');
  await admin.signIn(demoAdmin?.email ?? '', demoAdmin?.password ?? '');
  const email = uniqueEmail('official');
  await admin.post('/api/admin/officials', { email, displayName: 'Officer', departmentId: 'safety', password: 'harbour-lantern-99' });
  const person = new TestClient(api.url);
  await person.signIn(email, 'harbour-lantern-99');
  return person;
}

const file = async (api: TestApp) =>
  ((await (await new TestClient(api.url).post('/api/complaints', pothole)).json()) as { complaint: { id: string } }).complaint.id;

describeWithDatabase('Redis stopped and restarted', () => {
  describeWithRedisServer('on a private redis-server, two API instances', () => {
    let redis: PrivateRedis;
    let first: TestApp;
    let second: TestApp;
    let socket: Socket;
    beforeAll(async () => {
      redis = await privateRedis();
      // Every request of this file comes from 127.0.0.1: one client, counted against one limit.
      first = await startTestApp({ REDIS_URL: redis.url, RATE_LIMIT_PER_MINUTE: String(LIMIT) });
      second = await startTestApp({ REDIS_URL: redis.url, RATE_LIMIT_PER_MINUTE: String(LIMIT) });
      socket = await connectLive(second.url, await safetyOfficial(second));
    });
    afterAll(async () => {
      socket?.disconnect();
      await first?.close();
      await second?.close();
      await redis?.stop();
    });

    test('while Redis is away an instance serves alone: pages, sign-in, its own rate limit, live events to its own sockets', async () => {
      await redis.stop();
      await within(
        10_000,
        'both instances see Redis gone',
        () => first.context.redis?.status !== 'ready' && second.context.redis?.status !== 'ready',
      );

      const health = await fetch(`${first.url}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', checks: { database: 'up', redis: 'down' } });
      expect((await fetch(`${first.url}/api/city`)).status).toBe(200);
      const citizen = new TestClient(first.url);
      const demoCitizen = demoAccounts.find((a) => a.role === 'citizen');
      expect((await citizen.signIn(demoCitizen?.email ?? '', demoCitizen?.password ?? '')).status).toBe(200);
      expect((await citizen.get('/api/me')).status).toBe(200);

      const heard = collect(socket, 'complaint.filed');
      const filedOnSecond = await file(second);
      await arrived(heard, (event) => event.id === filedOnSecond);

      // The limit still holds, counted by the instance alone: the requests above count too, so it trips by LIMIT + 1.
      const statuses: number[] = [];
      for (let i = 0; i <= LIMIT && !statuses.includes(429); i += 1) statuses.push((await fetch(`${first.url}/api/health/live`)).status);
      expect(statuses).toContain(429);
      const limited = await fetch(`${first.url}/api/health/live`);
      expect(limited.status).toBe(429);
      expect(await limited.json()).toMatchObject({ code: 'RATE_LIMITED' });
    });

    test('when Redis returns, events cross instances again without a restart', async () => {
      await redis.start();
      await within(
        10_000,
        'both instances reconnected',
        () => first.context.redis?.status === 'ready' && second.context.redis?.status === 'ready',
      );
      const heard = collect(socket, 'complaint.filed');
      const filed: string[] = [];
      // The subscriber reconnects on its own schedule: file on the first instance until one is heard on the second.
      await within(10_000, 'an event from the first instance heard on the second', async () => {
        filed.push(await file(first));
        await new Promise((resolve) => setTimeout(resolve, 200));
        return heard.some((event) => filed.includes(event.id));
      });
      expect(filed.length).toBeLessThan(LIMIT);
    });
  });
});
