import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { MESSAGES_PER_WINDOW } from '../../api/src/consultations/consultation-chat.service.js';
import { people } from '../support/consultation-people.js';
import type { TestClient } from '../support/http-client.js';
import { ask, connectLive } from '../support/live-client.js';
import { describeWithRedisServer, privateRedis, type PrivateRedis } from '../support/private-redis.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeWithDatabase } from '../support/test-database.js';
import { describeWithRedis, freshRedisUrl } from '../support/test-redis.js';
import { within } from '../support/within.js';

interface Ack {
  ok: boolean;
  code?: string;
}

const LIMITED: Ack = { ok: false, code: 'CONSULTATION_RATE_LIMITED' };

/** A socket of `who` on `app`, joined to the consultation, and a way to send through it. */
async function joined(app: TestApp, who: TestClient, consultationId: string, sockets: Socket[]) {
  const socket = await connectLive(app.url, who);
  sockets.push(socket);
  expect(await ask<Ack>(socket, 'consultation.join', { consultationId })).toMatchObject({ ok: true });
  return (text: string) => ask<Ack>(socket, 'consultation.message', { consultationId, clientId: randomUUID(), text });
}

/** `count` messages sent one after another, alternately through `a` and `b`: each instance sees half of them. */
async function alternately(a: (text: string) => Promise<Ack>, b: (text: string) => Promise<Ack>, count: number): Promise<Ack[]> {
  const answers: Ack[] = [];
  for (let index = 0; index < count; index += 1) answers.push(await (index % 2 === 0 ? a : b)(`line ${index}`));
  return answers;
}

describeWithDatabase('consultations across instances', () => {
  describeWithRedis('through Redis', () => {
    let first: TestApp;
    let second: TestApp;
    let redisUrl: string;
    const sockets: Socket[] = [];
    const { consultation } = people(() => first);
    beforeAll(async () => {
      redisUrl = await freshRedisUrl();
      [first, second] = await Promise.all([startTestApp({ REDIS_URL: redisUrl }), startTestApp({ REDIS_URL: redisUrl })]);
    });
    afterAll(async () => {
      for (const socket of sockets) socket.disconnect();
      await Promise.all([first.close(), second.close()]);
    });

    test('messages sent alternately through two instances count against one limit per participant', async () => {
      const { filer, officer, consultation: room } = await consultation();
      const onFirst = await joined(first, filer, room.id, sockets);
      const onSecond = await joined(second, filer, room.id, sockets);
      const officialOnSecond = await joined(second, officer, room.id, sockets);

      // Each instance sees only half of these: counted apart, none would be refused.
      const answers = await alternately(onFirst, onSecond, MESSAGES_PER_WINDOW + 2);
      expect(answers.slice(0, MESSAGES_PER_WINDOW).every((answer) => answer.ok)).toBe(true);
      expect(answers.slice(MESSAGES_PER_WINDOW)).toEqual([LIMITED, LIMITED]);
      expect((await officialOnSecond('the official is counted apart')).ok).toBe(true);

      // The count is kept under the city's prefix, so cities sharing a Redis do not count each other's messages.
      const redis = new Redis(redisUrl);
      try {
        const keys = await redis.keys(`civicverse:${first.context.pack.id}:consultation-messages:${room.id}:*`);
        expect(keys).toHaveLength(2);
        expect((await Promise.all(keys.map((key) => redis.zcard(key)))).sort((a, b) => a - b)).toEqual([1, MESSAGES_PER_WINDOW]);
      } finally {
        redis.disconnect();
      }
    });
  });

  describeWithRedisServer('while Redis is away (a private redis-server, stopped and started)', () => {
    let redis: PrivateRedis;
    let first: TestApp;
    let second: TestApp;
    const sockets: Socket[] = [];
    const { consultation } = people(() => first);
    const redisIs = (ready: boolean) => [first, second].every((app) => (app.context.redis?.status === 'ready') === ready);
    beforeAll(async () => {
      redis = await privateRedis();
      [first, second] = await Promise.all([startTestApp({ REDIS_URL: redis.url }), startTestApp({ REDIS_URL: redis.url })]);
    });
    afterAll(async () => {
      for (const socket of sockets) socket.disconnect();
      await Promise.all([first?.close(), second?.close()]);
      await redis?.stop();
    });

    test('each instance counts alone, never failing a message for Redis, and shares the limit again once it is back', async () => {
      const { filer, consultation: room } = await consultation();
      const onFirst = await joined(first, filer, room.id, sockets);
      const onSecond = await joined(second, filer, room.id, sockets);
      await redis.stop();
      await within(10_000, 'both instances see Redis gone', () => redisIs(false));

      // Half of these on each instance: within each one's own limit, so all are stored.
      const whileAway = await alternately(onFirst, onSecond, MESSAGES_PER_WINDOW + 2);
      expect(whileAway.every((answer) => answer.ok)).toBe(true);
      // …and an instance alone still holds its own sockets to the limit.
      const onFirstAlone: Ack[] = [];
      for (let index = whileAway.length / 2; index <= MESSAGES_PER_WINDOW; index += 1) onFirstAlone.push(await onFirst(`alone ${index}`));
      expect(onFirstAlone.at(-1)).toEqual(LIMITED);
      expect(onFirstAlone.slice(0, -1).every((answer) => answer.ok)).toBe(true);

      await redis.start();
      await within(15_000, 'both instances reconnect to Redis', () => redisIs(true));
      const { filer: another, consultation: next } = await consultation();
      const answers = await alternately(
        await joined(first, another, next.id, sockets),
        await joined(second, another, next.id, sockets),
        MESSAGES_PER_WINDOW + 1,
      );
      expect(answers.at(-1)).toEqual(LIMITED);
      expect(answers.slice(0, -1).every((answer) => answer.ok)).toBe(true);
    });
  });
});
