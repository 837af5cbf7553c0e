import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ComplaintStatus } from './complaint-view.types.js';
import { Complaint } from './complaint.entity.js';

/** One step of a complaint's history: the status it reached, with a note public to the filer or internal. */
@Entity({ name: 'complaint_event' })
@Index('ix_complaint_event_complaint', ['complaintId', 'id'])
@Check('ck_complaint_event_status', `status IN ('submitted', 'acknowledged', 'in_progress', 'resolved', 'rejected', 'closed')`)
export class ComplaintEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS', primaryKeyConstraintName: 'pk_complaint_event' })
  id!: string;

  @Column({ name: 'complaint_id', type: 'uuid' })
  complaintId!: string;

  @ManyToOne(() => Complaint)
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'fk_complaint_event_complaint' })
  complaint?: Complaint;

  @Column({ type: 'varchar', length: 16 })
  status!: ComplaintStatus;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  note!: string | null;

  @Column({ name: 'is_public', type: 'boolean' })
  isPublic!: boolean;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;
}
