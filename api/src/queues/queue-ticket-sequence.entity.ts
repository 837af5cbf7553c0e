import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** The last ticket number given per counter and day (in the city's time zone); advanced atomically by an upsert. */
@Entity({ name: 'queue_ticket_sequence' })
@Check('ck_queue_ticket_sequence_positive', 'last_value > 0')
export class QueueTicketSequence {
  @PrimaryColumn({ name: 'hall_id', type: 'varchar', length: 64, primaryKeyConstraintName: 'pk_queue_ticket_sequence' })
  hallId!: string;

  @PrimaryColumn({ name: 'counter_id', type: 'varchar', length: 64, primaryKeyConstraintName: 'pk_queue_ticket_sequence' })
  counterId!: string;

  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_queue_ticket_sequence' })
  day!: string;

  @Column({ name: 'last_value', type: 'integer' })
  lastValue!: number;
}
