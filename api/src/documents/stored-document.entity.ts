import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { UserAccount } from '../accounts/user-account.entity.js';
import { CivicCase } from '../cases/civic-case.entity.js';
import type { DocumentState, RejectionReason } from './document-states.js';
import { Submission } from './submission.entity.js';

/**
 * One uploaded file of a case: a required document of a submission, or an attachment to another case (a complaint).
 * The bytes live in DocumentStorage under `storage_key`, a random name; the original file name is display text only.
 */
@Entity({ name: 'document' })
@Unique('uq_document_storage_key', ['storageKey'])
@Unique('uq_document_upload', ['uploadId'])
@Index('ix_document_case', ['caseId'])
@Index('ix_document_submission', ['submissionId', 'requirementId'])
@Index('ix_document_owner', ['ownerId'])
@Index('ix_document_scan_due', ['nextScanAt'], { where: `state = 'quarantined'` })
@Check('ck_document_state', `state IN ('uploading', 'quarantined', 'ready', 'rejected')`)
@Check('ck_document_requirement', '(submission_id IS NULL) = (requirement_id IS NULL)')
@Check('ck_document_rejection', `(state = 'rejected') = (rejection_reason IS NOT NULL)`)
@Check('ck_document_checked', `state = 'uploading' OR (media_type IS NOT NULL AND size_bytes IS NOT NULL AND sha256 IS NOT NULL)`)
@Check('ck_document_bytes', `state NOT IN ('quarantined', 'ready') OR storage_key IS NOT NULL OR purged_at IS NOT NULL`)
export class StoredDocument {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_document' })
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CivicCase)
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_document_case' })
  civicCase?: CivicCase;

  @Column({ name: 'submission_id', type: 'uuid', nullable: true })
  submissionId!: string | null;

  @ManyToOne(() => Submission, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id', foreignKeyConstraintName: 'fk_document_submission' })
  submission?: Submission;

  /** Which required document of the submission's service this file is. */
  @Column({ name: 'requirement_id', type: 'varchar', length: 64, nullable: true })
  requirementId!: string | null;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId!: string;

  @ManyToOne(() => UserAccount)
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'fk_document_owner' })
  owner?: UserAccount;

  /** The department whose officials may open it, copied from the submission or complaint. */
  @Column({ name: 'department_id', type: 'varchar', length: 64 })
  departmentId!: string;

  @Column({ type: 'varchar', length: 16 })
  state!: DocumentState;

  @Column({ name: 'rejection_reason', type: 'varchar', length: 16, nullable: true })
  rejectionReason!: RejectionReason | null;

  /** The sanitised original name, for display and the download's filename; never a path. */
  @Column({ name: 'original_name', type: 'varchar', length: 255 })
  originalName!: string;

  /** Detected from the bytes, not taken from the client. */
  @Column({ name: 'media_type', type: 'varchar', length: 64, nullable: true })
  mediaType!: string | null;

  @Column({
    name: 'size_bytes',
    type: 'bigint',
    nullable: true,
    transformer: { to: (v: unknown) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  sizeBytes!: number | null;

  @Column({ type: 'bytea', nullable: true })
  sha256!: Buffer | null;

  /** The file's name in DocumentStorage; null while uploading and once the bytes are deleted. */
  @Column({ name: 'storage_key', type: 'varchar', length: 64, nullable: true })
  storageKey!: string | null;

  /** The resumable (tus) upload that is bringing the bytes in. */
  @Column({ name: 'upload_id', type: 'varchar', length: 64, nullable: true })
  uploadId!: string | null;

  @Column({ name: 'scan_attempts', type: 'integer', default: 0 })
  scanAttempts!: number;

  /** When the scanner should (next) look at a quarantined file. */
  @Column({ name: 'next_scan_at', type: 'timestamptz', nullable: true })
  nextScanAt!: Date | null;

  /** When it left quarantine, by the scanner's verdict or an official's release (the audit log says which). */
  @Column({ name: 'checked_at', type: 'timestamptz', nullable: true })
  checkedAt!: Date | null;

  /** When retention or erasure deleted the bytes. */
  @Column({ name: 'purged_at', type: 'timestamptz', nullable: true })
  purgedAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
