import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { UserAccount } from '../accounts/user-account.entity.js';
import { CivicCase } from '../cases/civic-case.entity.js';

import type { ComplaintStatus } from './complaint-view.types.js';

@Entity({ name: 'complaint' })
@Unique('uq_complaint_case', ['caseId'])
@Index('ix_complaint_department_status', ['departmentId', 'status', 'createdAt'])
@Index('ix_complaint_service_status', ['serviceId', 'status'])
@Check('ck_complaint_status', `status IN ('submitted', 'acknowledged', 'in_progress', 'resolved', 'rejected', 'closed')`)
@Check('ck_complaint_description', 'char_length(description) BETWEEN 1 AND 4000')
@Check(
  'ck_complaint_coordinates',
  '(latitude IS NULL) = (longitude IS NULL) AND (latitude IS NULL OR (latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180))',
)
@Index('ix_complaint_assignee', ['assigneeId'])
@Check('ck_complaint_redaction', '(redacted_at IS NULL) = (redaction_reason IS NULL)')
@Check('ck_complaint_location', 'latitude IS NOT NULL OR address IS NOT NULL OR place_id IS NOT NULL OR building_id IS NOT NULL')
@Check('ck_complaint_attributes', `jsonb_typeof(attributes) = 'object'`)
@Check('ck_complaint_media_url', `media_url LIKE 'https://%'`)
export class Complaint {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_complaint' })
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @OneToOne(() => CivicCase)
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_complaint_case' })
  civicCase?: CivicCase;

  /** A complaint service of the city pack; its department is copied so routing survives pack edits. */
  @Column({ name: 'service_id', type: 'varchar', length: 64 })
  serviceId!: string;

  @Column({ name: 'department_id', type: 'varchar', length: 64 })
  departmentId!: string;

  @Column({ type: 'varchar', length: 4000 })
  description!: string;

  @Column({ type: 'double precision', nullable: true })
  latitude!: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude!: number | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  address!: string | null;

  @Column({ name: 'place_id', type: 'varchar', length: 64, nullable: true })
  placeId!: string | null;

  /** A pick in the 3D twin: the building, floor and altitude. */
  @Column({ name: 'building_id', type: 'varchar', length: 64, nullable: true })
  buildingId!: string | null;

  @Column({ type: 'smallint', nullable: true })
  floor!: number | null;

  @Column({ type: 'double precision', nullable: true })
  altitude!: number | null;

  /** For an anonymous filer who wants news; never shown to anyone but officials. */
  @Column({ name: 'contact_email', type: 'varchar', length: 254, nullable: true })
  contactEmail!: string | null;

  /** Answers to the service's questions (the city pack's attributes), by attribute code; checked by complaint-attributes.ts. */
  @Column({ type: 'jsonb', default: {} })
  attributes!: Record<string, string | string[]>;

  /** A photo of the problem, as a link (https only); the city does not fetch or keep the file. */
  @Column({ name: 'media_url', type: 'varchar', length: 2000, nullable: true })
  mediaUrl!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'submitted' })
  status!: ComplaintStatus;

  /** The official of the department handling it, if one has taken it. */
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId!: string | null;

  @ManyToOne(() => UserAccount)
  @JoinColumn({ name: 'assignee_id', foreignKeyConstraintName: 'fk_complaint_assignee' })
  assignee?: UserAccount;

  /** Set when an official redacted abusive content; the reason is kept, the original text is not. */
  @Column({ name: 'redacted_at', type: 'timestamptz', nullable: true })
  redactedAt!: Date | null;

  @Column({ name: 'redaction_reason', type: 'varchar', length: 500, nullable: true })
  redactionReason!: string | null;

  @Column({ name: 'expected_by', type: 'timestamptz' })
  expectedBy!: Date;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
