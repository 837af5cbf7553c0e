import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserAccount } from '../accounts/user-account.entity.js';
import { Consultation } from './consultation.entity.js';

/** Either side's report of the other's conduct, with its reason, for the city to look into. */
@Entity({ name: 'consultation_report' })
@Index('ix_consultation_report_consultation', ['consultationId'])
@Index('ix_consultation_report_at', ['at'])
export class ConsultationReport {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_consultation_report' })
  id!: string;

  @Column({ name: 'consultation_id', type: 'uuid' })
  consultationId!: string;

  @ManyToOne(() => Consultation)
  @JoinColumn({ name: 'consultation_id', foreignKeyConstraintName: 'fk_consultation_report_consultation' })
  consultation?: Consultation;

  /** Null once the reporter erased their account. */
  @Column({ name: 'reporter_id', type: 'uuid', nullable: true })
  reporterId!: string | null;

  @ManyToOne(() => UserAccount)
  @JoinColumn({ name: 'reporter_id', foreignKeyConstraintName: 'fk_consultation_report_reporter' })
  reporter?: UserAccount;

  @Column({ type: 'varchar', length: 500 })
  reason!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;
}
