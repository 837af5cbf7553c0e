import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { UserAccount } from '../accounts/user-account.entity.js';
import { CivicCase } from '../cases/civic-case.entity.js';
import type { TicketStatus } from './queue-view.types.js';

/** A place in a counter's line: a walk-in, or a priority ticket issued on checking in for an appointment. */
@Entity({ name: 'queue_ticket' })
@Unique('uq_queue_ticket_number', ['hallId', 'counterId', 'day', 'sequence'])
@Unique('uq_queue_ticket_token', ['tokenHash'])
@Unique('uq_queue_ticket_transferred_from', ['transferredFromId'])
// One waiting ticket per person per counter: the database holds it against concurrent takes.
@Index('uq_queue_ticket_waiting_holder', ['hallId', 'counterId', 'holderId'], { unique: true, where: `status = 'waiting'` })
@Index('ix_queue_ticket_line', ['hallId', 'counterId', 'status', 'priority', 'queuedAt'])
@Index('ix_queue_ticket_finished', ['hallId', 'counterId', 'finishedAt'])
@Index('ix_queue_ticket_holder', ['holderId'])
@Check('ck_queue_ticket_status', `status IN ('waiting', 'called', 'serving', 'done', 'noshow', 'transferred', 'cancelled')`)
@Check('ck_queue_ticket_sequence', 'sequence > 0')
@Check('ck_queue_ticket_token', `token_hash IS NOT NULL OR status = 'transferred'`)
@Check(
  'ck_queue_ticket_service_seconds',
  `(service_seconds IS NULL) = (status <> 'done') AND (service_seconds IS NULL OR service_seconds >= 0)`,
)
export class QueueTicket {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_queue_ticket' })
  id!: string;

  @Column({ name: 'hall_id', type: 'varchar', length: 64 })
  hallId!: string;

  /** A counter of the city pack's hall. */
  @Column({ name: 'counter_id', type: 'varchar', length: 64 })
  counterId!: string;

  /** A service the counter serves. */
  @Column({ name: 'service_id', type: 'varchar', length: 64 })
  serviceId!: string;

  /** The day of issue in the city's time zone; numbers restart each day. */
  @Column({ type: 'date' })
  day!: string;

  @Column({ type: 'integer' })
  sequence!: number;

  /** e.g. "A-017", as called out and shown on the board. */
  @Column({ type: 'varchar', length: 16 })
  number!: string;

  @Column({ type: 'boolean', default: false })
  priority!: boolean;

  @Column({ type: 'varchar', length: 16, default: 'waiting' })
  status!: TicketStatus;

  /** The account that took it; null for someone signed out, who holds the token instead. */
  @Column({ name: 'holder_id', type: 'uuid', nullable: true })
  holderId!: string | null;

  @ManyToOne(() => UserAccount, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'holder_id', foreignKeyConstraintName: 'fk_queue_ticket_holder' })
  holder?: UserAccount;

  /** SHA-256 of the ticket's token; a transfer moves it to the new ticket, so the holder keeps following. */
  @Column({ name: 'token_hash', type: 'bytea', nullable: true })
  tokenHash!: Buffer | null;

  /** The appointment checked in for; a plain id, so queues do not depend on the appointments' tables. */
  @Column({ name: 'appointment_id', type: 'uuid', nullable: true })
  appointmentId!: string | null;

  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId!: string | null;

  @ManyToOne(() => CivicCase)
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_queue_ticket_case' })
  civicCase?: CivicCase;

  /** For a ticket made by a transfer: the ticket it replaced. */
  @Column({ name: 'transferred_from_id', type: 'uuid', nullable: true })
  transferredFromId!: string | null;

  @OneToOne(() => QueueTicket)
  @JoinColumn({ name: 'transferred_from_id', foreignKeyConstraintName: 'fk_queue_ticket_transferred_from' })
  transferredFrom?: QueueTicket;

  /**
   * Its place in line: the moment of issue, kept through a transfer. The clock at the insert, not the start of the
   * transaction, since issues wait for the counter's lock: the order in line is then the order of the numbers.
   */
  @Column({ name: 'queued_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  queuedAt!: Date;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'called_at', type: 'timestamptz', nullable: true })
  calledAt!: Date | null;

  @Column({ name: 'serving_at', type: 'timestamptz', nullable: true })
  servingAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  /** From serving to done; the mean of a counter's last 20 sets its estimates. */
  @Column({ name: 'service_seconds', type: 'integer', nullable: true })
  serviceSeconds!: number | null;
}
