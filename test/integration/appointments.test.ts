import type { AppointmentView } from '../../api/src/appointments/appointment-view.types.js';
import { appointmentHelpers } from '../support/appointment-helpers.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeWithDatabase } from '../support/test-database.js';

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
}

describeWithDatabase('appointments: slots, booking without double-booking, idempotency, schedules, access', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ DEMO_DATA: 'true' });
  });
  afterAll(() => api.close());
  const { client, citizen, admin, official, key, seoulDate, slots, slotOf, book, booked } = appointmentHelpers(() => api.url);
  const rowsAt = async (officialId: string, startsAt: string) =>
    (
      await api.context.dataSource.query<{ n: string }[]>(
        `SELECT count(*) AS n FROM appointment WHERE official_id = $1 AND starts_at = $2 AND status IN ('held', 'booked', 'arrived')`,
        [officialId, startsAt],
      )
    )[0]?.n;

  test('services list the officials who give them; slots lie on the grid of working hours in Seoul time, in the future', async () => {
    const services = (await (await client().get('/api/services')).json()) as {
      id: string;
      durationMinutes: number;
      officialIds: string[];
    }[];
    expect(services.find((service) => service.id === 'resident-registration-consultation')).toMatchObject({
      durationMinutes: 20,
      officialIds: ['park-ji-hyun', 'han-so-young'],
    });
    expect(services.every((service) => service.officialIds.length > 0)).toBe(true);

    const monday = seoulDate(5, 1);
    const free = await slots('resident-registration-consultation', monday);
    const park = free.filter((slot) => slot.officialId === 'park-ji-hyun');
    // 09:00–12:00 and 13:00–18:00 KST in 20-minute slots; han-so-young does not work on Mondays.
    expect(park).toHaveLength(9 + 15);
    expect(park[0]).toEqual({
      startsAt: `${monday}T00:00:00.000Z`,
      endsAt: `${monday}T00:20:00.000Z`,
      officialId: 'park-ji-hyun',
      modes: ['in_person'],
    });
    expect(park.at(-1)?.endsAt).toBe(`${monday}T09:00:00.000Z`);
    expect(free.some((slot) => slot.startsAt === `${monday}T03:00:00.000Z`)).toBe(false); // the lunch break
    expect(free.every((slot) => slot.officialId === 'park-ji-hyun')).toBe(true);
    expect((await slots('welfare-counselling', monday))[0]?.modes).toEqual(['in_person', 'virtual']);

    const yesterday = seoulDate(0, 1) < new Date().toISOString().slice(0, 10) ? seoulDate(0, 1) : seoulDate(-1, 1);
    expect((await slots('resident-registration-consultation', yesterday)).every((slot) => new Date(slot.startsAt) > new Date())).toBe(true);

    const tooLong = await client().get(`/api/services/welfare-counselling/slots?from=${monday}&to=${seoulDate(10, 1)}`);
    expect(tooLong.status).toBe(400);
    expect(((await tooLong.json()) as ErrorBody).code).toBe('APPOINTMENT_RANGE_TOO_LONG');
    expect((await client().get(`/api/services/pothole/slots?from=${monday}&to=${monday}`)).status).toBe(404);
    expect((await client().get(`/api/services/welfare-counselling/slots?from=tomorrow&to=${monday}`)).status).toBe(400);
  });

  test('50 concurrent bookings of one slot: exactly one 201, 49 × 409 APPOINTMENT_SLOT_TAKEN, one row', async () => {
    const slot = await slotOf('welfare-counselling', 'jung-min-ho', seoulDate(3, 1));
    const people = await Promise.all(Array.from({ length: 50 }, () => citizen()));
    const answers = await Promise.all(people.map((person) => book(person, 'welfare-counselling', slot)));
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(49);
    const refused = await Promise.all(
      answers.filter((answer) => answer.status === 409).map(async (answer) => ((await answer.json()) as ErrorBody).code),
    );
    expect(new Set(refused)).toEqual(new Set(['APPOINTMENT_SLOT_TAKEN']));
    expect(await rowsAt('jung-min-ho', slot.startsAt)).toBe('1');
    expect((await slots('welfare-counselling', seoulDate(3, 1))).some((free) => free.startsAt === slot.startsAt)).toBe(false);
  });

  test('one Idempotency-Key: 20 concurrent requests make one booking and get the same answer; another body is refused', async () => {
    const slot = await slotOf('housing-support-consultation', 'choi-yu-jin', seoulDate(3, 1));
    const person = await citizen();
    const headers = { 'idempotency-key': key() };
    const answers = await Promise.all(Array.from({ length: 20 }, () => book(person, 'housing-support-consultation', slot, headers)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(201));
    const bodies = await Promise.all(answers.map(async (answer) => (await answer.json()) as AppointmentView));
    expect(new Set(bodies.map((body) => JSON.stringify(body))).size).toBe(1);
    expect(answers.filter((answer) => answer.headers.get('idempotent-replayed') === 'true')).toHaveLength(19);
    expect(await rowsAt('choi-yu-jin', slot.startsAt)).toBe('1');
    expect(bodies[0]).toMatchObject({
      status: 'booked',
      officialId: 'choi-yu-jin',
      startsAt: slot.startsAt,
      caseNumber: expect.stringMatching(/^SEL-/),
    });

    const other = await slotOf('housing-support-consultation', 'choi-yu-jin', seoulDate(3, 1));
    const reused = await book(person, 'housing-support-consultation', other, headers);
    expect(reused.status).toBe(422);
    expect(((await reused.json()) as ErrorBody).code).toBe('IDEMPOTENCY_KEY_REUSED');
    // The same key from someone else is their own key.
    expect((await book(await citizen(), 'housing-support-consultation', other, headers)).status).toBe(201);

    const unkeyed = await book(person, 'housing-support-consultation', other, { 'accept-language': 'ko' });
    expect(unkeyed.status).toBe(400);
    const body = (await unkeyed.json()) as ErrorBody;
    expect(body.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    expect(body.message).toMatch(/Idempotency-Key 헤더/);
  });

  test('only real slots can be booked, each refusal with its own translated code', async () => {
    const person = await citizen();
    const monday = seoulDate(5, 1);
    const slot = await slotOf('resident-registration-consultation', 'park-ji-hyun', monday);
    const attempt = async (body: Record<string, unknown>, lang = 'en') => {
      const response = await person.post(
        '/api/appointments',
        {
          serviceId: 'resident-registration-consultation',
          officialId: 'park-ji-hyun',
          startsAt: slot.startsAt,
          mode: 'in_person',
          ...body,
        },
        { 'idempotency-key': key(), 'accept-language': lang },
      );
      return { ...((await response.json()) as ErrorBody), status: response.status };
    };
    expect(await attempt({ startsAt: `${monday}T00:10:00.000Z` })).toMatchObject({ status: 400, code: 'APPOINTMENT_NOT_A_SLOT' }); // off the grid
    expect(await attempt({ startsAt: `${monday}T03:00:00.000Z` })).toMatchObject({ status: 400, code: 'APPOINTMENT_NOT_A_SLOT' }); // lunch
    expect(await attempt({ startsAt: `${seoulDate(5, 7)}T01:00:00.000Z` })).toMatchObject({ status: 400, code: 'APPOINTMENT_NOT_A_SLOT' }); // Sunday
    expect(await attempt({ startsAt: '2025-01-06T00:00:00.000Z' })).toMatchObject({ status: 400, code: 'APPOINTMENT_NOT_A_SLOT' }); // past
    expect(await attempt({ officialId: 'jung-min-ho' })).toMatchObject({ status: 400, code: 'APPOINTMENT_UNKNOWN_OFFICIAL' });
    expect(await attempt({ officialId: 'lee-seo-jun' })).toMatchObject({ status: 400, code: 'APPOINTMENT_UNKNOWN_OFFICIAL' }); // counter-2
    expect(await attempt({ serviceId: 'pothole' })).toMatchObject({ status: 400, code: 'APPOINTMENT_UNKNOWN_SERVICE' });
    const virtual = await attempt({ mode: 'virtual' }, 'ar');
    expect(virtual).toMatchObject({ status: 400, code: 'APPOINTMENT_MODE_NOT_OFFERED' });
    expect(virtual.message).toMatch(/شخصيًا/);
    expect(await attempt({ caseNumber: 'SEL-2026-999999' })).toMatchObject({ status: 400, code: 'APPOINTMENT_UNKNOWN_CASE' });

    const first = await booked(person, 'resident-registration-consultation', slot);
    // On the case of the first; and the citizen cannot be in two places at once.
    const second = await attempt({
      officialId: 'park-ji-hyun',
      startsAt: (await slotOf('resident-registration-consultation', 'park-ji-hyun', monday)).startsAt,
      caseNumber: first.caseNumber,
    });
    expect(second).toMatchObject({ status: 201, caseNumber: first.caseNumber, officialId: 'park-ji-hyun' });
    const hanSlot = (await slots('resident-registration-consultation', seoulDate(5, 2))).find((free) => free.officialId === 'han-so-young');
    await booked(person, 'resident-registration-consultation', hanSlot!);
    const overlap = (await slots('resident-registration-consultation', seoulDate(5, 2))).find(
      (free) => free.officialId === 'park-ji-hyun' && free.startsAt === hanSlot!.startsAt,
    );
    const clash = await book(person, 'resident-registration-consultation', overlap!);
    expect(clash.status).toBe(409);
    expect(((await clash.json()) as ErrorBody).code).toBe('APPOINTMENT_OVERLAPS_YOURS');

    const staff = await official('civil-affairs');
    expect((await staff.post('/api/appointments', { serviceId: 'x' }, { 'idempotency-key': key() })).status).toBe(403);
    expect((await client().post('/api/appointments', {}, { 'idempotency-key': key() })).status).toBe(401);
  });

  test('exceptions (leave, public holidays) and admin schedules shape the slots; every change is audited', async () => {
    const boss = await admin();
    const tuesday = seoulDate(6, 2);
    const before = await slots('resident-registration-consultation', tuesday);
    expect(before.filter((slot) => slot.officialId === 'han-so-young').length).toBeGreaterThan(0);

    const leave = await boss.post('/api/admin/schedule-exceptions', {
      officialId: 'park-ji-hyun',
      startsAt: `${tuesday}T00:00:00+09:00`,
      endsAt: `${tuesday}T12:00:00+09:00`,
      reason: 'Training',
    });
    expect(leave.status).toBe(201);
    const morningSlot = before.find((slot) => slot.officialId === 'park-ji-hyun')!;
    const afterLeave = await slots('resident-registration-consultation', tuesday);
    expect(afterLeave.filter((slot) => slot.officialId === 'park-ji-hyun' && slot.startsAt < `${tuesday}T03:00:00.000Z`)).toEqual([]);
    expect(afterLeave.filter((slot) => slot.officialId === 'han-so-young')).toHaveLength(
      before.filter((slot) => slot.officialId === 'han-so-young').length,
    );
    const refused = await book(await citizen(), 'resident-registration-consultation', morningSlot);
    expect(((await refused.json()) as ErrorBody).code).toBe('APPOINTMENT_NOT_A_SLOT');

    const holidayDate = seoulDate(7, 3);
    const holiday = await boss.post('/api/admin/schedule-exceptions', {
      officialId: null,
      startsAt: `${holidayDate}T00:00:00+09:00`,
      endsAt: `${seoulDate(7, 4)}T00:00:00+09:00`,
      reason: 'Public holiday',
    });
    expect(await slots('welfare-counselling', holidayDate)).toEqual([]);
    const { id } = (await holiday.json()) as { id: string };
    expect((await boss.delete(`/api/admin/schedule-exceptions/${id}`)).status).toBe(204);
    expect((await slots('welfare-counselling', holidayDate)).length).toBeGreaterThan(0);

    const saturday = seoulDate(6, 6);
    expect(await slots('business-permit-consultation', saturday)).toEqual([]);
    const replaced = await boss.put('/api/admin/officials/kang-su-bin/schedule', {
      weeklySchedule: [{ day: 'sat', start: '10:00', end: '11:00' }],
    });
    expect(replaced.status).toBe(200);
    expect((await slots('business-permit-consultation', saturday)).map((slot) => slot.startsAt)).toEqual([
      `${saturday}T01:00:00.000Z`,
      `${saturday}T01:30:00.000Z`,
    ]);
    const invalid = await boss.put('/api/admin/officials/kang-su-bin/schedule', {
      weeklySchedule: [
        { day: 'mon', start: '09:00', end: '12:00' },
        { day: 'mon', start: '11:00', end: '13:00' },
      ],
    });
    expect(((await invalid.json()) as ErrorBody).code).toBe('SCHEDULE_INVALID');
    expect((await boss.put('/api/admin/officials/nobody/schedule', { weeklySchedule: [] })).status).toBe(404);
    expect((await boss.delete('/api/admin/officials/kang-su-bin/schedule')).status).toBe(204);
    expect(await slots('business-permit-consultation', saturday)).toEqual([]);

    expect((await (await official('economy')).put('/api/admin/officials/kang-su-bin/schedule', { weeklySchedule: [] })).status).toBe(403);
    const audit = (await (await boss.get('/api/admin/audit?limit=20')).json()) as { action: string }[];
    expect(audit.map((event) => event.action)).toEqual(
      expect.arrayContaining(['schedule.exception_added', 'schedule.exception_removed', 'schedule.replaced', 'schedule.cleared']),
    );
  });

  test('a citizen sees only their own; officials their department; admins all; everyone else gets 404', async () => {
    const owner = await citizen();
    const slot = await slotOf('housing-support-consultation', 'choi-yu-jin', seoulDate(4, 3));
    const appointment = await booked(owner, 'housing-support-consultation', slot);
    expect((await (await owner.get('/api/appointments')).json()) as AppointmentView[]).toEqual([appointment]);

    const stranger = await citizen();
    for (const path of [`/api/appointments/${appointment.id}`, `/api/appointments/${appointment.id}/ics`]) {
      expect((await stranger.get(path)).status).toBe(404);
    }
    expect((await stranger.post(`/api/appointments/${appointment.id}/cancel`)).status).toBe(404);
    expect((await stranger.get('/api/appointments/not-a-uuid')).status).toBe(404);
    expect(await (await stranger.get('/api/appointments')).json()).toEqual([]);

    const elsewhere = await official('welfare');
    expect((await elsewhere.get(`/api/appointments/${appointment.id}`)).status).toBe(404);
    expect((await elsewhere.post(`/api/appointments/${appointment.id}/status`, { status: 'arrived' })).status).toBe(404);
    const housing = await official('housing');
    expect((await housing.get(`/api/appointments/${appointment.id}`)).status).toBe(200);
    const calendar = (await (
      await housing.get(`/api/appointments?from=${seoulDate(4, 1)}&to=${seoulDate(4, 7)}&officialId=choi-yu-jin`)
    ).json()) as AppointmentView[];
    expect(calendar.map((entry) => entry.id)).toContain(appointment.id);
    expect((await (await admin()).get(`/api/appointments/${appointment.id}`)).status).toBe(200);

    const early = await housing.post(`/api/appointments/${appointment.id}/status`, { status: 'fulfilled' });
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({
      code: 'APPOINTMENT_INVALID_TRANSITION',
      from: 'booked',
      allowed: ['arrived', 'cancelled', 'noshow'],
    });
    expect(await (await housing.post(`/api/appointments/${appointment.id}/status`, { status: 'arrived' })).json()).toMatchObject({
      status: 'arrived',
    });
    expect(await (await housing.post(`/api/appointments/${appointment.id}/status`, { status: 'fulfilled' })).json()).toMatchObject({
      status: 'fulfilled',
    });
    expect((await owner.post(`/api/appointments/${appointment.id}/status`, { status: 'noshow' })).status).toBe(403);
  });
});
