import { Check, Column, Entity, Exclusion, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { UserAccount } from '../accounts/user-account.entity.js';
import { CivicCase } from '../cases/civic-case.entity.js';
import type { AppointmentMode, AppointmentStatus } from './appointment-view.types.js';

/**
 * A citizen's time with an official. The exclusion constraints are the last line against double-booking: an
 * official's held, booked and arrived appointments never overlap, nor a citizen's booked and arrived ones.
 */
@Entity({ name: 'appointment' })
@Exclusion(
  'ex_appointment_official_time',
  `USING gist ("official_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&) WHERE (status IN ('held', 'booked', 'arrived'))`,
)
@Exclusion(
  'ex_appointment_citizen_time',
  `USING gist ("citizen_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&) WHERE (status IN ('booked', 'arrived'))`,
)
@Check('ck_appointment_status', `status IN ('held', 'booked', 'arrived', 'fulfilled', 'cancelled', 'noshow', 'expired')`)
@Check('ck_appointment_mode', `mode IN ('in_person', 'virtual')`)
@Check('ck_appointment_times', 'ends_at > starts_at')
@Check('ck_appointment_hold', `status <> 'held' OR hold_expires_at IS NOT NULL`)
@Check('ck_appointment_case', `case_id IS NOT NULL OR (hold_expires_at IS NOT NULL AND status IN ('held', 'expired', 'cancelled'))`)
@Index('ix_appointment_citizen', ['citizenId', 'startsAt'])
@Index('ix_appointment_department', ['departmentId', 'startsAt'])
export class Appointment {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_appointment' })
  id!: string;

  /** The case it hangs on; a waitlist hold gets one when accepted. */
  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId!: string | null;

  @ManyToOne(() => CivicCase)
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_appointment_case' })
  civicCase?: CivicCase;

  @Column({ name: 'citizen_id', type: 'uuid' })
  citizenId!: string;

  @ManyToOne(() => UserAccount)
  @JoinColumn({ name: 'citizen_id', foreignKeyConstraintName: 'fk_appointment_citizen' })
  citizen?: UserAccount;

  /** Ids of the city pack: the appointment service, its department, the official and their counter. */
  @Column({ name: 'service_id', type: 'varchar', length: 64 })
  serviceId!: string;

  @Column({ name: 'department_id', type: 'varchar', length: 64 })
  departmentId!: string;

  @Column({ name: 'official_id', type: 'varchar', length: 64 })
  officialId!: string;

  @Column({ name: 'counter_id', type: 'varchar', length: 64 })
  counterId!: string;

  @Column({ type: 'varchar', length: 16 })
  mode!: AppointmentMode;

  @Column({ type: 'varchar', length: 16 })
  status!: AppointmentStatus;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  /** Until when a waitlist offer is kept: set on every hold (and kept when it expires). */
  @Column({ name: 'hold_expires_at', type: 'timestamptz', nullable: true })
  holdExpiresAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Counts changes, for calendar clients (SEQUENCE). */
  @Column({ type: 'integer', default: 0 })
  revision!: number;
}
