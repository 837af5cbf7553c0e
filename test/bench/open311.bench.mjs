// Open311 GeoReport v2 throughput (docs/api/open311.md): `POST requests.json` (a form post with an API key, as a 311
// app files a pothole) and `GET requests.json` (the newest requests), with autocannon. On a PostgreSQL database of its
// own with demo data, so the demo admin can issue the key through POST /api/admin/open311-keys.
// Run alone with `node test/bench/open311.bench.mjs`; `npm run bench` (run.mjs) runs it too.
import { cannon, person, startApi, withDatabase } from './bench-support.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

const form = (apiKey) =>
  new URLSearchParams([
    ['api_key', apiKey],
    ['jurisdiction_id', 'seoul'],
    ['service_code', 'road.pothole'],
    ['lat', '37.5651'],
    ['long', '126.9895'],
    ['description', 'Pothole by the crossing.'],
    ['attribute[size]', 'medium'],
    ['attribute[lane]', 'edge'],
  ]).toString();

/** Runs the benchmark; returns its figures. */
export function open311Bench() {
  return withDatabase('open311', async (DATABASE_URL) => {
    const api = await startApi({ DATABASE_URL, CITY: 'seoul', DEMO_DATA: 'true' });
    try {
      const admin = person(api.url);
      await admin('POST', '/api/auth/login', { email: 'admin@demo.civicverse.local', password: 'demo-admin-2026' });
      const issued = await admin('POST', '/api/admin/open311-keys', { name: 'Bench reporter' });
      if (issued.status !== 201) throw new Error(`issuing an Open311 key answered ${issued.status}`);
      const post = {
        url: `${api.url}/open311/v2/requests.json`,
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form(issued.body.apiKey),
      };
      await cannon({ ...post, duration: 1 });
      const filed = await cannon({ ...post, duration: SECONDS });
      const list = { url: `${api.url}/open311/v2/requests.json` };
      await cannon({ ...list, duration: 1 });
      const listed = await cannon({ ...list, duration: SECONDS });
      return { database: 'PostgreSQL (server)', connections: 10, seconds: SECONDS, postRequests: filed, getRequests: listed };
    } finally {
      await api.stop();
    }
  });
}

export function printOpen311Bench(results) {
  console.log(`Open311, ${results.seconds} s each, ${results.connections} connections:`);
  console.table({
    'POST requests.json': results.postRequests,
    'GET requests.json': results.getRequests,
  });
}

if (process.argv[1] === new URL(import.meta.url).pathname) printOpen311Bench(await open311Bench());
