// `npm run bench`: start-up time on the embedded database and the read throughput of the skeleton's
// endpoints, printed as a table and written to bench-results.json. Loopback only, bounded in count.
// (The full suite — autocannon against a bare Fastify + pg handler, bookings, queues — is issue 8's.)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { measureUploadMemory } from './upload-memory.bench.mjs';
import { bookingBench, printBookingBench } from './booking.bench.mjs';
import { printTwinBench, twinBench } from './twin.bench.mjs';

const root = new URL('../..', import.meta.url).pathname;
const REQUESTS = 2000;
const CONCURRENCY = 20;

const port = await new Promise((resolve) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});

async function startServer(dataDir) {
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/api/src/main.js'], {
    cwd: root,
    env: { PATH: process.env.PATH, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '100000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => chunk.toString().includes(`:${port}`) && resolve());
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { child, ms: performance.now() - started };
}

async function stopServer(child) {
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function load(path) {
  const latencies = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < REQUESTS) {
      next += 1;
      const t0 = performance.now();
      const response = await fetch(`http://127.0.0.1:${port}${path}`);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return {
    path,
    requests: latencies.length,
    rps: Math.round(latencies.length / seconds),
    p50: +at(0.5).toFixed(2),
    p99: +at(0.99).toFixed(2),
  };
}

const dataDir = mkdtempSync(join(tmpdir(), 'civicverse-bench-'));
try {
  const fresh = await startServer(dataDir);
  await stopServer(fresh.child);
  const warm = await startServer(dataDir);
  const reads = [];
  for (const path of ['/api/health/live', '/api/health', '/api/city']) reads.push(await load(path));
  await stopServer(warm.child);
  const booking = await bookingBench(root);
  const twin = await twinBench(root);

  const results = {
    date: new Date().toISOString(),
    machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
    startup: { freshDataDirMs: Math.round(fresh.ms), existingDataDirMs: Math.round(warm.ms) },
    reads: { database: 'embedded (PGlite)', concurrency: CONCURRENCY, results: reads },
    booking,
    twin,
    uploadMemory: await measureUploadMemory(),
  };
  console.log(`start-up, fresh data dir:    ${results.startup.freshDataDirMs} ms`);
  console.log(`start-up, existing data dir: ${results.startup.existingDataDirMs} ms`);
  console.table(reads);
  printBookingBench(booking);
  printTwinBench(twin);
  console.log(
    `upload memory, server RSS rise: one 200 MB request ${results.uploadMemory.oneRequestOf200Mb.peakRiseMb} MB, ` +
      `four 50 MB uploads at once ${results.uploadMemory.fourConcurrentUploadsOf50Mb.peakRiseMb} MB`,
  );
  writeFileSync(join(root, 'bench-results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('written to bench-results.json');
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
