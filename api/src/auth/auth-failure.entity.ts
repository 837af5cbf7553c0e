import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A failed sign-in, by a hash of the email (never the email itself), counted for throttling. */
@Entity({ name: 'auth_failure' })
@Index('ix_auth_failure_email_at', ['emailHash', 'at'])
export class AuthFailure {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS', primaryKeyConstraintName: 'pk_auth_failure' })
  id!: string;

  @Column({ name: 'email_hash', type: 'bytea' })
  emailHash!: Buffer;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;
}
