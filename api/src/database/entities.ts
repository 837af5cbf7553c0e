import { UserAccount } from '../accounts/user-account.entity.js';
import { Appointment } from '../appointments/appointment.entity.js';
import { CalendarFeed } from '../appointments/calendar-feed.entity.js';
import { WaitlistEntry } from '../appointments/waitlist-entry.entity.js';
import { AuditEvent } from '../audit/audit-event.entity.js';
import { AccessToken } from '../auth/access-token.entity.js';
import { AuthFailure } from '../auth/auth-failure.entity.js';
import { UserSession } from '../auth/user-session.entity.js';
import { CaseNumberCounter } from '../cases/case-number-counter.entity.js';
import { CivicCase } from '../cases/civic-case.entity.js';
import { ComplaintEvent } from '../complaints/complaint-event.entity.js';
import { ConsultationMessage } from '../consultations/consultation-message.entity.js';
import { ConsultationReport } from '../consultations/consultation-report.entity.js';
import { Consultation } from '../consultations/consultation.entity.js';
import { StoredDocument } from '../documents/stored-document.entity.js';
import { Submission } from '../documents/submission.entity.js';
import { ComplaintFollower } from '../complaints/complaint-follower.entity.js';
import { Complaint } from '../complaints/complaint.entity.js';
import { IdempotencyKey } from '../idempotency/idempotency-key.entity.js';
import { Open311ApiKey } from '../open311/open311-api-key.entity.js';
import { PresenceReport } from '../presence/presence-report.entity.js';
import { ConsentRecord } from '../privacy/consent-record.entity.js';
import { OfficialSchedule } from '../schedules/official-schedule.entity.js';
import { ScheduleException } from '../schedules/schedule-exception.entity.js';
import { QueueCounter } from '../queues/queue-counter.entity.js';
import { QueueTicketSequence } from '../queues/queue-ticket-sequence.entity.js';
import { QueueTicket } from '../queues/queue-ticket.entity.js';

/** Every TypeORM entity of the API. */
export const entities = [
  UserAccount,
  UserSession,
  AuthFailure,
  AccessToken,
  ConsentRecord,
  AuditEvent,
  CaseNumberCounter,
  CivicCase,
  Complaint,
  ComplaintEvent,
  Open311ApiKey,
  ComplaintFollower,
  Appointment,
  WaitlistEntry,
  CalendarFeed,
  OfficialSchedule,
  ScheduleException,
  IdempotencyKey,
  QueueCounter,
  QueueTicketSequence,
  QueueTicket,
  Submission,
  StoredDocument,
  Consultation,
  ConsultationMessage,
  ConsultationReport,
  PresenceReport,
];
