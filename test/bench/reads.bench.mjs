// Read endpoints of the API side by side with the bare Fastify + pg handler (bare-server.mjs) doing the same queries
// on the same PostgreSQL database, in the same run: requests/s and p50/p99 at full load (autocannon, 10 connections),
// then p99 at a fixed 1,000 requests/s (autocannon's overallRate, 50 connections); each the best of two runs, the
// servers taking turns. Needs the built API (`npm run build:api`).
// Run alone with `node test/bench/reads.bench.mjs`; `npm run bench` (run.mjs) runs it too.
import { cannon, newCitizen, rssMb, sleep, startApi, startProcess, withDatabase } from './bench-support.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = 2;
const FIXED_RATE = 1000;

const pothole = {
  serviceId: 'pothole',
  description: 'A deep pothole in the bus lane.',
  location: { lat: 37.5665, long: 126.978 },
  attributes: { size: 'large', lane: 'bus_lane' },
};

/** The paths to read, with data made through the API: a filed complaint, a service with slots. */
async function readPaths(base) {
  const citizen = await newCitizen(base, 'reads');
  const filed = await citizen('POST', '/api/complaints', pothole);
  if (filed.status !== 201) throw new Error(`filing answered ${filed.status}`);
  const services = (await citizen('GET', '/api/services')).body;
  const today = new Date().toISOString().slice(0, 10);
  const week = new Date(Date.now() + 6 * 86_400_000).toISOString().slice(0, 10);
  return {
    services: '/api/services',
    slots: `/api/services/${services[0].id}/slots?from=${today}&to=${week}`,
    city: '/api/city',
    complaint: `/api/complaints/track/${filed.body.trackingToken}`,
  };
}

/** Both servers must answer the same JSON, or the comparison means nothing. */
async function assertSameAnswers(api, bare, paths) {
  for (const [name, path] of Object.entries(paths)) {
    const [ours, theirs] = await Promise.all([api, bare].map(async (base) => (await fetch(`${base}${path}`)).text()));
    if (ours !== theirs) throw new Error(`${name}: the bare handler's answer differs from the API's`);
  }
}

/** Runs the benchmark on a database of its own; returns its figures. */
export function readsBench() {
  return withDatabase('reads', async (DATABASE_URL) => {
    const api = await startApi({ DATABASE_URL, CITY: 'seoul' });
    const bare = await startProcess('test/bench/bare-server.mjs', { DATABASE_URL, CITY: 'seoul' });
    try {
      const paths = await readPaths(api.url);
      await assertSameAnswers(api.url, bare.url, paths);
      await sleep(1000);
      const memory = { apiIdleMb: rssMb(api.pid), bareIdleMb: rssMb(bare.pid) };
      const results = [];
      const servers = { api, bare };
      for (const [name, path] of Object.entries(paths)) {
        const row = { endpoint: name, path: path.replace(/track\/.*/, 'track/:token').replace(/\?.*/, '?from&to (7 days)') };
        for (const server of Object.values(servers)) await cannon({ url: `${server.url}${path}`, duration: 1 }); // warm-up
        // Best of ROUNDS, the two servers taking turns: the machine is shared, and a burst of someone else's work
        // should not decide the comparison.
        for (let round = 0; round < ROUNDS; round += 1) {
          for (const [who, server] of Object.entries(servers)) {
            const full = await cannon({ url: `${server.url}${path}`, duration: SECONDS });
            if (!row[who] || full.requestsPerSecond > row[who].requestsPerSecond)
              row[who] = { ...full, atFixedRate: row[who]?.atFixedRate };
          }
          for (const [who, server] of Object.entries(servers)) {
            const fixed = await cannon({ url: `${server.url}${path}`, duration: SECONDS, connections: 50, overallRate: FIXED_RATE });
            if (!row[who].atFixedRate || fixed.p99Ms < row[who].atFixedRate.p99Ms) row[who].atFixedRate = fixed;
          }
        }
        row.ratio = +(row.api.requestsPerSecond / row.bare.requestsPerSecond).toFixed(2);
        results.push(row);
      }
      Object.assign(memory, { apiAfterLoadMb: rssMb(api.pid), bareAfterLoadMb: rssMb(bare.pid) });
      return { database: 'PostgreSQL (server)', connections: 10, seconds: SECONDS, rounds: ROUNDS, fixedRate: FIXED_RATE, memory, results };
    } finally {
      await Promise.all([api.stop(), bare.stop()]);
    }
  });
}

export function printReadsBench(reads) {
  console.log(
    `reads, best of ${reads.rounds} runs of ${reads.seconds} s, ${reads.connections} connections; then p99 at a fixed ${reads.fixedRate} req/s:`,
  );
  console.table(
    reads.results.map((row) => ({
      endpoint: row.endpoint,
      'api req/s': row.api.requestsPerSecond,
      'bare req/s': row.bare.requestsPerSecond,
      ratio: row.ratio,
      'api p50/p99 ms': `${row.api.p50Ms}/${row.api.p99Ms}`,
      'bare p50/p99 ms': `${row.bare.p50Ms}/${row.bare.p99Ms}`,
      [`api p99 @${reads.fixedRate}/s`]: row.api.atFixedRate.p99Ms,
      [`bare p99 @${reads.fixedRate}/s`]: row.bare.atFixedRate.p99Ms,
      'api rate reached': row.api.atFixedRate.requestsPerSecond,
    })),
  );
  const { memory } = reads;
  console.log(
    `RSS (MB): api ${memory.apiIdleMb} idle, ${memory.apiAfterLoadMb} after; bare ${memory.bareIdleMb} idle, ${memory.bareAfterLoadMb} after`,
  );
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  printReadsBench(await readsBench());
}
