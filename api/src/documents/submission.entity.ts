import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { UserAccount } from '../accounts/user-account.entity.js';
import { CivicCase } from '../cases/civic-case.entity.js';
import type { SubmissionState } from './document-states.js';

/** A citizen's application to a document service of the city pack: a case of its own, the files it asks for, a review. */
@Entity({ name: 'submission' })
@Unique('uq_submission_case', ['caseId'])
@Index('ix_submission_owner', ['ownerId', 'createdAt'])
@Index('ix_submission_department_state', ['departmentId', 'state', 'createdAt'])
@Check('ck_submission_state', `state IN ('draft', 'submitted', 'in_review', 'approved', 'rejected', 'needs_more')`)
@Check('ck_submission_decided', `(state IN ('approved', 'rejected')) = (decided_at IS NOT NULL)`)
export class Submission {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_submission' })
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @OneToOne(() => CivicCase)
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_submission_case' })
  civicCase?: CivicCase;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId!: string;

  @ManyToOne(() => UserAccount)
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'fk_submission_owner' })
  owner?: UserAccount;

  /** A document service of the city pack; its department is copied so routing survives pack edits. */
  @Column({ name: 'service_id', type: 'varchar', length: 64 })
  serviceId!: string;

  @Column({ name: 'department_id', type: 'varchar', length: 64 })
  departmentId!: string;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  state!: SubmissionState;

  /** The official's reason for the last review step, shown to the citizen. */
  @Column({ name: 'review_reason', type: 'varchar', length: 1000, nullable: true })
  reviewReason!: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  /** When it was approved or rejected: the retention period of its files counts from here. */
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
