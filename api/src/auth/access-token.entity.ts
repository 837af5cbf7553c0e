import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { UserAccount } from '../accounts/user-account.entity.js';

/** A bearer token a person made for an API client of theirs; it acts as them until it expires or is revoked. */
@Entity({ name: 'access_token' })
@Unique('uq_access_token_hash', ['tokenHash'])
@Index('ix_access_token_user', ['userId'])
@Check('ck_access_token_name', 'char_length(name) BETWEEN 1 AND 100')
@Check('ck_access_token_expiry', `expires_at > created_at AND expires_at <= created_at + interval '366 days'`)
export class AccessToken {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_access_token' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_access_token_user' })
  user?: UserAccount;

  /** What the person called it ("my accounting script"), to recognise it in their list. */
  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** SHA-256 of the token; the token itself is shown once. */
  @Column({ name: 'token_hash', type: 'bytea', select: false })
  tokenHash!: Buffer;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;
}
