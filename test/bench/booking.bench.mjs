// Booking throughput under contention, with zero double-bookings, against raw guarded inserts into the same table.
// On a PostgreSQL database of its own, the built API (`npm run build:api`) serves Seoul's pack. Each official's
// slots over the next 31 days are booked concurrently (600 at most, one citizen per official, so only the
// official's time is contended), then 100 bookings of one slot are sent at once. The baseline does the same with
// plain SQL on a pg pool of the same size: per booking one transaction that numbers a case (the same counter row)
// and inserts it and the appointment, guarded only by the table's exclusion constraint; its rows are deleted before
// the API's run. Double-bookings are counted by SQL: overlapping held, booked or arrived appointments of one official.
// Run alone with `node test/bench/booking.bench.mjs`; `npm run bench` (run.mjs) runs it too.
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { newCitizen, person, startApi, withDatabase } from './bench-support.mjs';

const CONCURRENCY = 20;
const HAMMER_REQUESTS = 100;
/** Bookings of distinct slots, at most: enough for a steady rate, short enough for `npm run bench`. */
const MAX_DISTINCT = 600;

async function pool(tasks, concurrency) {
  const results = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < tasks.length) {
        const index = next++;
        results[index] = await tasks[index]();
      }
    }),
  );
  return results;
}

const DOUBLE_BOOKINGS = `SELECT count(*)::int AS n FROM appointment a JOIN appointment b
  ON a.official_id = b.official_id AND a.id < b.id AND tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)
  WHERE a.status IN ('held', 'booked', 'arrived') AND b.status IN ('held', 'booked', 'arrived')`;

/** The work: each official once, with the first service they give (one official's slots never overlap). */
async function bookableSlots(base) {
  const anyone = person(base);
  const services = (await anyone('GET', '/api/services')).body;
  const today = new Date().toISOString().slice(0, 10);
  const to = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const work = new Map();
  for (const service of services) {
    const free = (await anyone('GET', `/api/services/${service.id}/slots?from=${today}&to=${to}`)).body;
    for (const slot of free) {
      if (work.has(slot.officialId) && work.get(slot.officialId).service.id !== service.id) continue;
      if (!work.has(slot.officialId)) work.set(slot.officialId, { service, slots: [] });
      work.get(slot.officialId).slots.push(slot);
    }
  }
  const perOfficial = Math.ceil(MAX_DISTINCT / work.size);
  const officials = [...work.values()].map(({ service, slots }) => ({ service, slots: slots.slice(0, perOfficial) }));
  const hammered = { service: officials[0].service, slot: officials[0].slots.pop() };
  return { officials, hammered };
}

const count = (answers, status) => answers.filter((answer) => answer === status).length;

/** Both runs, measured alike: the distinct slots (citizen i books official i's), then one slot hammered. */
async function measure(officials, hammered, book) {
  const tasks = officials.flatMap(({ service, slots }, index) => slots.map((slot) => () => book(index, service, slot)));
  let started = performance.now();
  const distinct = await pool(tasks, CONCURRENCY);
  const distinctSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const hammer = await Promise.all(
    Array.from({ length: HAMMER_REQUESTS }, (_, index) => book(index % officials.length, hammered.service, hammered.slot)),
  );
  const hammerSeconds = (performance.now() - started) / 1000;
  return {
    distinctSlots: {
      requests: distinct.length,
      booked: count(distinct, 201),
      refused: distinct.length - count(distinct, 201),
      bookingsPerSecond: Math.round(count(distinct, 201) / distinctSeconds),
    },
    oneSlot: {
      requests: hammer.length,
      booked: count(hammer, 201),
      conflicts: count(hammer, 409),
      requestsPerSecond: Math.round(hammer.length / hammerSeconds),
    },
  };
}

