import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { Redis } from 'ioredis';
import { freePort } from './server-process.js';
import { within } from './within.js';

/**
 * A redis-server of a test's own on a free loopback port, for tests that stop it: the shared Redis at TEST_REDIS_URL
 * serves other test files at the same time. No persistence, as a restarted cache. Outside CI a missing
 * redis-server skips those tests loudly; with CI=true it fails the run.
 */
const REDIS_SERVER = process.env.TEST_REDIS_SERVER_PATH ?? 'redis-server';

const missingRedisServer = spawnSync(REDIS_SERVER, ['--version']).error ? `no ${REDIS_SERVER} (apt-get install redis-server)` : undefined;
if (missingRedisServer) {
  if (process.env.CI === 'true') throw new Error(`CI needs redis-server: ${missingRedisServer}`);
  process.stderr.write(`\n${'!'.repeat(80)}\nSKIPPING private-Redis tests: ${missingRedisServer}\n${'!'.repeat(80)}\n\n`);
}

export const describeWithRedisServer: jest.Describe = missingRedisServer ? describe.skip : describe;

export interface PrivateRedis {
  url: string;
  /** Starts it (again, on the same port) and resolves once it answers PING. */
  start(): Promise<void>;
  /** SIGTERM, and resolves once the process is gone. */
  stop(): Promise<void>;
}

async function answersPing(url: string): Promise<boolean> {
  const probe = new Redis(url, { lazyConnect: true, connectTimeout: 500, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

/** A private redis-server, started. */
export async function privateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const redis: PrivateRedis = {
    url,
    async start() {
      const started = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
        stdio: 'ignore',
      });
      child = started;
      await within(10_000, 'the private redis-server answers PING', async () => {
        if (started.exitCode !== null) throw new Error(`redis-server exited with ${started.exitCode}`);
        return answersPing(url);
      });
    },
    async stop() {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGTERM');
      await exited;
    },
  };
  await redis.start();
  return redis;
}
