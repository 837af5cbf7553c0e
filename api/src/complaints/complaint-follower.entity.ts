import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { UserAccount } from '../accounts/user-account.entity.js';
import { Complaint } from './complaint.entity.js';

/** Someone following an open complaint: an account, or a signed-out person holding a tracking token. */
@Entity({ name: 'complaint_follower' })
@Unique('uq_complaint_follower_user', ['complaintId', 'userId'])
@Unique('uq_complaint_follower_token', ['trackingTokenHash'])
@Index('ix_complaint_follower_user', ['userId'])
@Check('ck_complaint_follower_who', '(user_id IS NULL) <> (tracking_token_hash IS NULL)')
export class ComplaintFollower {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_complaint_follower' })
  id!: string;

  @Column({ name: 'complaint_id', type: 'uuid' })
  complaintId!: string;

  @ManyToOne(() => Complaint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'fk_complaint_follower_complaint' })
  complaint?: Complaint;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @ManyToOne(() => UserAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_complaint_follower_user' })
  user?: UserAccount;

  /** SHA-256 of the follower's own tracking token, which works without an account. */
  @Column({ name: 'tracking_token_hash', type: 'bytea', nullable: true })
  trackingTokenHash!: Buffer | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
