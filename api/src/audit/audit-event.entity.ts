import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const AUDIT_OUTCOMES = ['ok', 'denied', 'failed'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];
/** `open311`: a complaint filed through Open311, whose actor is then the API key (open311_api_key.id), not an account. */
export const AUDIT_SOURCES = ['web', 'cli', 'system', 'open311'] as const;
export type AuditSource = (typeof AUDIT_SOURCES)[number];

/**
 * Who did what to which object, when, from where — ids only, no personal data. Append-only: a trigger in the
 * database refuses UPDATE, DELETE and TRUNCATE.
 */
@Entity({ name: 'audit_event' })
@Index('ix_audit_event_actor_at', ['actorId', 'at'])
@Index('ix_audit_event_at', ['at'])
@Check('ck_audit_event_outcome', `outcome IN ('ok', 'denied', 'failed')`)
@Check('ck_audit_event_source', `source IN ('web', 'cli', 'system', 'open311')`)
export class AuditEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS', primaryKeyConstraintName: 'pk_audit_event' })
  id!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  /** The account that acted; null for an anonymous request or the system itself. */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  /** `<thing>.<what>`: "auth.login", "account.role_changed", "privacy.export". */
  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ name: 'object_type', type: 'varchar', length: 64, nullable: true })
  objectType!: string | null;

  @Column({ name: 'object_id', type: 'varchar', length: 64, nullable: true })
  objectId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  outcome!: AuditOutcome;

  /** The channel: the web (portal or API), the command line, or the system's own jobs. */
  @Column({ type: 'varchar', length: 16 })
  source!: AuditSource;

  /** The request's id, to find its log lines. */
  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true })
  requestId!: string | null;
}
