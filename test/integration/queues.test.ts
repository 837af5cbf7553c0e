import { demoAccounts } from '../../api/src/accounts/demo-accounts.js';
import type { AuditEvent } from '../../api/src/audit/audit-event.entity.js';
import type { BoardView, CounterView, IssuedTicket, TicketView } from '../../api/src/queues/queue-view.types.js';
import { QueuesService } from '../../api/src/queues/queues.service.js';
import { TestClient, uniqueEmail } from '../support/http-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeWithDatabase } from '../support/test-database.js';

// Dubai's hall, so that no other test file's tickets (appointments check in at Seoul's counters) join these lines.
// The run's database is shared: this file uses Dubai's counters 2–6, queues-instances.test.ts counter 1.
const HALL = 'customer-happiness-centre';

describeWithDatabase('queues: counters, tickets, call-next, steps and the board', () => {
  let api: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    api = await startTestApp({ DEMO_DATA: 'true', CITY: 'dubai' });
    admin = new TestClient(api.url);
    const demoAdmin = demoAccounts.find((account) => account.role === 'admin');
    await admin.signIn(demoAdmin?.email ?? '', demoAdmin?.password ?? '');
  });
  afterAll(() => api.close());

  const client = () => new TestClient(api.url);
  const official = async (departmentId: string) => {
    const email = uniqueEmail('official');
    await admin.post('/api/admin/officials', { email, displayName: 'Officer', departmentId, password: 'harbour-lantern-99' });
    const person = client();
    await person.signIn(email, 'harbour-lantern-99');
    return person;
  };
  const citizen = async () => {
    const person = client();
    await person.register(uniqueEmail('citizen'));
    return person;
  };
  const take = async (counterId: string, serviceId: string, who = client()) => {
    const response = await who.post(`/api/queues/${counterId}/tickets`, { serviceId });
    expect(response.status).toBe(201);
    return (await response.json()) as IssuedTicket;
  };
  const json = async <T>(response: Response | Promise<Response>) => (await (await response).json()) as T;
  const counterOf = async (counterId: string) =>
    (await json<CounterView[]>(client().get('/api/queues'))).find((counter) => counter.id === counterId);

  test('officials open and close counters of their department only: 403 for another department, 401 signed out', async () => {
    expect((await client().post('/api/queues/counter-3/open')).status).toBe(401);
    expect(await json((await citizen()).post('/api/queues/counter-3/open'))).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    const buildings = await official('municipality-buildings');
    const refused = await buildings.post('/api/queues/counter-3/open');
    expect(await refused.json()).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    expect(await json(buildings.post('/api/queues/counter-3/call-next'))).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    expect(await json(buildings.get('/api/queues/counter-3'))).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    expect((await buildings.post('/api/queues/counter-99/open')).status).toBe(404);

    expect(await json(client().post('/api/queues/counter-3/tickets', { serviceId: 'road-damage' }))).toMatchObject({
      statusCode: 409,
      code: 'QUEUE_COUNTER_CLOSED',
    });
    const rta = await official('rta');
    const opened = await rta.post('/api/queues/counter-3/open');
    expect(opened.status).toBe(200);
    expect(await opened.json()).toMatchObject({ id: 'counter-3', open: true, state: 'open', waiting: 0 });
    expect(await counterOf('counter-3')).toMatchObject({
      open: true,
      serviceIds: ['road-damage', 'streetlight-fault', 'parking-violation'],
    });
    // An admin of its own, so that no other file's actions mix into the audit trail read below.
    const closer = await citizen();
    const [rtaId, closerId] = await Promise.all(
      [rta, closer].map(async (person) => (await json<{ id: string }>(person.get('/api/me'))).id),
    );
    expect((await admin.patch(`/api/admin/accounts/${closerId}/role`, { role: 'admin' })).status).toBe(200);
    expect((await closer.post('/api/queues/counter-3/close')).status).toBe(200);
    expect(await counterOf('counter-3')).toMatchObject({ open: false, state: 'closed' });
    expect((await rta.post('/api/queues/counter-3/open')).status).toBe(200);

    const audit = await json<AuditEvent[]>(admin.get('/api/admin/audit?limit=500'));
    const counterEvents = audit.filter((event) => event.objectId === 'counter-3' && [rtaId, closerId].includes(event.actorId ?? ''));
    expect(counterEvents.map((event) => [event.action, event.actorId])).toEqual([
      ['queue.counter_opened', rtaId],
      ['queue.counter_closed', closerId],
      ['queue.counter_opened', rtaId],
    ]);
  });

  test('each step and its 409: call, recall, serve, complete; no-show; transfer keeps the place by the first time', async () => {
    const rta = await official('rta');
    await rta.post('/api/queues/counter-3/open');
    const first = await take('counter-3', 'road-damage');
    const second = await take('counter-3', 'parking-violation');
    const third = await take('counter-3', 'streetlight-fault');
    const step = (id: string, action: string, body?: unknown) => rta.post(`/api/queues/tickets/${id}/${action}`, body);

    const early = await step(first.ticket.id, 'serve');
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({
      code: 'QUEUE_INVALID_TRANSITION',
      from: 'waiting',
      to: 'serving',
      allowed: ['called', 'cancelled'],
    });
    expect(await json<TicketView>(rta.post('/api/queues/counter-3/call-next'))).toMatchObject({ id: first.ticket.id, status: 'called' });
    expect(await json<TicketView>(step(first.ticket.id, 'recall'))).toMatchObject({ status: 'called' });
    expect(await json(step(first.ticket.id, 'complete'))).toMatchObject({ code: 'QUEUE_INVALID_TRANSITION', from: 'called', to: 'done' });
    expect(await json<TicketView>(step(first.ticket.id, 'serve'))).toMatchObject({ status: 'serving' });
    expect(await counterOf('counter-3')).toMatchObject({
      state: 'serving',
      nowServing: [{ number: first.ticket.number, status: 'serving' }],
    });
    expect(await json(step(first.ticket.id, 'no-show'))).toMatchObject({
      code: 'QUEUE_INVALID_TRANSITION',
      allowed: ['done', 'transferred'],
    });
    expect(await json<TicketView>(step(first.ticket.id, 'complete'))).toMatchObject({ status: 'done', position: null });
    expect(await json(step(first.ticket.id, 'recall'))).toMatchObject({ statusCode: 409, code: 'QUEUE_INVALID_TRANSITION', allowed: [] });

    expect(await json<TicketView>(rta.post('/api/queues/counter-3/call-next'))).toMatchObject({ id: second.ticket.id });
    expect(await json<TicketView>(step(second.ticket.id, 'no-show'))).toMatchObject({ status: 'noshow' });

    // A later walk-in waits while the third is called, then sent on to another service at the same counter.
    const later = await take('counter-3', 'road-damage');
    expect(await json<TicketView>(rta.post('/api/queues/counter-3/call-next'))).toMatchObject({ id: third.ticket.id });
    expect(await json(step(third.ticket.id, 'transfer', { counterId: 'counter-3', serviceId: 'pest-sighting' }))).toMatchObject({
      statusCode: 400,
      code: 'QUEUE_SERVICE_NOT_AT_COUNTER',
      serviceIds: ['road-damage', 'streetlight-fault', 'parking-violation'],
    });
    const moved = await json<TicketView>(step(third.ticket.id, 'transfer', { counterId: 'counter-3', serviceId: 'road-damage' }));
    expect(moved).toMatchObject({ status: 'waiting', serviceId: 'road-damage', position: 1 });
    expect(moved.number).not.toBe(third.ticket.number);
    expect(await json<TicketView>(client().get(`/api/queues/tickets/${later.ticketToken}`))).toMatchObject({ position: 2 });
    // The token follows the ticket to its new place.
    expect(await json<TicketView>(client().get(`/api/queues/tickets/${third.ticketToken}`))).toMatchObject({ id: moved.id, position: 1 });
    const line = await json<{ tickets: TicketView[] }>(rta.get('/api/queues/counter-3'));
    expect(line.tickets.map((ticket) => [ticket.id, ticket.position])).toEqual([
      [moved.id, 1],
      [later.ticket.id, 2],
    ]);

    // Another department's official cannot touch the ticket at all; signed out is 401.
    const elsewhere = await official('land-department');
    expect(await json(elsewhere.post(`/api/queues/tickets/${moved.id}/recall`))).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    expect((await client().post(`/api/queues/tickets/${moved.id}/recall`)).status).toBe(401);
    const audit = await json<AuditEvent[]>(admin.get('/api/admin/audit?limit=500'));
    expect(audit.filter((event) => event.objectId === first.ticket.id).map((event) => event.action)).toEqual([
      'queue.ticket_done',
      'queue.ticket_serving',
      'queue.ticket_recalled',
      'queue.ticket_called',
      'queue.ticket_taken',
    ]);
  });

  test('ticket numbers are unique and gapless under 30 concurrent takes; the line has a limit', async () => {
    const economy = await official('economy-tourism');
    await economy.post('/api/queues/counter-4/open');
    const taken = await Promise.all(Array.from({ length: 30 }, () => take('counter-4', 'trade-licence-application')));
    const sequence = taken.map(({ ticket }) => Number(ticket.number.slice(2))).sort((a, b) => a - b);
    expect(taken.every(({ ticket }) => /^D-\d{3}$/.test(ticket.number))).toBe(true);
    expect(new Set(sequence).size).toBe(30);
    expect(sequence.at(-1)! - sequence[0]!).toBe(29);
    // Each joined at the end, in the order of the numbers.
    const byNumber = [...taken].sort((a, b) => a.ticket.number.localeCompare(b.ticket.number));
    const positions = byNumber.map(({ ticket }) => ticket.position ?? 0);
    expect(positions.every((position, index) => index === 0 || position === positions[index - 1]! + 1)).toBe(true);
    expect(new Set(taken.map(({ ticketToken }) => ticketToken)).size).toBe(30);
    expect(await json(client().post('/api/queues/counter-4/tickets', { serviceId: 'road-damage' }))).toMatchObject({
      statusCode: 400,
      code: 'QUEUE_SERVICE_NOT_AT_COUNTER',
    });
    expect((await client().post('/api/queues/counter-99/tickets', { serviceId: 'road-damage' })).status).toBe(404);
    expect(await json(client().post('/api/queues/counter-4/tickets', {}))).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'serviceId' }],
    });

    // Fill the line to its limit of 200 walk-ins directly (with numbers no real ticket reaches), then one more is refused.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Dubai' }).format(new Date());
    const filler = await api.context.dataSource.query<{ id: string }[]>(
      `INSERT INTO queue_ticket (hall_id, counter_id, service_id, day, sequence, number, token_hash)
       SELECT $1, 'counter-4', 'trade-licence-application', $2, n, 'D-' || n, sha256(('filler-' || n || random())::bytea)
         FROM generate_series(100001, 100170) AS n RETURNING id`,
      [HALL, today],
    );
    const full = await client().request(
      'POST',
      '/api/queues/counter-4/tickets',
      { serviceId: 'trade-licence-application' },
      { 'accept-language': 'ar' },
    );
    const body = (await full.json()) as { code: string; limit: number; message: string };
    expect(body).toMatchObject({ code: 'QUEUE_FULL', limit: 200 });
    expect(body.message).toMatch(/[\u0600-\u06FF]/);
    await api.context.dataSource.query(`UPDATE queue_ticket SET status = 'cancelled' WHERE id = ANY($1)`, [filler.map((row) => row.id)]);

    // A ticket left waiting from an earlier day leaves the line when the counter is next used.
    const [stale] = await api.context.dataSource.query<{ id: string }[]>(
      `INSERT INTO queue_ticket (hall_id, counter_id, service_id, day, sequence, number, token_hash)
       VALUES ($1, 'counter-4', 'trade-licence-application', '2000-01-01', 1, 'D-001', sha256('stale'::bytea)) RETURNING id`,
      [HALL],
    );
    await take('counter-4', 'trade-licence-application');
    expect(await api.context.dataSource.query('SELECT status FROM queue_ticket WHERE id = $1', [stale?.id])).toEqual([
      { status: 'cancelled' },
    ]);
  });

  test('8 concurrent call-next on 3 waiting tickets: 3 distinct tickets and 5 QUEUE_EMPTY, at each of two counters', async () => {
    const desks = await Promise.all(['land-department', 'land-department', 'community-development', 'community-development'].map(official));
    await desks[0]!.post('/api/queues/counter-5/open');
    await desks[2]!.post('/api/queues/counter-6/open');
    const waiting5 = await Promise.all([1, 2, 3].map(() => take('counter-5', 'ejari-registration')));
    const waiting6 = await Promise.all([1, 2, 3].map(() => take('counter-6', 'good-conduct-certificate')));

    const calls = await Promise.all(
      Array.from({ length: 16 }, (_, index) => desks[index % 4]!.post(`/api/queues/counter-${index % 4 < 2 ? 5 : 6}/call-next`)),
    );
    const answers = await Promise.all(
      calls.map(async (response, index) => ({ index, status: response.status, body: await response.json() })),
    );
    for (const [counter, waiting] of [
      [5, waiting5],
      [6, waiting6],
    ] as const) {
      const here = answers.filter(({ index }) => (index % 4 < 2 ? 5 : 6) === counter);
      const called = here.filter(({ status }) => status === 200).map(({ body }) => (body as TicketView).id);
      expect(called.sort()).toEqual(waiting.map(({ ticket }) => ticket.id).sort());
      expect(here.filter(({ status }) => status === 409).map(({ body }) => (body as { code: string }).code)).toEqual(
        Array(5).fill('QUEUE_EMPTY'),
      );
    }
  });

  test('priority tickets of appointments go before walk-ins, first come first served; estimates follow positions', async () => {
    const buildings = await official('municipality-buildings');
    await buildings.post('/api/queues/counter-2/open');
    const walkIn = await take('counter-2', 'building-permit-consultation');
    // No completed service yet: the appointment service's 30 minutes stand in for the mean.
    expect(walkIn.ticket).toMatchObject({
      number: expect.stringMatching(/^B-\d{3}$/),
      position: 1,
      estimatedWaitMinutes: 30,
      priority: false,
    });
    const queues = api.app.get(QueuesService);
    const issue = () =>
      api.context.dataSource.transaction((manager) =>
        queues.issueAppointmentTicket(manager, {
          appointmentId: crypto.randomUUID(),
          counterId: 'counter-2',
          serviceId: 'building-permit-consultation',
          caseId: null,
          holderId: null,
        }),
      );
    const firstPriority = await issue();
    const secondPriority = await issue();
    expect(firstPriority.ticket).toMatchObject({ priority: true, position: 1, estimatedWaitMinutes: 30 });
    expect(secondPriority.ticket).toMatchObject({ priority: true, position: 2, estimatedWaitMinutes: 60 });
    expect(await json<TicketView>(client().get(`/api/queues/tickets/${walkIn.ticketToken}`))).toMatchObject({
      position: 3,
      estimatedWaitMinutes: 90,
    });
    expect(await counterOf('counter-2')).toMatchObject({ waiting: 3, estimatedWaitMinutes: 120 });

    const order = [];
    for (let i = 0; i < 3; i += 1) order.push((await json<TicketView>(buildings.post('/api/queues/counter-2/call-next'))).id);
    expect(order).toEqual([firstPriority.ticket.id, secondPriority.ticket.id, walkIn.ticket.id]);

    // With completed services, their mean time (the last 20) sets the estimate.
    for (const id of order) {
      await buildings.post(`/api/queues/tickets/${id}/serve`);
      await buildings.post(`/api/queues/tickets/${id}/complete`);
    }
    await api.context.dataSource.query('UPDATE queue_ticket SET service_seconds = $2 WHERE id = ANY($1)', [order, 240]);
    const next = await take('counter-2', 'building-permit-consultation');
    const after = await take('counter-2', 'building-permit-consultation');
    expect([next.ticket.estimatedWaitMinutes, after.ticket.estimatedWaitMinutes]).toEqual([4, 8]);
  });

  test('a holder follows and cancels a ticket by its token; a signed-in person waits once per counter', async () => {
    const person = await citizen();
    await (await official('economy-tourism')).post('/api/queues/counter-4/open');
    const held = await take('counter-4', 'trade-licence-application', person);
    expect(held.ticketToken).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(await json(person.post('/api/queues/counter-4/tickets', { serviceId: 'business-licence-consultation' }))).toMatchObject({
      statusCode: 409,
      code: 'QUEUE_ALREADY_WAITING',
    });
    expect(await json<TicketView>(client().post(`/api/queues/tickets/${held.ticketToken}/cancel`))).toMatchObject({ status: 'cancelled' });
    expect(await json(client().post(`/api/queues/tickets/${held.ticketToken}/cancel`))).toMatchObject({
      code: 'QUEUE_INVALID_TRANSITION',
      from: 'cancelled',
    });
    expect((await client().get(`/api/queues/tickets/${'A'.repeat(24)}`)).status).toBe(404);
    expect((await client().get('/api/queues/tickets/not-a-token')).status).toBe(404);
    await take('counter-4', 'business-licence-consultation', person);
  });

  test('the board shows ticket numbers per counter, nothing about people; other halls are 404', async () => {
    const land = await official('land-department');
    await land.post('/api/queues/counter-5/open');
    await take('counter-5', 'rent-dispute-guidance');
    const called = await json<TicketView>(land.post('/api/queues/counter-5/call-next'));
    const board = await json<BoardView>(client().get(`/api/queues/board?hall=${HALL}`));
    expect(board.hallId).toBe(HALL);
    expect(board.counters.map((counter) => counter.id)).toEqual([
      'counter-1',
      'counter-2',
      'counter-3',
      'counter-4',
      'counter-5',
      'counter-6',
    ]);
    const counter5 = board.counters.find((counter) => counter.id === 'counter-5');
    expect(counter5).toMatchObject({ state: 'open', name: { en: expect.any(String) } });
    expect(counter5?.nowServing).toContainEqual({ number: called.number, status: 'called' });
    expect(JSON.stringify(board)).not.toMatch(/token|holder|email|@|[0-9a-f]{8}-[0-9a-f]{4}-/i);
    expect((await client().get('/api/queues/board?hall=seoul-city-hall')).status).toBe(404);
    expect(await json(client().get('/api/queues/board'))).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  test("a person's tickets are in their data export, and erasure unlinks them", async () => {
    await (await official('rta')).post('/api/queues/counter-3/open');
    const person = await citizen();
    const { ticket } = await take('counter-3', 'road-damage', person);
    const exported = await json<{ queueTickets: { number: string; status: string }[] }>(person.get('/api/me/export'));
    expect(exported.queueTickets).toEqual([expect.objectContaining({ number: ticket.number, status: 'waiting' })]);
    expect((await person.delete('/api/me', { password: 'lantern-harbour-42' })).status).toBe(204);
    const [row] = await api.context.dataSource.query<{ holder_id: string | null }[]>('SELECT holder_id FROM queue_ticket WHERE id = $1', [
      ticket.id,
    ]);
    expect(row).toEqual({ holder_id: null });
  });
});
