import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '../common/error-responder.js';
import { DataSource } from 'typeorm';
import { CivicCase } from '../cases/civic-case.entity.js';
import { LiveEventsService } from '../live/live-events.service.js';
import { departmentRoom, personRoom } from '../live/live-rooms.js';
import { ComplaintFollowersService } from './complaint-followers.service.js';
import type { ComplaintView } from './complaint-view.types.js';
import { Complaint } from './complaint.entity.js';

/** Holders of a tracking token who asked to watch the complaint (`watch` of kind `complaint`). */
export const trackedComplaintRoom = (complaintId: string): string => `complaint:${complaintId}`;

/** Tells those concerned, live, that a complaint arrived or changed. Called after the change has committed. */
@Injectable()
export class ComplaintAnnouncer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly followers: ComplaintFollowersService,
    private readonly live: LiveEventsService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  filed(complaint: ComplaintView): void {
    this.live.publish([departmentRoom(complaint.departmentId)], 'complaint.filed', {
      id: complaint.id,
      caseNumber: complaint.caseNumber,
      serviceId: complaint.serviceId,
      createdAt: complaint.createdAt,
    });
  }

  /** To the department, the filer and followers with accounts, and token holders watching it. Never throws: the change stands. */
  async updated(complaint: ComplaintView): Promise<void> {
    try {
      await this.tellConcerned(complaint);
    } catch (error) {
      this.logger.warn({ err: (error as Error).message, complaintId: complaint.id }, 'complaint update not announced');
    }
  }

  private async tellConcerned(complaint: ComplaintView): Promise<void> {
    const caseId = (await this.dataSource.getRepository(Complaint).findOneBy({ id: complaint.id }))?.caseId;
    const ownerId = caseId ? (await this.dataSource.getRepository(CivicCase).findOneBy({ id: caseId }))?.ownerId : null;
    const people = [...(ownerId ? [ownerId] : []), ...(await this.followers.followerIds(complaint.id))];
    this.live.publish(
      [departmentRoom(complaint.departmentId), trackedComplaintRoom(complaint.id), ...people.map(personRoom)],
      'complaint.updated',
      {
        id: complaint.id,
        caseNumber: complaint.caseNumber,
        status: complaint.status,
        updatedAt: complaint.updatedAt,
      },
    );
  }
}
