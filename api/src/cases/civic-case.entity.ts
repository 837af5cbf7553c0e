import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { UserAccount } from '../accounts/user-account.entity.js';

/** A citizen's matter: one number for the complaint, appointment, ticket and documents that belong to it. */
@Entity({ name: 'civic_case' })
@Unique('uq_civic_case_number', ['caseNumber'])
@Unique('uq_civic_case_tracking_token', ['trackingTokenHash'])
@Index('ix_civic_case_owner', ['ownerId'])
@Check('ck_civic_case_number', `case_number ~ '^[A-Z]{3}-[0-9]{4}-[0-9]{6,}$'`)
export class CivicCase {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_civic_case' })
  id!: string;

  /** e.g. SEL-2026-000123: the city's prefix, the year in the city's time zone, a number counted per year. */
  @Column({ name: 'case_number', type: 'varchar', length: 24 })
  caseNumber!: string;

  /** The account that opened it; null when filed without one. */
  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId!: string | null;

  @ManyToOne(() => UserAccount)
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'fk_civic_case_owner' })
  owner?: UserAccount;

  /** SHA-256 of the tracking token given to the filer, which works without an account. */
  @Column({ name: 'tracking_token_hash', type: 'bytea' })
  trackingTokenHash!: Buffer;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
