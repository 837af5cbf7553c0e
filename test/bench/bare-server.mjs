// The bare limit of our stack for the read benchmark: plain Fastify and a pg pool, no Nest, no ORM, no guards, no
// validation, no security headers, no rate limit, no request log. Each route does the same queries as the API's on
// the same database and answers the same JSON (the slots are computed by the API's own pure calendar functions, the
// complaint is shaped by the API's own view function). Run by reads.bench.mjs as a process, like the API:
// `DATABASE_URL=… CITY=seoul PORT=… node test/bench/bare-server.mjs`.
import Fastify from 'fastify';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { complaintView } from '../../dist/api/src/complaints/complaint.view.js';
import { freeOf, localDates, scheduleSlots } from '../../dist/api/src/schedules/slot-calendar.js';

const root = new URL('../..', import.meta.url).pathname;
const pack = JSON.parse(readFileSync(`${root}api/city-packs/${process.env.CITY ?? 'seoul'}.json`, 'utf8'));
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify({ logger: false });
const byText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

const officialsOf = (service) => {
  const counters = new Set(pack.cityHall.counters.filter((c) => c.serviceIds.includes(service.id)).map((c) => c.id));
  return pack.officials.filter((o) => o.departmentId === service.departmentId && counters.has(o.counterId));
};
const appointmentServices = pack.services.filter((service) => service.kind === 'appointment');
const servicesView = appointmentServices.map((service) => ({
  id: service.id,
  departmentId: service.departmentId,
  durationMinutes: service.durationMinutes,
  virtualAllowed: service.virtualAllowed,
  name: service.name,
  description: service.description,
  officialIds: officialsOf(service).map((official) => official.id),
}));

app.get('/api/services', async () => servicesView);

app.get('/api/city', async () => pack);

app.get('/api/services/:id/slots', async (request, reply) => {
  const service = appointmentServices.find((candidate) => candidate.id === request.params.id);
  if (!service) return reply.code(404).send({ code: 'NOT_FOUND' });
  const officials = officialsOf(service);
  const ids = officials.map((official) => official.id);
  const replaced = await pool.query('SELECT official_id, weekly_schedule FROM official_schedule WHERE official_id = ANY($1)', [ids]);
  const schedules = new Map(replaced.rows.map((row) => [row.official_id, row.weekly_schedule]));
  const dates = localDates(request.query.from, request.query.to);
  const all = officials.map((official) => ({
    official,
    slots: scheduleSlots(schedules.get(official.id) ?? official.weeklySchedule, dates, pack.timeZone, service.durationMinutes),
  }));
  const candidates = all.flatMap((entry) => entry.slots);
  if (candidates.length === 0) return [];
  const startsAt = new Date(Math.min(...candidates.map((slot) => slot.startsAt.getTime())));
  const endsAt = new Date(Math.max(...candidates.map((slot) => slot.endsAt.getTime())));
  const { rows } = await pool.query(
    `SELECT official_id, starts_at, ends_at FROM schedule_exception
      WHERE (official_id IS NULL OR official_id = ANY($1)) AND starts_at < $3 AND ends_at > $2
     UNION ALL
     SELECT official_id, starts_at, ends_at FROM appointment
      WHERE official_id = ANY($1) AND (status IN ('booked', 'arrived') OR (status = 'held' AND hold_expires_at > now()))
        AND starts_at < $3 AND ends_at > $2`,
    [ids, startsAt, endsAt],
  );
  const busy = new Map(ids.map((id) => [id, []]));
  for (const row of rows)
    for (const id of row.official_id === null ? ids : [row.official_id])
      busy.get(id)?.push({ startsAt: row.starts_at, endsAt: row.ends_at });
  const now = Date.now();
  const modes = service.virtualAllowed ? ['in_person', 'virtual'] : ['in_person'];
  return all
    .flatMap(({ official, slots }) =>
      freeOf(slots, busy.get(official.id) ?? [])
        .filter((slot) => slot.startsAt.getTime() > now)
        .map((slot) => ({ startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString(), officialId: official.id, modes })),
    )
    .sort((a, b) => byText(a.startsAt, b.startsAt) || byText(a.officialId, b.officialId));
});

app.get('/api/complaints/track/:token', async (request, reply) => {
  const hash = createHash('sha256').update(request.params.token).digest();
  const found = await pool.query(
    `SELECT k.id, k.service_id AS "serviceId", k.department_id AS "departmentId", k.description, k.latitude, k.longitude,
            k.address, k.place_id AS "placeId", k.building_id AS "buildingId", k.floor, k.altitude, k.attributes,
            k.media_url AS "mediaUrl", k.status, k.redacted_at AS "redactedAt", k.redaction_reason AS "redactionReason",
            k.expected_by AS "expectedBy", k.created_at AS "createdAt", k.updated_at AS "updatedAt", c.case_number AS "caseNumber"
       FROM civic_case c JOIN complaint k ON k.case_id = c.id WHERE c.tracking_token_hash = $1`,
    [hash],
  );
  const complaint = found.rows[0];
  if (!complaint) return reply.code(404).send({ code: 'NOT_FOUND' });
  const events = await pool.query(
    'SELECT status, note, is_public AS "isPublic", at FROM complaint_event WHERE complaint_id = $1 ORDER BY id',
    [complaint.id],
  );
  return complaintView(complaint, complaint.caseNumber, events.rows, 'public');
});

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log(`bare server on http://127.0.0.1:${process.env.PORT}`);
process.on('SIGTERM', () => void app.close().then(() => pool.end()));
