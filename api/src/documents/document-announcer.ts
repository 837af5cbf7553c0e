import { Injectable } from '@nestjs/common';
import { LiveEventsService } from '../live/live-events.service.js';
import { departmentRoom, personRoom } from '../live/live-rooms.js';
import type { DocumentView, SubmissionView } from './document-view.types.js';

/** Tells the owner and the department's officials, live, that a file or a submission changed. Called after commit. */
@Injectable()
export class DocumentAnnouncer {
  constructor(private readonly live: LiveEventsService) {}

  document(document: DocumentView, ownerId: string, departmentId: string): void {
    this.live.publish([personRoom(ownerId), departmentRoom(departmentId)], 'document.state', {
      id: document.id,
      caseId: document.caseId,
      submissionId: document.submissionId,
      requirementId: document.requirementId,
      state: document.state,
      rejectionReason: document.rejectionReason,
      updatedAt: document.updatedAt,
    });
  }

  submission(submission: SubmissionView, ownerId: string): void {
    const staffMaySee = submission.state !== 'draft';
    this.live.publish([personRoom(ownerId), ...(staffMaySee ? [departmentRoom(submission.departmentId)] : [])], 'submission.updated', {
      id: submission.id,
      caseNumber: submission.caseNumber,
      serviceId: submission.serviceId,
      state: submission.state,
      reviewReason: submission.reviewReason,
      updatedAt: submission.updatedAt,
    });
  }
}
