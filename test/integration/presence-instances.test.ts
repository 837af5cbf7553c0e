import type { Socket } from 'socket.io-client';
import { metresBetween } from '../../api/src/presence/personal-space.js';
import type { VisitorPosition } from '../../api/src/presence/presence.types.js';
import { makeOfficial } from '../support/officials.js';
import { TestClient, uniqueEmail } from '../support/http-client.js';
import { ask, collect, connectLive, until } from '../support/live-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeWithDatabase } from '../support/test-database.js';
import { describeWithRedis, freshRedisUrl } from '../support/test-redis.js';

interface Ack {
  ok: boolean;
  code?: string;
  you?: VisitorPosition;
  visitors?: VisitorPosition[];
}

/** A spot on Seoul's hall floor, `east` metres along. */
const spot = (east: number) => ({ lat: 37.5667, lon: 126.978 + east / 88_000, headingDegrees: 0 });
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describeWithDatabase("visitors' presence across instances", () => {
  describeWithRedis('through Redis', () => {
    let first: TestApp;
    let second: TestApp;
    const sockets: Socket[] = [];
    const visitor = async (app: TestApp) => {
      const person = new TestClient(app.url);
      await person.register(uniqueEmail('visitor'), 'lantern-harbour-42', 'Visitor');
      const socket = await connectLive(app.url, person);
      sockets.push(socket);
      return { person, socket };
    };
    beforeAll(async () => {
      const REDIS_URL = await freshRedisUrl();
      [first, second] = await Promise.all([startTestApp({ REDIS_URL }), startTestApp({ REDIS_URL })]);
    });
    afterAll(async () => {
      for (const socket of sockets) socket.disconnect();
      await Promise.all([first.close(), second.close()]);
    });

    test('visitors on two instances see each other, keep their bubbles, hide, report, and are cleared together', async () => {
      const ana = await visitor(first);
      const ben = await visitor(second);
      const anaJoined = await ask<Ack>(ana.socket, 'presence.join', spot(0));
      const joinedHeard = collect(ana.socket, 'presence.joined');
      const benJoined = await ask<Ack>(ben.socket, 'presence.join', spot(5));
      expect(benJoined.visitors).toEqual([anaJoined.you]);
      expect((await until(joinedHeard, 1))[0]).toEqual(benJoined.you);

      // Ben walks into Ana's bubble from the other instance: stopped at its edge.
      const walked = await ask<Ack>(ben.socket, 'presence.move', spot(0.3));
      expect(metresBetween(anaJoined.you as VisitorPosition, walked.you as VisitorPosition)).toBeGreaterThanOrEqual(1.2);

      // Reported across instances: the row names Ben's account.
      expect(await ask(ana.socket, 'presence.report', { visitorId: benJoined.you?.visitorId, reason: 'following' })).toEqual({ ok: true });
      const { id: benId } = (await (await ben.person.get('/api/me')).json()) as { id: string };
      const [report] = await first.context.dataSource.query<{ reported_id: string }[]>(
        `SELECT reported_id FROM presence_report WHERE reported_id = $1`,
        [benId],
      );
      expect(report?.reported_id).toBe(benId);
      // …and hidden: Ana hears no more of Ben's moves.
      const movesHeard = collect(ana.socket, 'presence.moved');
      await ask(ben.socket, 'presence.move', spot(4));
      await settle();
      expect(movesHeard).toEqual([]);

      // An official on the second instance clears the hall: Ana, on the first, is told and is out.
      const cleared = collect(ana.socket, 'presence.cleared');
      const { client: officialClient } = await makeOfficial(second.url, 'civil-affairs');
      const desk = await connectLive(second.url, officialClient);
      sockets.push(desk);
      expect(await ask(desk, 'presence.clear', { reason: 'maintenance' })).toEqual({ ok: true });
      expect((await until(cleared, 1))[0]).toEqual({ reason: 'maintenance' });
      expect(await ask(ana.socket, 'presence.move', spot(1))).toEqual({ ok: false, code: 'PRESENCE_NOT_ON' });
      expect(await ask(ben.socket, 'presence.move', spot(4))).toEqual({ ok: false, code: 'PRESENCE_NOT_ON' });
    });
  });
});
