// `npm run bench` (builds first): every benchmark of test/bench, one after another, bounded in time (about five
// minutes on two cores). The throughput figures run on a real PostgreSQL (a fresh database per bench from
// TEST_DATABASE_URL, dropped after) and Redis (TEST_REDIS_URL); start-up is measured on the embedded database, which is
// what `npm start` uses. Prints each bench's table, then one summary against the targets of issue 8, and writes it all,
// with the machine and its load, to bench-results.json. docs/performance.md explains the figures.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadAverage, root, startApi } from './bench-support.mjs';
import { bookingBench, printBookingBench } from './booking.bench.mjs';
import { open311Bench, printOpen311Bench } from './open311.bench.mjs';
import { portalSize, printPortalSize } from './portal-size.bench.mjs';
import { printQueueLatencyBench, queueLatencyBench } from './queue-latency.bench.mjs';
import { printReadsBench, readsBench } from './reads.bench.mjs';
import { printTwinBench, twinBench } from './twin.bench.mjs';
import { measureUploadMemory } from './upload-memory.bench.mjs';

const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();

/** Start-up on the embedded database: a fresh data directory (migrations, demo data), then the same one again. */
async function startupBench() {
  const dataDir = mkdtempSync(join(tmpdir(), 'civicverse-bench-'));
  try {
    const time = async () => {
      const started = performance.now();
      const api = await startApi({ DATA_DIR: dataDir });
      const ms = Math.round(performance.now() - started);
      await api.stop();
      return ms;
    };
    return { database: 'embedded (PGlite)', freshDataDirMs: await time(), existingDataDirMs: await time() };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function summary(results) {
  const rows = [];
  const row = (metric, value, target, met) => rows.push({ metric, value, target, met: met === undefined ? '' : met ? 'yes' : 'NO' });
  for (const read of results.reads.results) {
    row(
      `read ${read.endpoint}: api / bare req/s`,
      `${read.api.requestsPerSecond} / ${read.bare.requestsPerSecond} = ${read.ratio}`,
      '≥ 0.8',
      read.ratio >= 0.8,
    );
    const reached = read.api.atFixedRate.requestsPerSecond;
    row(
      `read ${read.endpoint}: p99 at 1,000 req/s`,
      `${read.api.atFixedRate.p99Ms} ms (${reached} req/s reached)`,
      '< 50 ms',
      read.api.atFixedRate.p99Ms < 50 && reached >= 950,
    );
  }
  const { booking } = results;
  row(
    'bookings: api / raw per s',
    `${booking.api.distinctSlots.bookingsPerSecond} / ${booking.raw.distinctSlots.bookingsPerSecond} = ${booking.ratio}`,
    '≥ 0.6',
    booking.ratio >= 0.6,
  );
  row('double-bookings', booking.api.doubleBookings, '0', booking.api.doubleBookings === 0 && booking.api.oneSlot.booked === 1);
  row('Open311 POST requests', `${results.open311.postRequests.requestsPerSecond} req/s, p99 ${results.open311.postRequests.p99Ms} ms`, '');
  row('Open311 GET requests', `${results.open311.getRequests.requestsPerSecond} req/s, p99 ${results.open311.getRequests.p99Ms} ms`, '');
  for (const [name, figures] of Object.entries({
    'one instance': results.queue.oneInstance,
    'two via Redis': results.queue.twoInstancesViaRedis,
  })) {
    row(`queue call → socket, ${name}`, `p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms`, 'p99 < 100 ms', figures.p99Ms < 100);
  }
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  row('2D initial JS (gzip)', kb(results.portal.initialJs.gzipBytes), '≤ 100 KB', results.portal.initialJs.gzipBytes <= 100 * 1024);
  row('Cesium chunk (gzip)', `${kb(results.twin.chunkBytes)} (${kb(results.twin.chunkGzipBytes)})`, '');
  row('twin page → first frame', `${results.twin.pageToFirstFrameMs} ms`, '');
  const upload = results.uploadMemory.oneRequestOf200Mb;
  row('API RSS idle / after the read load', `${results.reads.memory.apiIdleMb} / ${results.reads.memory.apiAfterLoadMb} MB`, '');
  row('API RSS rise during a 200 MB upload', `+${upload.peakRiseMb} MB (from ${upload.rssBeforeMb} MB)`, '< 50 MB', upload.peakRiseMb < 50);
  row('start-up (PGlite) fresh / existing', `${results.startup.freshDataDirMs} / ${results.startup.existingDataDirMs} ms`, '');
  return rows;
}

const started = performance.now();
const before = { uptime: uptime(), loadAverage: loadAverage() };
const results = { date: new Date().toISOString() };
results.startup = await startupBench();
results.reads = await readsBench();
printReadsBench(results.reads);
results.booking = await bookingBench();
printBookingBench(results.booking);
results.open311 = await open311Bench();
printOpen311Bench(results.open311);
results.queue = await queueLatencyBench();
printQueueLatencyBench(results.queue);
results.portal = portalSize(root);
printPortalSize(results.portal);
results.twin = await twinBench(root);
printTwinBench(results.twin);
results.uploadMemory = await measureUploadMemory();

results.machine = {
  node: process.version,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? '',
  memoryGb: +(totalmem() / 1e9).toFixed(1),
  before,
  after: { uptime: uptime(), loadAverage: loadAverage() },
};
results.durationSeconds = Math.round((performance.now() - started) / 1000);
results.summary = summary(results);
console.log(
  `\nsummary (${results.durationSeconds} s; load before ${before.loadAverage.join(' ')}, after ${results.machine.after.loadAverage.join(' ')}):`,
);
console.table(results.summary);
writeFileSync(join(root, 'bench-results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('written to bench-results.json');
