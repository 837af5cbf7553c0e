import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { sha256 } from '../common/sha256.js';

/** How long a key's first answer is replayed. */
export const IDEMPOTENCY_KEY_HOURS = 24;
const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;
const CLEANUP_EVERY_MS = 10 * 60_000;

/** A write's answer: what the route returns and with which HTTP status. */
export interface IdempotentAnswer<T> {
  status: number;
  body: T;
  /** True when this is the stored answer of an earlier request with the key. */
  replayed: boolean;
}

/** What identifies a request for its key: the route and the body. */
export interface IdempotentRequest {
  method: string;
  route: string;
  body: unknown;
}

/**
 * Idempotency-Key for writes (draft-ietf-httpapi-idempotency-key-header). The key row is inserted first, in the
 * write's own transaction: a second request with the key waits on the unique index until the first commits, then
 * replays its answer; if the first fails, its row goes with its rollback and the second runs as if alone. Only
 * successful answers are kept; keys are scoped to the person and kept 24 hours.
 */
@Injectable()
export class IdempotencyService {
  private lastCleanup = 0;

  constructor(private readonly dataSource: DataSource) {}

  /** The header's value checked: undefined when absent; VALIDATION_FAILED when it is not 1–255 visible ASCII characters. */
  static keyOf(header: string | string[] | undefined, required: boolean): string | undefined {
    if (header === undefined) {
      if (required) throw new DomainError('IDEMPOTENCY_KEY_REQUIRED');
      return undefined;
    }
    if (typeof header !== 'string' || !KEY_SHAPE.test(header)) {
      throw new DomainError('VALIDATION_FAILED', {}, { fields: [{ field: 'Idempotency-Key', rules: ['idempotencyKey'] }] });
    }
    return header;
  }

  /** Runs `work` in a transaction, once per key: a repeat of the same request gets the first answer. */
  async run<T>(
    ownerId: string,
    key: string | undefined,
    request: IdempotentRequest,
    status: number,
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<IdempotentAnswer<T>> {
    await this.cleanUp();
    return this.dataSource.transaction(async (manager) => {
      if (key === undefined) return { status, body: await work(manager), replayed: false };
      const requestHash = sha256(JSON.stringify([request.method, request.route, request.body ?? null]));
      // A key past its 24 hours that the cleanup has not reached yet starts afresh.
      const claimed = await manager.query<unknown[]>(
        `INSERT INTO idempotency_key (owner_id, key, request_hash) VALUES ($1, $2, $3)
         ON CONFLICT (owner_id, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, created_at = now(), status_code = NULL, response_body = NULL
           WHERE idempotency_key.created_at < now() - make_interval(hours => $4)
         RETURNING key`,
        [ownerId, key, requestHash, IDEMPOTENCY_KEY_HOURS],
      );
      if (claimed.length === 0) {
        const [stored] = await manager.query<{ request_hash: Buffer; status_code: number; response_body: T }[]>(
          `SELECT request_hash, status_code, response_body FROM idempotency_key WHERE owner_id = $1 AND key = $2`,
          [ownerId, key],
        );
        if (!stored) throw new Error('an idempotency key vanished while held');
        if (!Buffer.from(stored.request_hash).equals(requestHash)) throw new DomainError('IDEMPOTENCY_KEY_REUSED');
        return { status: stored.status_code, body: stored.response_body, replayed: true };
      }
      const body = await work(manager);
      await manager.query(`UPDATE idempotency_key SET status_code = $3, response_body = $4 WHERE owner_id = $1 AND key = $2`, [
        ownerId,
        key,
        status,
        JSON.stringify(body),
      ]);
      // The first answer is what a replay will give: the same JSON.
      return { status, body: JSON.parse(JSON.stringify(body)) as T, replayed: false };
    });
  }

  /** Forgets keys older than 24 hours, at most every ten minutes, outside any transaction. */
  private async cleanUp(): Promise<void> {
    if (Date.now() - this.lastCleanup < CLEANUP_EVERY_MS) return;
    this.lastCleanup = Date.now();
    await this.dataSource.query(`DELETE FROM idempotency_key WHERE created_at < now() - make_interval(hours => $1)`, [
      IDEMPOTENCY_KEY_HOURS,
    ]);
  }
}
