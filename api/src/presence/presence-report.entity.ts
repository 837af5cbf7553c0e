import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserAccount } from '../accounts/user-account.entity.js';

/**
 * A visitor's report of another visitor in the virtual hall: who reported whom (account ids, so the city can follow
 * it up), why and when. Never where anyone stood: positions are not stored anywhere.
 */
@Entity({ name: 'presence_report' })
@Index('ix_presence_report_reported', ['reportedId', 'at'])
@Index('ix_presence_report_reporter', ['reporterId'])
@Index('ix_presence_report_at', ['at'])
@Check('ck_presence_report_reason', `reason IN ('following', 'blocking', 'disruptive', 'other')`)
@Check('ck_presence_report_not_self', 'reporter_id <> reported_id')
export class PresenceReport {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_presence_report' })
  id!: string;

  @Column({ name: 'hall_id', type: 'varchar', length: 64 })
  hallId!: string;

  /** Null once the reporter erased their account. */
  @Column({ name: 'reporter_id', type: 'uuid', nullable: true })
  reporterId!: string | null;

  @ManyToOne(() => UserAccount)
  @JoinColumn({ name: 'reporter_id', foreignKeyConstraintName: 'fk_presence_report_reporter' })
  reporter?: UserAccount;

  /** Null once the reported person erased their account. */
  @Column({ name: 'reported_id', type: 'uuid', nullable: true })
  reportedId!: string | null;

  @ManyToOne(() => UserAccount)
  @JoinColumn({ name: 'reported_id', foreignKeyConstraintName: 'fk_presence_report_reported' })
  reported?: UserAccount;

  @Column({ type: 'varchar', length: 16 })
  reason!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;
}
