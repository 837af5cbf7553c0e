import type { Socket } from 'socket.io-client';
import { demoAccounts } from '../../api/src/accounts/demo-accounts.js';
import type { IssuedTicket, TicketView } from '../../api/src/queues/queue-view.types.js';
import { TestClient, uniqueEmail } from '../support/http-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeWithDatabase } from '../support/test-database.js';
import { arrived, ask, collect, connectLive } from '../support/live-client.js';

// Seoul's counter 2 serves complaint services only, so no appointment check-in of another test file joins its line.
const COUNTER = 'counter-2';
const HALL = 'seoul-city-hall';

describeWithDatabase('queues: live events on /live', () => {
  let api: TestApp;
  const sockets: Socket[] = [];
  const open = async (who?: TestClient) => {
    const socket = await connectLive(api.url, who);
    sockets.push(socket);
    return socket;
  };
  beforeAll(async () => {
    api = await startTestApp({ DEMO_DATA: 'true' });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await api.close();
  });

  const official = async (departmentId: string) => {
    const admin = new TestClient(api.url);
    const demoAdmin = demoAccounts.find((account) => account.role === 'admin');
    await admin.signIn(demoAdmin?.email ?? '', demoAdmin?.password ?? '');
    const email = uniqueEmail('official');
    await admin.post('/api/admin/officials', { email, displayName: 'Officer', departmentId, password: 'harbour-lantern-99' });
    const person = new TestClient(api.url);
    await person.signIn(email, 'harbour-lantern-99');
    return person;
  };
  const take = async (who = new TestClient(api.url)) =>
    (await (await who.post(`/api/queues/${COUNTER}/tickets`, { serviceId: 'pothole' })).json()) as IssuedTicket;

  test('holders hear their own ticket move up and be called, and nothing of others; the board and the console hear changes', async () => {
    const desk = await official('safety');
    const boardSocket = await open();
    expect(await ask(boardSocket, 'watch', { kind: 'board', key: HALL })).toEqual({ ok: true });
    const states = collect(boardSocket, 'official.state');
    await desk.post(`/api/queues/${COUNTER}/open`);
    expect(await arrived(states, (event) => event.counterId === COUNTER)).toEqual({ hallId: HALL, counterId: COUNTER, state: 'open' });
    const consoleSocket = await open(desk);
    expect(await ask(consoleSocket, 'watch', { kind: 'counter', key: COUNTER })).toEqual({ ok: true });
    const queueChanges = collect(consoleSocket, 'queue.changed');

    // One signed out (watching by token), one signed in (hearing in their own room without a watch), one more signed out.
    const first = await take();
    const citizen = new TestClient(api.url);
    await citizen.register(uniqueEmail('holder'));
    const second = await take(citizen);
    const third = await take();
    expect(await arrived(queueChanges, (event) => event.waiting >= 3)).toMatchObject({ id: COUNTER, open: true });

    const [firstSocket, secondSocket, thirdSocket] = await Promise.all([open(), open(citizen), open()]);
    expect(await ask(firstSocket, 'watch', { kind: 'ticket', key: first.ticketToken })).toEqual({ ok: true });
    expect(await ask(thirdSocket, 'watch', { kind: 'ticket', key: third.ticketToken })).toEqual({ ok: true });
    const heard = (socket: Socket) => ({ called: collect(socket, 'ticket.called'), positions: collect(socket, 'ticket.position') });
    const [toFirst, toSecond, toThird] = [heard(firstSocket), heard(secondSocket), heard(thirdSocket)];
    const boards = collect(boardSocket, 'board.changed');

    const calledFirst = (await (await desk.post(`/api/queues/${COUNTER}/call-next`)).json()) as TicketView;
    expect(calledFirst.id).toBe(first.ticket.id);
    expect(await arrived(toFirst.called, () => true)).toEqual({
      ticketId: first.ticket.id,
      number: first.ticket.number,
      counterId: COUNTER,
      counterName: expect.objectContaining({ en: expect.any(String), ko: expect.any(String) }),
      recalled: false,
    });
    const secondPosition = second.ticket.position ?? 0;
    expect(await arrived(toSecond.positions, (event) => event.ticketId === second.ticket.id)).toEqual({
      ticketId: second.ticket.id,
      position: secondPosition - 1,
      estimatedWaitMinutes: expect.any(Number),
    });
    expect(await arrived(toThird.positions, (event) => event.ticketId === third.ticket.id)).toMatchObject({
      position: (third.ticket.position ?? 0) - 1,
    });
    const board = await arrived(boards, (event) =>
      event.counters.some((counter) => counter.nowServing.some((n) => n.number === first.ticket.number)),
    );
    expect(board.hallId).toBe(HALL);

    await desk.post(`/api/queues/${COUNTER}/call-next`);
    expect(await arrived(toSecond.called, () => true)).toMatchObject({ ticketId: second.ticket.id, number: second.ticket.number });
    await arrived(toThird.positions, (event) => event.position === (third.ticket.position ?? 0) - 2);
    await desk.post(`/api/queues/tickets/${first.ticket.id}/recall`);
    expect(await arrived(toFirst.called, (event) => event.recalled)).toMatchObject({ ticketId: first.ticket.id });

    // Each heard of its own ticket only.
    expect(toFirst.positions).toEqual([]);
    expect(toFirst.called.map((event) => event.ticketId)).toEqual([first.ticket.id, first.ticket.id]);
    expect(toSecond.called.map((event) => event.ticketId)).toEqual([second.ticket.id]);
    expect(toSecond.positions.every((event) => event.ticketId === second.ticket.id)).toBe(true);
    expect(toThird.called).toEqual([]);
    expect(toThird.positions.every((event) => event.ticketId === third.ticket.id)).toBe(true);
  });

  test('who may watch: a ticket only by its token, a counter only by those who may run it, a board by its hall id', async () => {
    const anyone = await open();
    expect(await ask(anyone, 'watch', { kind: 'ticket', key: 'A'.repeat(24) })).toEqual({ ok: false, code: 'NOT_FOUND' });
    expect(await ask(anyone, 'watch', { kind: 'ticket', key: 'short' })).toEqual({ ok: false, code: 'NOT_FOUND' });
    expect(await ask(anyone, 'watch', { kind: 'board', key: 'customer-happiness-centre' })).toEqual({ ok: false, code: 'NOT_FOUND' });
    expect(await ask(anyone, 'watch', { kind: 'counter', key: COUNTER })).toEqual({ ok: false, code: 'NOT_FOUND' });
    const citizen = new TestClient(api.url);
    await citizen.register(uniqueEmail('citizen'));
    expect(await ask(await open(citizen), 'watch', { kind: 'counter', key: COUNTER })).toEqual({ ok: false, code: 'NOT_FOUND' });
    expect(await ask(await open(await official('housing')), 'watch', { kind: 'counter', key: COUNTER })).toEqual({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(await ask(await open(await official('transport')), 'watch', { kind: 'counter', key: COUNTER })).toEqual({ ok: true });
  });
});
