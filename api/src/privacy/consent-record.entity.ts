import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserAccount } from '../accounts/user-account.entity.js';

/** One answer to a consent question; the newest per purpose is the person's current choice. */
@Entity({ name: 'consent_record' })
@Index('ix_consent_record_user_purpose', ['userId', 'purpose', 'at'])
export class ConsentRecord {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS', primaryKeyConstraintName: 'pk_consent_record' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_consent_record_user' })
  user?: UserAccount;

  @Column({ type: 'varchar', length: 64 })
  purpose!: string;

  /** Which wording of the question was answered, e.g. "2026-11". */
  @Column({ name: 'text_version', type: 'varchar', length: 32 })
  textVersion!: string;

  @Column({ type: 'boolean' })
  given!: boolean;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;
}
