import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserAccount } from '../accounts/user-account.entity.js';

/** An official's private calendar feed: a secret URL, stored as the SHA-256 of its token, until revoked. */
@Entity({ name: 'calendar_feed' })
@Index('uq_calendar_feed_token', ['tokenHash'], { unique: true })
@Index('uq_calendar_feed_active', ['ownerId'], { unique: true, where: 'revoked_at IS NULL' })
export class CalendarFeed {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_calendar_feed' })
  id!: string;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId!: string;

  @ManyToOne(() => UserAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'fk_calendar_feed_owner' })
  owner?: UserAccount;

  @Column({ name: 'token_hash', type: 'bytea' })
  tokenHash!: Buffer;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
