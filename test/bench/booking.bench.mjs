// Booking throughput with zero double-bookings: starts the built server (`npm run build:api`) on a fresh embedded
// database, books slots of each official over the next 31 days concurrently (600 in all) (one citizen per official, so
// only the official's time is contended), then sends many bookings of one slot at once. Double-bookings are
// counted by SQL after the server stops: overlapping held, booked or arrived appointments of one official.
// Run alone with `node test/bench/booking.bench.mjs`; `npm run bench` (run.mjs) runs it too.
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const CONCURRENCY = 20;
const HAMMER_REQUESTS = 100;
/** Bookings of distinct slots, at most: enough for a steady rate, short enough for `npm run bench`. */
const MAX_DISTINCT = 600;

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** A signed-in person, as the portal's pages would send requests. */
function person(base) {
  let cookie;
  return async (method, path, body, headers = {}) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(cookie ? { cookie } : {}),
        ...(method === 'GET' ? {} : { origin: base, 'sec-fetch-site': 'same-origin' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const line of response.headers.getSetCookie()) if (line.startsWith('cv_session=')) cookie = line.split(';')[0];
    return { status: response.status, body: await response.json().catch(() => null) };
  };
}

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

/** Runs the benchmark; returns its figures. `root` is the repository, with `dist/` built. */
export async function bookingBench(root) {
  const dataDir = mkdtempSync(join(tmpdir(), 'civicverse-booking-bench-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['dist/api/src/main.js'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      CITY: 'seoul',
      RATE_LIMIT_PER_MINUTE: '100000',
      AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  try {
    await new Promise((resolve, reject) => {
      child.stdout.on('data', (chunk) => chunk.toString().includes(`:${port}`) && resolve());
      child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    const anyone = person(base);
    const services = (await anyone('GET', '/api/services')).body;
    const today = new Date().toISOString().slice(0, 10);
    const to = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    // Each official once, with the first service they give: one official's slots never overlap one another.
    const work = new Map();
    for (const service of services) {
      const free = (await anyone('GET', `/api/services/${service.id}/slots?from=${today}&to=${to}`)).body;
      for (const slot of free) {
        if (work.has(slot.officialId) && work.get(slot.officialId).serviceId !== service.id) continue;
        if (!work.has(slot.officialId)) work.set(slot.officialId, { serviceId: service.id, slots: [] });
        work.get(slot.officialId).slots.push(slot);
      }
    }
    const hammered = [...work.values()][0].slots.pop();
    const hammeredService = [...work.values()][0].serviceId;
    const citizens = [];
    for (const [index] of [...work.keys()].entries()) {
      const citizen = person(base);
      await citizen('POST', '/api/auth/register', {
        email: `bench-${index}-${Date.now()}@example.org`,
        displayName: 'Bench',
        password: 'lantern-harbour-42',
        preferredLanguage: 'en',
      });
      citizens.push(citizen);
    }
    const perOfficial = Math.ceil(MAX_DISTINCT / work.size);
    const bookings = [...work.values()].flatMap(({ serviceId, slots }, index) =>
      slots
        .slice(0, perOfficial)
        .map(
          (slot) => () =>
            citizens[index](
              'POST',
              '/api/appointments',
              { serviceId, officialId: slot.officialId, startsAt: slot.startsAt, mode: 'in_person' },
              { 'idempotency-key': randomUUID() },
            ),
        ),
    );
    let started = performance.now();
    const distinct = await pool(bookings, CONCURRENCY);
    const distinctSeconds = (performance.now() - started) / 1000;

    started = performance.now();
    const hammer = await Promise.all(
      Array.from({ length: HAMMER_REQUESTS }, (_, index) =>
        citizens[index % citizens.length](
          'POST',
          '/api/appointments',
          { serviceId: hammeredService, officialId: hammered.officialId, startsAt: hammered.startsAt, mode: 'in_person' },
          { 'idempotency-key': randomUUID() },
        ),
      ),
    );
    const hammerSeconds = (performance.now() - started) / 1000;
    const count = (answers, status) => answers.filter((answer) => answer.status === status).length;
    return {
      database: 'embedded (PGlite)',
      concurrency: CONCURRENCY,
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
      doubleBookings: await stopAndCount(child, exited, dataDir),
    };
  } finally {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The server owns the embedded database while it runs: stop it, then ask the database itself. */
async function stopAndCount(child, exited, dataDir) {
  child.kill('SIGTERM');
  await exited;
  const db = await PGlite.create(join(dataDir, 'pglite'), { extensions: { btree_gist } });
  try {
    return (await db.query(DOUBLE_BOOKINGS)).rows[0].n;
  } finally {
    await db.close();
  }
}

export function printBookingBench(results) {
  console.log('bookings, distinct slots:');
  console.table([results.distinctSlots]);
  console.log(`bookings, one slot × ${results.oneSlot.requests} at once:`);
  console.table([results.oneSlot]);
  console.log(`double-bookings (by SQL): ${results.doubleBookings}`);
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const results = await bookingBench(new URL('../..', import.meta.url).pathname);
  printBookingBench(results);
  if (results.doubleBookings !== 0 || results.oneSlot.booked !== 1) process.exitCode = 1;
}
