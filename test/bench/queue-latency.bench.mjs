// Queue event latency: from an official's `POST call-next` leaving the client to `ticket.called` arriving on the
// citizen's socket (socket.io-client on /live, signed in: the event reaches the holder's own room), p50/p99 over many calls. Once with one
// instance, once with two sharing Redis (the citizen on instance B, the official calling on instance A, so every
// event crosses the Redis adapter). Dubai's pack and demo data, on a PostgreSQL database of its own.
// Run alone with `node test/bench/queue-latency.bench.mjs`; `npm run bench` (run.mjs) runs it too.
import { performance } from 'node:perf_hooks';
import { io } from 'socket.io-client';
import { newCitizen, percentiles, person, redisUrl, startApi, withDatabase } from './bench-support.mjs';

const CALLS = Number(process.env.BENCH_QUEUE_CALLS ?? 200);
const COUNTER = 'counter-1';
const SERVICE = 'illegal-dumping';

/** The citizen's socket as the portal opens it: their session cookie, so the server puts it in their own room. */
function liveSocket(base, cookie) {
  const socket = io(`${base}/live`, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: { origin: base, cookie },
  });
  return new Promise((resolve, reject) => {
    socket.once('live.ready', () => resolve(socket));
    socket.once('live.refused', ({ code }) => reject(new Error(`live socket refused: ${code}`)));
    socket.once('connect_error', reject);
  });
}

/** An official of the counter's department, signed in on `base`, with the counter open. */
async function openCounter(base) {
  const admin = person(base);
  await admin('POST', '/api/auth/login', { email: 'admin@demo.civicverse.local', password: 'demo-admin-2026' });
  const email = `bench-official-${Date.now()}@example.org`;
  const created = await admin('POST', '/api/admin/officials', {
    email,
    displayName: 'Bench Officer',
    departmentId: 'municipality-waste',
    password: 'harbour-lantern-99',
  });
  if (created.status !== 201) throw new Error(`creating an official answered ${created.status}`);
  const desk = person(base);
  await desk('POST', '/api/auth/login', { email, password: 'harbour-lantern-99' });
  const opened = await desk('POST', `/api/queues/${COUNTER}/open`);
  if (opened.status !== 200) throw new Error(`opening the counter answered ${opened.status}`);
  return desk;
}

/**
 * `CALLS` times: a signed-in citizen takes a ticket on B (their socket there is in their own room, which every event
 * of their tickets reaches); the desk calls next on A; the call is timed from the request to the event on the socket.
 */
async function measureCalls(deskBase, citizenBase) {
  const desk = await openCounter(deskBase);
  const citizen = await newCitizen(citizenBase, 'queue');
  const socket = await liveSocket(citizenBase, citizen.cookie());
  const latencies = [];
  try {
    for (let call = 0; call < CALLS; call += 1) {
      const issued = await citizen('POST', `/api/queues/${COUNTER}/tickets`, { serviceId: SERVICE });
      if (issued.status !== 201) throw new Error(`taking a ticket answered ${issued.status}`);
      const heard = new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('ticket.called did not come within 5 s')), 5000);
        const onCalled = (event) => {
          if (event.ticketId !== issued.body.ticket.id) return;
          clearTimeout(timer);
          socket.off('ticket.called', onCalled);
          resolve(performance.now());
        };
        socket.on('ticket.called', onCalled);
      });
      const sent = performance.now();
      const called = await desk('POST', `/api/queues/${COUNTER}/call-next`);
      if (called.status !== 200 || called.body.id !== issued.body.ticket.id) throw new Error(`call-next answered ${called.status}`);
      latencies.push((await heard) - sent);
      await desk('POST', `/api/queues/tickets/${issued.body.ticket.id}/no-show`);
    }
  } finally {
    socket.disconnect();
  }
  return percentiles(latencies);
}

/** Runs the benchmark; returns its figures. */
export async function queueLatencyBench() {
  const single = await withDatabase('queue1', async (DATABASE_URL) => {
    const api = await startApi({ DATABASE_URL, CITY: 'dubai', DEMO_DATA: 'true' });
    try {
      return await measureCalls(api.url, api.url);
    } finally {
      await api.stop();
    }
  });
  const twoInstances = await withDatabase('queue2', async (DATABASE_URL) => {
    const env = { DATABASE_URL, CITY: 'dubai', DEMO_DATA: 'true', REDIS_URL: redisUrl };
    const a = await startApi(env);
    const b = await startApi(env);
    try {
      return await measureCalls(a.url, b.url);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
  return { calls: CALLS, oneInstance: single, twoInstancesViaRedis: twoInstances };
}

export function printQueueLatencyBench(results) {
  console.log(`queue: call-next → ticket.called on the citizen's socket, ${results.calls} calls (ms):`);
  console.table({ 'one instance': results.oneInstance, 'two instances (Redis)': results.twoInstancesViaRedis });
}

if (process.argv[1] === new URL(import.meta.url).pathname) printQueueLatencyBench(await queueLatencyBench());
