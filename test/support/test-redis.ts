import { Redis } from 'ioredis';

/**
 * Tests that span instances use the Redis at TEST_REDIS_URL (default redis://127.0.0.1:6379), in a database
 * number of their own. Outside CI a missing server skips them loudly; with CI=true it fails the run.
 */
const base = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function reachable(): Promise<string | undefined> {
  const probe = new Redis(base, { lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await probe.connect();
    await probe.ping();
    return undefined;
  } catch (error) {
    return `no Redis at TEST_REDIS_URL ${base}: ${(error as Error).message}`;
  } finally {
    probe.disconnect();
  }
}

const missingRedis = await reachable();
if (missingRedis) {
  if (process.env.CI === 'true') throw new Error(`CI needs Redis: ${missingRedis}`);
  process.stderr.write(`\n${'!'.repeat(80)}\nSKIPPING Redis tests: ${missingRedis}\n${'!'.repeat(80)}\n\n`);
}

export const describeWithRedis: jest.Describe = missingRedis ? describe.skip : describe;

/** A Redis URL on a database (1–15) picked for this test file, emptied first. */
export async function freshRedisUrl(): Promise<string> {
  const url = `${base.replace(/\/\d*$/, '')}/${1 + Math.floor(Math.random() * 15)}`;
  const redis = new Redis(url);
  await redis.flushdb();
  redis.disconnect();
  return url;
}
