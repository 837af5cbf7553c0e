import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserAccount } from '../accounts/user-account.entity.js';

/**
 * The live state of one counter of the city pack's hall: open or closed, and who opened it. The row is made on
 * first use and is what a ticket's issue locks, so a counter's line and numbers change one ticket at a time.
 */
@Entity({ name: 'queue_counter' })
@Check('ck_queue_counter_open', 'is_open OR (official_id IS NULL AND opened_at IS NULL)')
export class QueueCounter {
  @PrimaryColumn({ name: 'hall_id', type: 'varchar', length: 64, primaryKeyConstraintName: 'pk_queue_counter' })
  hallId!: string;

  @PrimaryColumn({ name: 'counter_id', type: 'varchar', length: 64, primaryKeyConstraintName: 'pk_queue_counter' })
  counterId!: string;

  @Column({ name: 'is_open', type: 'boolean', default: false })
  isOpen!: boolean;

  /** The official who opened it. */
  @Column({ name: 'official_id', type: 'uuid', nullable: true })
  officialId!: string | null;

  @ManyToOne(() => UserAccount, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'official_id', foreignKeyConstraintName: 'fk_queue_counter_official' })
  official?: UserAccount;

  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true })
  openedAt!: Date | null;
}
