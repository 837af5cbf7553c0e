import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { UserAccount } from '../accounts/user-account.entity.js';
import type { ConsultationRole } from './consultation-view.types.js';
import { Consultation } from './consultation.entity.js';

/**
 * One message of a consultation: its transcript on the case. The sender's `client_id` is unique per consultation, so
 * a send retried after a lost acknowledgement is stored once.
 */
@Entity({ name: 'consultation_message' })
@Unique('uq_consultation_message_seq', ['consultationId', 'seq'])
@Unique('uq_consultation_message_client', ['consultationId', 'clientId'])
@Check('ck_consultation_message_seq', 'seq > 0')
@Check('ck_consultation_message_author_role', `author_role IN ('citizen', 'official', 'supervisor')`)
@Check('ck_consultation_message_text', 'char_length(text) BETWEEN 1 AND 2000')
export class ConsultationMessage {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_consultation_message' })
  id!: string;

  @Column({ name: 'consultation_id', type: 'uuid' })
  consultationId!: string;

  @ManyToOne(() => Consultation)
  @JoinColumn({ name: 'consultation_id', foreignKeyConstraintName: 'fk_consultation_message_consultation' })
  consultation?: Consultation;

  @Column({ type: 'integer' })
  seq!: number;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId!: string;

  /** Null once a citizen erased their account: the words stay on the city's record, unlinked from the person. */
  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId!: string | null;

  @ManyToOne(() => UserAccount)
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'fk_consultation_message_author' })
  author?: UserAccount;

  @Column({ name: 'author_role', type: 'varchar', length: 16 })
  authorRole!: ConsultationRole;

  @Column({ type: 'varchar', length: 2000 })
  text!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;
}
