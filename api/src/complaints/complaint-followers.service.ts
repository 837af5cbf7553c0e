import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { UserAccount } from '../accounts/user-account.entity.js';
import { AuditService, type AuditContext } from '../audit/audit.service.js';
import { newTrackingToken } from '../cases/cases.service.js';
import { CivicCase } from '../cases/civic-case.entity.js';
import { DomainError } from '../common/domain-error.js';
import { sha256 } from '../common/sha256.js';
import { isOpen } from './complaint-lifecycle.js';
import { ComplaintFollower } from './complaint-follower.entity.js';
import { Complaint } from './complaint.entity.js';

/** Signed in, the complaint joins the person's list; signed out, they get a tracking token of their own. */
export type FollowResult = { following: true } | { trackingToken: string };

/** Following an open complaint instead of filing the same problem again. */
@Injectable()
export class ComplaintFollowersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async follow(complaintId: string, person: UserAccount | undefined, context: AuditContext): Promise<FollowResult> {
    return this.dataSource.transaction(async (manager) => {
      // A share lock keeps the complaint from closing between the check and the insert.
      const complaint = await manager.getRepository(Complaint).findOne({ where: { id: complaintId }, lock: { mode: 'pessimistic_read' } });
      if (!complaint) throw new DomainError('NOT_FOUND');
      if (!isOpen(complaint.status)) throw new DomainError('COMPLAINT_NOT_OPEN', {}, { status: complaint.status });
      const followers = manager.getRepository(ComplaintFollower);
      let result: FollowResult;
      if (person) {
        // The filer already sees it; following twice changes nothing.
        const civicCase = await manager.getRepository(CivicCase).findOneByOrFail({ id: complaint.caseId });
        if (civicCase.ownerId !== person.id) await followers.upsert({ complaintId, userId: person.id }, ['complaintId', 'userId']);
        result = { following: true };
      } else {
        const trackingToken = newTrackingToken();
        await followers.insert({ complaintId, trackingTokenHash: sha256(trackingToken) });
        result = { trackingToken };
      }
      await this.audit.record(context, { action: 'complaint.followed', objectType: 'complaint', objectId: complaintId }, manager);
      return result;
    });
  }

  async unfollow(complaintId: string, person: UserAccount, context: AuditContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const removed = await manager.getRepository(ComplaintFollower).delete({ complaintId, userId: person.id });
      if (!removed.affected) throw new DomainError('NOT_FOUND');
      await this.audit.record(context, { action: 'complaint.unfollowed', objectType: 'complaint', objectId: complaintId }, manager);
    });
  }

  async isFollowing(complaintId: string, userId: string): Promise<boolean> {
    return this.dataSource.getRepository(ComplaintFollower).existsBy({ complaintId, userId });
  }

  /** The complaint a follower's tracking token belongs to, if any. */
  async complaintOfToken(token: string): Promise<string | null> {
    const follower = await this.dataSource.getRepository(ComplaintFollower).findOneBy({ trackingTokenHash: sha256(token) });
    return follower?.complaintId ?? null;
  }

  /** How many people follow each complaint, for officials weighing what to take first. */
  async counts(complaintIds: string[]): Promise<Map<string, number>> {
    if (complaintIds.length === 0) return new Map();
    const rows = await this.dataSource.query<{ complaintId: string; count: number }[]>(
      `SELECT complaint_id AS "complaintId", count(*)::int AS count FROM complaint_follower WHERE complaint_id = ANY($1) GROUP BY complaint_id`,
      [complaintIds],
    );
    return new Map(rows.map((row) => [row.complaintId, row.count]));
  }

  /** Accounts following the complaint, to tell them of a change. */
  async followerIds(complaintId: string): Promise<string[]> {
    const rows = await this.dataSource.getRepository(ComplaintFollower).find({ where: { complaintId }, select: { userId: true } });
    return rows.flatMap((row) => (row.userId ? [row.userId] : []));
  }

  /** On erasure of an account: it follows nothing any more. */
  async forget(manager: EntityManager, userId: string): Promise<void> {
    await manager.getRepository(ComplaintFollower).delete({ userId });
  }
}
