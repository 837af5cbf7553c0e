// What the benchmarks share: a fresh PostgreSQL database per bench (made from TEST_DATABASE_URL, as the tests do,
// and dropped after), the built API started as a process, a signed-in client, and autocannon with its figures.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import pg from 'pg';
import { adminUrl, databaseUrlFor } from '../support/test-database.constants.mjs';

export const root = new URL('../..', import.meta.url).pathname;
export const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** A database of its own for `work(url)`, dropped afterwards whatever happens. */
export async function withDatabase(label, work) {
  const name = `civicverse_bench_${label}_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    return await work(databaseUrlFor(name));
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

/**
 * The highest limits allowed. The rate limiter still runs on every request, as in production: each autocannon
 * connection comes as a client of its own (X-Forwarded-For behind TRUST_PROXY, as behind a load balancer).
 */
const BENCH_LIMITS = { RATE_LIMIT_PER_MINUTE: '100000', AUTH_RATE_LIMIT_PER_MINUTE: '100000', TRUST_PROXY: 'true' };

/** Runs a node script until it prints where it listens; at the production default log level, info (one line a request). */
export async function startProcess(script, env) {
  const port = await freePort();
  // BENCH_NODE_ARGS reach the servers only, e.g. `--cpu-prof --cpu-prof-dir=/tmp/profiles` to see where time goes.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, script], {
    cwd: root,
    env: { PATH: process.env.PATH, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', ...BENCH_LIMITS, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => chunk.toString().includes(`:${port}`) && resolve());
    void exited.then((code) => reject(new Error(`${script} exited with ${code} before listening`)));
  });
  // From now on the log (one line per request at LOG_LEVEL=info) is read and dropped, as a log collector would take it.
  child.stdout.removeAllListeners('data');
  child.stdout.resume();
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    stop: () => stopChild(child, exited),
  };
}

/** SIGTERM, as a service manager stops it; SIGKILL after 10 s, so that a server that hangs cannot hang the bench. */
export async function stopChild(child, exited) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** The built API (`npm run build:api`), as `npm start` runs it. */
export const startApi = (env) => startProcess('dist/api/src/main.js', env);

/** A person, as the portal's pages send requests: keeps the session cookie, says it is same-origin on writes. */
export function person(base) {
  let cookie;
  const send = async (method, path, body, headers = {}) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(cookie ? { cookie } : {}),
        ...(method === 'GET' ? {} : { origin: base, 'sec-fetch-site': 'same-origin' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      // A server that stops answering fails the bench instead of hanging it.
      signal: AbortSignal.timeout(30_000),
    });
    for (const line of response.headers.getSetCookie()) if (line.startsWith('cv_session=')) cookie = line.split(';')[0];
    return { status: response.status, body: await response.json().catch(() => null) };
  };
  send.cookie = () => cookie;
  return send;
}

/** A new citizen, signed in. */
export async function newCitizen(base, label) {
  const citizen = person(base);
  const { status } = await citizen('POST', '/api/auth/register', {
    email: `bench-${label}-${Date.now()}-${Math.random().toString(16).slice(2)}@example.org`,
    displayName: 'Bench',
    password: 'lantern-harbour-42',
    preferredLanguage: 'en',
  });
  if (status !== 201) throw new Error(`registration answered ${status}`);
  return citizen;
}

/** autocannon's run, reduced to the figures we publish; any non-2xx answer or error fails the bench. */
export async function cannon(options) {
  let clients = 0;
  const result = await autocannon({
    connections: 10,
    duration: 5,
    setupClient: (client) => {
      clients += 1;
      client.setHeaders({ ...options.headers, 'x-forwarded-for': `10.0.${clients >> 8}.${clients & 255}` });
    },
    ...options,
  });
  if (result.errors > 0 || result.non2xx > 0 || result.timeouts > 0) {
    throw new Error(`${options.url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
  };
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The load of the machine (1, 5 and 15 minutes), as `uptime` shows it. */
export const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);

/** A process's resident memory (VmRSS), in MB. */
export const rssMb = (pid) => +(Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1000).toFixed(1);

/** p50 and p99 of a list of milliseconds. */
export function percentiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { samples: sorted.length, p50Ms: +at(0.5).toFixed(2), p99Ms: +at(0.99).toFixed(2) };
}
