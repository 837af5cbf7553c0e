import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The first answer to a write sent with an Idempotency-Key, replayed for 24 hours to the same person and request. */
@Entity({ name: 'idempotency_key' })
@Index('ix_idempotency_key_created', ['createdAt'])
export class IdempotencyKey {
  @PrimaryColumn({ name: 'owner_id', type: 'uuid', primaryKeyConstraintName: 'pk_idempotency_key' })
  ownerId!: string;

  @PrimaryColumn({ type: 'varchar', length: 255, primaryKeyConstraintName: 'pk_idempotency_key' })
  key!: string;

  /** SHA-256 of the method, route and body: the same key with another request is refused. */
  @Column({ name: 'request_hash', type: 'bytea' })
  requestHash!: Buffer;

  @Column({ name: 'status_code', type: 'integer', nullable: true })
  statusCode!: number | null;

  // json, not jsonb: a replay gives the first answer's keys in their order.
  @Column({ name: 'response_body', type: 'json', nullable: true })
  responseBody!: unknown;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
