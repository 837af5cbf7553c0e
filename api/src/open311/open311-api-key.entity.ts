import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { UserAccount } from '../accounts/user-account.entity.js';

/** A key another system files Open311 requests with. Only the SHA-256 of the key is kept: it is shown once, at issue. */
@Entity({ name: 'open311_api_key' })
@Unique('uq_open311_api_key_hash', ['keyHash'])
@Check('ck_open311_api_key_hash', `key_hash ~ '^[0-9a-f]{64}$'`)
@Check('ck_open311_api_key_name', 'char_length(name) BETWEEN 1 AND 100')
export class Open311ApiKey {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_open311_api_key' })
  id!: string;

  /** Who uses it, e.g. "FixMyStreet Seoul"; shown to admins. */
  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** Hex SHA-256 of the key. */
  @Column({ name: 'key_hash', type: 'char', length: 64 })
  keyHash!: string;

  /** The admin who issued it; null when issued from the command line or the account is gone (the audit log keeps who). */
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @ManyToOne(() => UserAccount, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_open311_api_key_created_by' })
  creator?: UserAccount;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  /** Set once, when an admin revokes it; a revoked key files nothing. */
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;
}
