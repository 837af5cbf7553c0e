import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { answersWithin } from '../common/answers-within.js';
import { DomainError } from '../common/domain-error.js';
import { REDIS } from '../redis/redis.token.js';

type State = 'up' | 'down';

export interface HealthReport {
  status: 'ok';
  /** `redis` only when REDIS_URL is set. Redis down does not make the API unready: one instance works alone. */
  checks: { database: 'up'; redis?: State };
}

const TIMEOUT_MS = 2000;

@Injectable()
export class HealthService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis | null,
  ) {}

  async readiness(): Promise<HealthReport> {
    const redisConnection = this.redis;
    const [database, redis] = await Promise.all([
      answersWithin(() => this.dataSource.query('SELECT 1'), TIMEOUT_MS),
      redisConnection ? answersWithin(() => redisConnection.ping(), TIMEOUT_MS) : undefined,
    ]);
    const redisCheck: { redis?: State } = redis === undefined ? {} : { redis: redis ? 'up' : 'down' };
    if (!database) throw new DomainError('NOT_READY', {}, { checks: { database: 'down', ...redisCheck } });
    return { status: 'ok', checks: { database: 'up', ...redisCheck } };
  }
}
