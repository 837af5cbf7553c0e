import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserAccount } from '../accounts/user-account.entity.js';

export type WaitlistStatus = 'waiting' | 'offered';

/** A citizen waiting for any time of a service on one day (the city's date); offered the first slot that frees up. */
@Entity({ name: 'appointment_waitlist_entry' })
@Index('uq_appointment_waitlist_waiting', ['serviceId', 'day', 'citizenId'], { unique: true, where: `status = 'waiting'` })
@Index('ix_appointment_waitlist_line', ['serviceId', 'day', 'createdAt'])
@Check('ck_appointment_waitlist_status', `status IN ('waiting', 'offered')`)
export class WaitlistEntry {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_appointment_waitlist_entry' })
  id!: string;

  @Column({ name: 'service_id', type: 'varchar', length: 64 })
  serviceId!: string;

  @Column({ type: 'date' })
  day!: string;

  @Column({ name: 'citizen_id', type: 'uuid' })
  citizenId!: string;

  @ManyToOne(() => UserAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'citizen_id', foreignKeyConstraintName: 'fk_appointment_waitlist_citizen' })
  citizen?: UserAccount;

  @Column({ type: 'varchar', length: 16, default: 'waiting' })
  status!: WaitlistStatus;

  /** The hold made for them when a slot freed up. */
  @Column({ name: 'offered_appointment_id', type: 'uuid', nullable: true })
  offeredAppointmentId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  createdAt!: Date;
}
