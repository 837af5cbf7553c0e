import type { Socket } from 'socket.io-client';
import { demoAccounts } from '../../api/src/accounts/demo-accounts.js';
import type { LiveEvents } from '../../api/src/live/live-events.types.js';
import type { IssuedTicket } from '../../api/src/queues/queue-view.types.js';
import { TestClient, uniqueEmail } from '../support/http-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeWithDatabase } from '../support/test-database.js';
import { describeWithRedis, freshRedisUrl } from '../support/test-redis.js';
import { arrived, connectLive } from '../support/live-client.js';

// Dubai's counter 1: queues.test.ts uses the hall's other counters, on the same database.
const COUNTER = 'counter-1';
const HALL = 'customer-happiness-centre';

describeWithDatabase('queues across instances', () => {
  describeWithRedis('through Redis', () => {
    let first: TestApp;
    let second: TestApp;
    const sockets: Socket[] = [];
    beforeAll(async () => {
      const REDIS_URL = await freshRedisUrl();
      [first, second] = await Promise.all([
        startTestApp({ DEMO_DATA: 'true', CITY: 'dubai', REDIS_URL }),
        startTestApp({ DEMO_DATA: 'true', CITY: 'dubai', REDIS_URL }),
      ]);
    });
    afterAll(async () => {
      for (const socket of sockets) socket.disconnect();
      await Promise.all([first.close(), second.close()]);
    });

    test('a ticket called on instance B is heard by its holder and the board on instance A', async () => {
      const admin = new TestClient(second.url);
      const demoAdmin = demoAccounts.find((account) => account.role === 'admin');
      await admin.signIn(demoAdmin?.email ?? '', demoAdmin?.password ?? '');
      const email = uniqueEmail('official');
      await admin.post('/api/admin/officials', {
        email,
        displayName: 'Officer',
        departmentId: 'municipality-waste',
        password: 'harbour-lantern-99',
      });
      const desk = new TestClient(second.url);
      await desk.signIn(email, 'harbour-lantern-99');
      expect((await desk.post(`/api/queues/${COUNTER}/open`)).status).toBe(200);

      const { ticket, ticketToken } = (await (
        await new TestClient(first.url).post(`/api/queues/${COUNTER}/tickets`, { serviceId: 'illegal-dumping' })
      ).json()) as IssuedTicket;
      const [holder, board] = await Promise.all([connectLive(first.url), connectLive(first.url)]);
      sockets.push(holder, board);
      expect(await holder.timeout(5000).emitWithAck('watch', { kind: 'ticket', key: ticketToken })).toEqual({ ok: true });
      expect(await board.timeout(5000).emitWithAck('watch', { kind: 'board', key: HALL })).toEqual({ ok: true });
      const called: LiveEvents['ticket.called'][] = [];
      holder.on('ticket.called', (payload: LiveEvents['ticket.called']) => called.push(payload));
      const boards: LiveEvents['board.changed'][] = [];
      board.on('board.changed', (payload: LiveEvents['board.changed']) => boards.push(payload));

      // Whatever waited before is called first; the holder hears only of their own ticket.
      for (let calls = 0; calls < 10 && called.length === 0; calls += 1) {
        expect((await desk.post(`/api/queues/${COUNTER}/call-next`)).status).toBe(200);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(await arrived(called, () => true)).toMatchObject({ ticketId: ticket.id, number: ticket.number, counterId: COUNTER });
      await arrived(boards, (event) => event.counters.some((counter) => counter.nowServing.some((now) => now.number === ticket.number)));
    });
  });
});
