// The 3D twin's cost: the first frame's time on /twin, the bytes of the lazily loaded Cesium chunk and of Cesium's
// copied run-time files, and the frames drawn per second while the scene is idle. Starts the built server (`npm run
// build`) on a fresh embedded database and Debian's Chromium (software WebGL: SwiftShader) at 800 × 600 and half
// resolution, as the browser tests do. Run alone with `node test/bench/twin.bench.mjs`; `npm run bench` runs it too.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { stopChild } from './bench-support.mjs';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const IDLE_SECONDS = 5;

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

function bytesUnder(folder) {
  return readdirSync(folder, { withFileTypes: true }).reduce((sum, entry) => {
    const path = join(folder, entry.name);
    return sum + (entry.isDirectory() ? bytesUnder(path) : statSync(path).size);
  }, 0);
}

/** Runs the benchmark; returns its figures. `root` is the repository, with `dist/` and `portal/dist/` built. */
export async function twinBench(root) {
  const assets = join(root, 'portal', 'dist', 'assets');
  const chunk = readdirSync(assets).find((name) => /^twin-view-.*\.js$/.test(name));
  if (!chunk) throw new Error('no twin-view chunk in portal/dist/assets: run npm run build:portal');
  const chunkBytes = readFileSync(join(assets, chunk));
  const sizes = {
    chunkBytes: chunkBytes.length,
    chunkGzipBytes: gzipSync(chunkBytes).length,
    copiedAssetsBytes: bytesUnder(join(root, 'portal', 'dist', 'cesium')),
  };

  const dataDir = mkdtempSync(join(tmpdir(), 'civicverse-twin-bench-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/api/src/main.js'], {
    cwd: root,
    env: { PATH: process.env.PATH, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', CITY: 'seoul' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    await new Promise((resolve, reject) => {
      child.stdout.on('data', (data) => data.toString().includes(`:${port}`) && resolve());
      child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
    const started = Date.now();
    await page.goto(`http://127.0.0.1:${port}/twin?lang=en&scale=0.5&testHooks=1`);
    await page.waitForSelector('[data-twin="ready"]', { timeout: 120_000 });
    const pageToFirstFrameMs = Date.now() - started;
    const firstFrameMs = await page.evaluate(() => globalThis.__twin.firstFrameMs());
    // Idle: the avatars, the workers' geometry and the ground's tiles have arrived (no frame for 2 s, at most 60 s).
    const settleStarted = Date.now();
    for (let last = -1, still = 0; still < 4 && Date.now() - settleStarted < 60_000;) {
      await page.waitForTimeout(500);
      const frames = await page.evaluate(() => globalThis.__twin.framesRendered());
      still = frames === last ? still + 1 : 0;
      last = frames;
    }
    const settleMs = Date.now() - settleStarted;
    const before = await page.evaluate(() => globalThis.__twin.framesRendered());
    await page.waitForTimeout(IDLE_SECONDS * 1000);
    const after = await page.evaluate(() => globalThis.__twin.framesRendered());
    return {
      ...sizes,
      pageToFirstFrameMs,
      sceneToFirstFrameMs: Math.round(firstFrameMs),
      firstFrameToIdleMs: settleMs,
      idleFramesPerSecond: +((after - before) / IDLE_SECONDS).toFixed(2),
    };
  } finally {
    await browser.close();
    await stopChild(child, exited);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function printTwinBench(results) {
  const megabytes = (bytes) => `${(bytes / 1_048_576).toFixed(2)} MB`;
  console.log('3D twin (Chromium, SwiftShader, 800 × 600 at half resolution):');
  console.table([
    {
      'page → first frame': `${results.pageToFirstFrameMs} ms`,
      'scene → first frame': `${results.sceneToFirstFrameMs} ms`,
      'then → idle': `${results.firstFrameToIdleMs} ms`,
      'Cesium chunk': `${megabytes(results.chunkBytes)} (${megabytes(results.chunkGzipBytes)} gzip)`,
      'copied Cesium assets': megabytes(results.copiedAssetsBytes),
      'idle frames/s': results.idleFramesPerSecond,
    },
  ]);
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const results = await twinBench(new URL('../..', import.meta.url).pathname);
  printTwinBench(results);
  if (results.idleFramesPerSecond > 1) process.exitCode = 1;
}
