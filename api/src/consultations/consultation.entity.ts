import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserAccount } from '../accounts/user-account.entity.js';
import { CivicCase } from '../cases/civic-case.entity.js';
import type { ConsultationOutcome, ConsultationState, ConsultationSubject } from './consultation-view.types.js';

/**
 * A conversation between an official and a citizen about a case, opened from an appointment, a queue ticket or a
 * complaint. One open consultation per subject: the partial unique index holds it against two officials opening at once.
 */
@Entity({ name: 'consultation' })
@Index('uq_consultation_open_subject', ['subjectType', 'subjectId'], { unique: true, where: `state <> 'ended'` })
@Index('ix_consultation_citizen', ['citizenId', 'createdAt'])
@Index('ix_consultation_official', ['officialId', 'createdAt'])
@Index('ix_consultation_case', ['caseId'])
@Check('ck_consultation_state', `state IN ('waiting', 'live', 'ended')`)
@Check('ck_consultation_subject_type', `subject_type IN ('appointment', 'ticket', 'complaint')`)
@Check('ck_consultation_outcome', `outcome IN ('resolved', 'follow_up_booked', 'document_requested', 'no_show', 'other')`)
@Check('ck_consultation_ended', `(state = 'ended') = (outcome IS NOT NULL) AND (state = 'ended') = (ended_at IS NOT NULL)`)
@Check('ck_consultation_last_seq', 'last_seq >= 0')
export class Consultation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_consultation' })
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CivicCase)
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_consultation_case' })
  civicCase?: CivicCase;

  @Column({ name: 'subject_type', type: 'varchar', length: 16 })
  subjectType!: ConsultationSubject;

  /** The appointment's, ticket's or complaint's id: a plain id, so this table depends on none of theirs. */
  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId!: string;

  /** The department whose officials may open it, copied from the subject. */
  @Column({ name: 'department_id', type: 'varchar', length: 64 })
  departmentId!: string;

  /** Null once the citizen erased their account: the conversation stays on the case without them. */
  @Column({ name: 'citizen_id', type: 'uuid', nullable: true })
  citizenId!: string | null;

  @ManyToOne(() => UserAccount)
  @JoinColumn({ name: 'citizen_id', foreignKeyConstraintName: 'fk_consultation_citizen' })
  citizen?: UserAccount;

  /** The official (or admin) who opened it and speaks for the city. */
  @Column({ name: 'official_id', type: 'uuid' })
  officialId!: string;

  @ManyToOne(() => UserAccount)
  @JoinColumn({ name: 'official_id', foreignKeyConstraintName: 'fk_consultation_official' })
  official?: UserAccount;

  @Column({ type: 'varchar', length: 16, default: 'waiting' })
  state!: ConsultationState;

  @Column({ type: 'varchar', length: 32, nullable: true })
  outcome!: ConsultationOutcome | null;

  @Column({ name: 'outcome_note', type: 'varchar', length: 500, nullable: true })
  outcomeNote!: string | null;

  /** The sequence number of the newest message; advanced under the row's lock, so numbers are gapless. */
  @Column({ name: 'last_seq', type: 'integer', default: 0 })
  lastSeq!: number;

  @Column({ name: 'citizen_muted', type: 'boolean', default: false })
  citizenMuted!: boolean;

  @Column({ name: 'citizen_removed', type: 'boolean', default: false })
  citizenRemoved!: boolean;

  @Column({ name: 'citizen_joined_at', type: 'timestamptz', nullable: true })
  citizenJoinedAt!: Date | null;

  @Column({ name: 'official_joined_at', type: 'timestamptz', nullable: true })
  officialJoinedAt!: Date | null;

  /** Read receipts: the highest sequence number each side has seen. */
  @Column({ name: 'citizen_read_seq', type: 'integer', default: 0 })
  citizenReadSeq!: number;

  @Column({ name: 'official_read_seq', type: 'integer', default: 0 })
  officialReadSeq!: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'live_at', type: 'timestamptz', nullable: true })
  liveAt!: Date | null;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;
}
