import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { sha256 } from '../common/sha256.js';
import { AuthFailure } from './auth-failure.entity.js';

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_SECONDS = 60;

/**
 * Five failed sign-ins for one email within a minute lock that email out until the oldest of them is a
 * minute old. Counted in the database, so every instance sees the same count; known and unknown emails
 * alike, so the answer says nothing about whether an account exists.
 */
@Injectable()
export class LoginThrottle {
  constructor(@InjectRepository(AuthFailure) private readonly failures: Repository<AuthFailure>) {}

  static emailHash(email: string): Buffer {
    return sha256(email.trim().toLowerCase());
  }

  async assertAllowed(email: string): Promise<void> {
    const rows: { count: number; retry_after: number | null }[] = await this.failures.query(
      `SELECT count(*)::int AS count,
              ceil(extract(epoch FROM (min(at) + make_interval(secs => $2)) - now()))::int AS retry_after
         FROM auth_failure WHERE email_hash = $1 AND at > now() - make_interval(secs => $2)`,
      [LoginThrottle.emailHash(email), FAILURE_WINDOW_SECONDS],
    );
    const [window] = rows;
    if (window && window.count >= MAX_FAILURES) {
      throw new DomainError('AUTH_TOO_MANY_ATTEMPTS', { count: Math.max(1, window.retry_after ?? 1) }, undefined, {
        'retry-after': String(Math.max(1, window.retry_after ?? 1)),
      });
    }
  }

  async recordFailure(email: string): Promise<void> {
    await this.failures.insert({ emailHash: LoginThrottle.emailHash(email) });
  }
}
