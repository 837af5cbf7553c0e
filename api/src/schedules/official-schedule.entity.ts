import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { WorkingHours } from '../city/city-pack.types.js';

/** An admin's weekly schedule for an official of the pack, replacing the pack's. */
@Entity({ name: 'official_schedule' })
export class OfficialSchedule {
  /** The official's id in the city pack, e.g. "park-ji-hyun". */
  @PrimaryColumn({ name: 'official_id', type: 'varchar', length: 64, primaryKeyConstraintName: 'pk_official_schedule' })
  officialId!: string;

  @Column({ name: 'weekly_schedule', type: 'jsonb' })
  weeklySchedule!: WorkingHours[];

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