/** The baseline: plain SQL, the same rows a booking makes, the exclusion constraint as the only guard. */
function rawBooking(db, citizenIds, pack) {
  const year = Number(new Intl.DateTimeFormat('en', { timeZone: pack.timeZone, year: 'numeric' }).format(new Date()));
  return async (index, service, slot) => {
    const client = await db.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query(
        `INSERT INTO case_number_counter (prefix, year, last_value) VALUES ($1, $2, 1)
         ON CONFLICT (prefix, year) DO UPDATE SET last_value = case_number_counter.last_value + 1 RETURNING last_value`,
        [pack.caseNumberPrefix, year],
      );
      const number = `${pack.caseNumberPrefix}-${year}-${String(rows[0].last_value).padStart(6, '0')}`;
      const civicCase = await client.query(
        'INSERT INTO civic_case (case_number, owner_id, tracking_token_hash) VALUES ($1, $2, $3) RETURNING id',
        [number, citizenIds[index], randomBytes(32)],
      );
      const official = pack.officials.find((candidate) => candidate.id === slot.officialId);
      await client.query(
        `INSERT INTO appointment (case_id, citizen_id, service_id, department_id, official_id, counter_id, mode, status, starts_at, ends_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'in_person', 'booked', $7, $8)`,
        [
          civicCase.rows[0].id,
          citizenIds[index],
          service.id,
          service.departmentId,
          slot.officialId,
          official.counterId,
          slot.startsAt,
          slot.endsAt,
        ],
      );
      await client.query('COMMIT');
      return 201;
    } catch (error) {
      await client.query('ROLLBACK');
      if (error.code === '23P01') return 409; // exclusion_violation: the slot is taken
      throw error;
    } finally {
      client.release();
    }
  };
}

/** Runs the benchmark on a database of its own; returns its figures. */
export function bookingBench() {
  return withDatabase('booking', async (DATABASE_URL) => {
    const api = await startApi({ DATABASE_URL, CITY: 'seoul' });
    const db = new pg.Pool({ connectionString: DATABASE_URL, max: 10 });
    try {
      const { officials, hammered } = await bookableSlots(api.url);
      const citizens = [];
      for (const index of officials.keys()) citizens.push(await newCitizen(api.url, `booking-${index}`));
      const pack = await (await fetch(`${api.url}/api/city`)).json();
      const ids = await db.query('SELECT id FROM user_account WHERE role = $1 ORDER BY created_at', ['citizen']);
      const raw = await measure(
        officials,
        hammered,
        rawBooking(
          db,
          ids.rows.map((row) => row.id),
          pack,
        ),
      );
      const rawDoubleBookings = (await db.query(DOUBLE_BOOKINGS)).rows[0].n;
      await db.query('DELETE FROM appointment');
      await db.query('DELETE FROM civic_case');

      const viaApi = await measure(officials, hammered, async (index, service, slot) => {
        const answer = await citizens[index](
          'POST',
          '/api/appointments',
          { serviceId: service.id, officialId: slot.officialId, startsAt: slot.startsAt, mode: 'in_person' },
          { 'idempotency-key': randomUUID() },
        );
        return answer.status;
      });
      return {
        database: 'PostgreSQL (server)',
        concurrency: CONCURRENCY,
        api: { ...viaApi, doubleBookings: (await db.query(DOUBLE_BOOKINGS)).rows[0].n },
        raw: { ...raw, doubleBookings: rawDoubleBookings },
        ratio: +(viaApi.distinctSlots.bookingsPerSecond / raw.distinctSlots.bookingsPerSecond).toFixed(2),
      };
    } finally {
      await db.end();
      await api.stop();
    }
  });
}

export function printBookingBench(results) {
  console.log(`bookings, ${results.concurrency} at a time (API vs raw guarded inserts):`);
  console.table(
    ['api', 'raw'].map((who) => ({
      who,
      'distinct slots booked': `${results[who].distinctSlots.booked}/${results[who].distinctSlots.requests}`,
      'bookings/s': results[who].distinctSlots.bookingsPerSecond,
      [`one slot × ${results[who].oneSlot.requests}: booked`]: results[who].oneSlot.booked,
      conflicts: results[who].oneSlot.conflicts,
      'one slot req/s': results[who].oneSlot.requestsPerSecond,
      'double-bookings (SQL)': results[who].doubleBookings,
    })),
  );
  console.log(`bookings ratio (api / raw): ${results.ratio}`);
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const results = await bookingBench();
  printBookingBench(results);
  if (results.api.doubleBookings !== 0 || results.api.oneSlot.booked !== 1) process.exitCode = 1;
}
