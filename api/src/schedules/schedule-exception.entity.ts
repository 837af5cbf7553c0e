import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Time no appointments are given: one official's leave, or a public holiday for the whole city (no official). */
@Entity({ name: 'schedule_exception' })
@Check('ck_schedule_exception_times', 'ends_at > starts_at')
@Index('ix_schedule_exception_time', ['startsAt', 'endsAt'])
export class ScheduleException {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_schedule_exception' })
  id!: string;

  /** The official's id in the city pack; null for the whole city. */
  @Column({ name: 'official_id', type: 'varchar', length: 64, nullable: true })
  officialId!: string | null;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ type: 'varchar', length: 200 })
  reason!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
