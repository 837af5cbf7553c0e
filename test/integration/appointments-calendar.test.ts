import ICAL from 'ical.js';
import { io, type Socket } from 'socket.io-client';
import type { AppointmentView, CheckedIn } from '../../api/src/appointments/appointment-view.types.js';
import { WaitlistService } from '../../api/src/appointments/waitlist.service.js';
import type { LiveEvents } from '../../api/src/live/live-events.types.js';
import { appointmentHelpers } from '../support/appointment-helpers.js';
import type { TestClient } from '../support/http-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeWithDatabase } from '../support/test-database.js';

/** The events of an .ics file as a real iCalendar client reads them: instants through the file's own VTIMEZONE. */
function parsedEvents(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return {
    method: calendar.getFirstPropertyValue('method'),
    events: calendar.getAllSubcomponents('vevent').map((component) => {
      const event = new ICAL.Event(component);
      return {
        uid: event.uid,
        startsAt: event.startDate.toJSDate().toISOString(),
        endsAt: event.endDate.toJSDate().toISOString(),
        tzid: event.startDate.zone?.tzid,
        summary: event.summary,
        location: event.location,
        description: event.description,
        status: component.getFirstPropertyValue('status'),
      };
    }),
  };
}

describeWithDatabase('appointments: reschedule, cancel and the waitlist, calendars, check-in', () => {
  let api: TestApp;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    api = await startTestApp({ DEMO_DATA: 'true' });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await api.close();
  });
  const { client, citizen, official, key, seoulDate, slots, slotOf, book, booked } = appointmentHelpers(() => api.url);
  const post = (person: TestClient, path: string, body?: unknown) => person.post(path, body, { 'idempotency-key': key() });

  /** A socket on `/live` with the person's session; resolves once the server has put it in its rooms. */
  const connect = (person: TestClient): Promise<Socket> => {
    const socket = io(`${api.url}/live`, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: { origin: api.url, ...(person.cookie ? { cookie: person.cookie } : {}) },
    });
    sockets.push(socket);
    return new Promise((resolve, reject) => {
      socket.once('live.ready', () => resolve(socket));
      socket.once('connect_error', reject);
    });
  };

  test('reschedule is atomic: onto a taken slot nothing changes; onto a free one the old slot is freed', async () => {
    const date = seoulDate(4, 1);
    const [first, second, third] = (await slots('business-permit-consultation', date)).filter((slot) => slot.officialId === 'kang-su-bin');
    const mover = await citizen();
    const mine = await booked(mover, 'business-permit-consultation', first!);
    await booked(await citizen(), 'business-permit-consultation', second!);

    const refused = await post(mover, `/api/appointments/${mine.id}/reschedule`, { startsAt: second!.startsAt });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: 'APPOINTMENT_SLOT_TAKEN' });
    expect(await (await mover.get(`/api/appointments/${mine.id}`)).json()).toMatchObject({ startsAt: first!.startsAt, status: 'booked' });

    const moved = await post(mover, `/api/appointments/${mine.id}/reschedule`, { startsAt: third!.startsAt });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ id: mine.id, startsAt: third!.startsAt, caseNumber: mine.caseNumber });
    const free = (await slots('business-permit-consultation', date)).map((slot) => slot.startsAt);
    expect(free).toContain(first!.startsAt);
    expect(free).not.toContain(third!.startsAt);
    const offGrid = await post(mover, `/api/appointments/${mine.id}/reschedule`, { startsAt: `${date}T00:05:00.000Z` });
    expect(await offGrid.json()).toMatchObject({ code: 'APPOINTMENT_NOT_A_SLOT' });
  });

  test('a cancelled slot is held for the first waiter, who hears of it live and may accept it until the hold expires', async () => {
    const date = seoulDate(6, 3);
    const slot = await slotOf('welfare-counselling', 'jung-min-ho', date);
    const booker = await citizen();
    const appointment = await booked(booker, 'welfare-counselling', slot);
    const [first, second] = [await citizen(), await citizen()];
    for (const waiter of [first, second])
      expect((await waiter.post('/api/appointments/waitlist', { serviceId: 'welfare-counselling', date })).status).toBe(201);
    const again = await first.post('/api/appointments/waitlist', { serviceId: 'welfare-counselling', date });
    expect(await again.json()).toMatchObject({ code: 'APPOINTMENT_ALREADY_WAITLISTED' });
    const offers: LiveEvents['appointment.offered'][] = [];
    (await connect(first)).on('appointment.offered', (payload: LiveEvents['appointment.offered']) => offers.push(payload));
    const othersHeard: unknown[] = [];
    (await connect(second)).on('appointment.offered', (payload: unknown) => othersHeard.push(payload));

    const cancelHeaders = { 'idempotency-key': key() };
    const cancelled = await booker.post(`/api/appointments/${appointment.id}/cancel`, undefined, cancelHeaders);
    expect(await cancelled.json()).toMatchObject({ status: 'cancelled' });
    const replayed = await booker.post(`/api/appointments/${appointment.id}/cancel`, undefined, cancelHeaders);
    expect(replayed.status).toBe(200);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    for (const deadline = Date.now() + 5000; offers.length === 0 && Date.now() < deadline;)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(offers).toEqual([
      expect.objectContaining({
        serviceId: 'welfare-counselling',
        officialId: 'jung-min-ho',
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
      }),
    ]);
    const offer = offers[0]!;
    expect(new Date(offer.holdExpiresAt).getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(othersHeard).toEqual([]);

    // Held: not free for anyone else.
    expect((await slots('welfare-counselling', date)).some((free) => free.startsAt === slot.startsAt)).toBe(false);
    expect(await (await book(await citizen(), 'welfare-counselling', slot)).json()).toMatchObject({ code: 'APPOINTMENT_SLOT_TAKEN' });
    expect(await (await first.get(`/api/appointments/${offer.appointmentId}`)).json()).toMatchObject({ status: 'held', caseNumber: null });
    expect((await post(second, `/api/appointments/${offer.appointmentId}/accept`)).status).toBe(404);
    const accepted = await post(first, `/api/appointments/${offer.appointmentId}/accept`);
    expect(await accepted.json()).toMatchObject({
      status: 'booked',
      caseNumber: expect.stringMatching(/^SEL-/),
      holdExpiresAt: offer.holdExpiresAt,
    });

    // The next cancellation goes to the second waiter; their hold runs out (its expiry moved to the past).
    await post(first, `/api/appointments/${offer.appointmentId}/cancel`);
    const [{ id: holdId } = { id: '' }] = await api.context.dataSource.query<{ id: string }[]>(
      `SELECT id FROM appointment WHERE status = 'held' AND official_id = 'jung-min-ho' AND starts_at = $1`,
      [slot.startsAt],
    );
    await api.context.dataSource.query(`UPDATE appointment SET hold_expires_at = now() - interval '1 second' WHERE id = $1`, [holdId]);
    expect((await slots('welfare-counselling', date)).some((free) => free.startsAt === slot.startsAt)).toBe(true);
    expect(await (await post(second, `/api/appointments/${holdId}/accept`)).json()).toMatchObject({ code: 'APPOINTMENT_HOLD_EXPIRED' });
    expect((await book(await citizen(), 'welfare-counselling', slot)).status).toBe(201);
    const [{ status } = { status: '' }] = await api.context.dataSource.query<{ status: string }[]>(
      `SELECT status FROM appointment WHERE id = $1`,
      [holdId],
    );
    expect(status).toBe('expired');
  });

  test('an offer declined or not taken in time goes to the next waiter; a booker cannot jump the line', async () => {
    const date = seoulDate(7, 2);
    const slot = await slotOf('welfare-counselling', 'jung-min-ho', date);
    const booker = await citizen();
    const appointment = await booked(booker, 'welfare-counselling', slot);
    const waiters = [await citizen(), await citizen(), await citizen()];
    const heard: LiveEvents['appointment.offered'][][] = [];
    for (const waiter of waiters) {
      expect((await waiter.post('/api/appointments/waitlist', { serviceId: 'welfare-counselling', date })).status).toBe(201);
      const offers: LiveEvents['appointment.offered'][] = [];
      (await connect(waiter)).on('appointment.offered', (payload: LiveEvents['appointment.offered']) => offers.push(payload));
      heard.push(offers);
    }
    const offerTo = async (index: number) => {
      for (const deadline = Date.now() + 5000; heard[index]!.length === 0 && Date.now() < deadline;)
        await new Promise((resolve) => setTimeout(resolve, 20));
      expect(heard[index]).toEqual([expect.objectContaining({ startsAt: slot.startsAt, officialId: 'jung-min-ho' })]);
      return heard[index]![0]!;
    };
    const [first, second, third] = waiters as [TestClient, TestClient, TestClient];

    await post(booker, `/api/appointments/${appointment.id}/cancel`);
    const firstOffer = await offerTo(0);
    // Declined: the second waiter is offered the time at once.
    expect(await (await post(first, `/api/appointments/${firstOffer.appointmentId}/cancel`)).json()).toMatchObject({ status: 'cancelled' });
    const secondOffer = await offerTo(1);
    expect(heard[2]).toEqual([]);

    // The second lets it run out. Someone booking that time first finds it passed on to the third waiter.
    await api.context.dataSource.query(`UPDATE appointment SET hold_expires_at = now() - interval '1 second' WHERE id = $1`, [
      secondOffer.appointmentId,
    ]);
    expect(await (await book(await citizen(), 'welfare-counselling', slot)).json()).toMatchObject({ code: 'APPOINTMENT_SLOT_TAKEN' });
    // That booking rolled back; the sweep every instance runs passes the hold on.
    await api.app.get(WaitlistService).passOnExpiredHolds();
    const thirdOffer = await offerTo(2);
    expect(await (await second.get(`/api/appointments/${secondOffer.appointmentId}`)).json()).toMatchObject({ status: 'expired' });
    expect(await (await post(third, `/api/appointments/${thirdOffer.appointmentId}/accept`)).json()).toMatchObject({ status: 'booked' });
    // Each waiter was offered it once; nobody twice.
    expect(heard.map((offers) => offers.length)).toEqual([1, 1, 1]);
  });

  test('.ics: RFC 5545 with the Seoul VTIMEZONE, parsed by ical.js to the booked instants, in the person’s language', async () => {
    const person = await citizen();
    await person.patch('/api/me', { preferredLanguage: 'ko' });
    const slot = await slotOf('housing-support-consultation', 'choi-yu-jin', seoulDate(5, 4));
    const appointment = await booked(person, 'housing-support-consultation', slot);
    const response = await person.get(`/api/appointments/${appointment.id}/ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = await response.text();
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Asia/Seoul\r\n');
    expect(text).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
    const parsed = parsedEvents(text);
    expect(parsed.method).toBe('PUBLISH');
    expect(parsed.events).toEqual([
      {
        uid: `${appointment.id}@seoul.civicverse`,
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        tzid: 'Asia/Seoul',
        summary: '주거 지원 상담',
        location: expect.stringContaining('서울'),
        description: expect.stringContaining(appointment.caseNumber!),
        status: 'CONFIRMED',
      },
    ]);
  });

  test("an official's private feed works without a session and stops when revoked", async () => {
    const person = await citizen();
    const appointment = await booked(
      person,
      'housing-support-consultation',
      await slotOf('housing-support-consultation', 'choi-yu-jin', seoulDate(5, 5)),
    );
    expect((await person.post('/api/me/calendar-feed')).status).toBe(403);
    const housing = await official('housing');
    const created = await housing.post('/api/me/calendar-feed');
    expect(created.status).toBe(201);
    const { url } = (await created.json()) as { url: string };
    expect(url).toMatch(/^\/api\/calendar-feeds\/[A-Za-z0-9_-]{43}\.ics$/);

    const feed = await client().get(url);
    expect(feed.status).toBe(200);
    const { events } = parsedEvents(await feed.text());
    expect(events).toContainEqual(
      expect.objectContaining({ uid: `${appointment.id}@seoul.civicverse`, startsAt: appointment.startsAt, tzid: 'Asia/Seoul' }),
    );
    expect(events.every((event) => new Date(event.endsAt) > new Date())).toBe(true);

    const welfare = await official('welfare');
    const { url: otherUrl } = (await (await welfare.post('/api/me/calendar-feed')).json()) as { url: string };
    expect(parsedEvents(await (await client().get(otherUrl)).text()).events.map((event) => event.uid)).not.toContain(
      `${appointment.id}@seoul.civicverse`,
    );

    expect((await housing.delete('/api/me/calendar-feed')).status).toBe(204);
    expect((await client().get(url)).status).toBe(404);
    expect((await client().get('/api/calendar-feeds/not-a-token.ics')).status).toBe(404);
  });

  test('check-in opens 30 minutes before the start: arrived, with a priority ticket at the counter, replayed with its key', async () => {
    const person = await citizen();
    const appointment = await booked(
      person,
      'foreign-resident-help-desk',
      await slotOf('foreign-resident-help-desk', 'han-so-young', seoulDate(4, 3)),
    );
    const early = await post(person, `/api/appointments/${appointment.id}/check-in`);
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ code: 'APPOINTMENT_TOO_EARLY_TO_CHECK_IN', message: expect.stringContaining('30') });

    // The clock cannot be moved, so the appointment is: it now starts in ten minutes.
    await api.context.dataSource.query(
      `UPDATE appointment SET starts_at = now() + interval '10 minutes', ends_at = now() + interval '40 minutes' WHERE id = $1`,
      [appointment.id],
    );
    expect((await post(await citizen(), `/api/appointments/${appointment.id}/check-in`)).status).toBe(404);
    const headers = { 'idempotency-key': key() };
    const checkedIn = await person.post(`/api/appointments/${appointment.id}/check-in`, undefined, headers);
    expect(checkedIn.status).toBe(200);
    const body = (await checkedIn.json()) as CheckedIn;
    expect(body.appointment).toMatchObject({ id: appointment.id, status: 'arrived' });
    expect(body.ticket).toMatchObject({
      counterId: 'counter-6',
      serviceId: 'foreign-resident-help-desk',
      priority: true,
      status: 'waiting',
    });
    expect(body.ticketToken).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const replay = await person.post(`/api/appointments/${appointment.id}/check-in`, undefined, headers);
    expect(await replay.json()).toEqual(body);
    const twice = await post(person, `/api/appointments/${appointment.id}/check-in`);
    expect(await twice.json()).toMatchObject({ code: 'APPOINTMENT_INVALID_TRANSITION', from: 'arrived' });
    const [{ n } = { n: '' }] = await api.context.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM queue_ticket WHERE appointment_id = $1`,
      [appointment.id],
    );
    expect(n).toBe('1');
    expect(
      ((await (await person.get('/api/appointments')).json()) as AppointmentView[]).find((entry) => entry.id === appointment.id)?.status,
    ).toBe('arrived');
  });
});
