import { UserAccount } from '../accounts/user-account.entity.js';
import { AuditEvent } from '../audit/audit-event.entity.js';
import { AuthFailure } from '../auth/auth-failure.entity.js';
import { UserSession } from '../auth/user-session.entity.js';
import { CaseNumberCounter } from '../cases/case-number-counter.entity.js';
import { CivicCase } from '../cases/civic-case.entity.js';
import { ComplaintEvent } from '../complaints/complaint-event.entity.js';
import { Complaint } from '../complaints/complaint.entity.js';
import { ConsentRecord } from '../privacy/consent-record.entity.js';

/** Every TypeORM entity of the API. */
export const entities = [
  UserAccount,
  UserSession,
  AuthFailure,
  ConsentRecord,
  AuditEvent,
  CaseNumberCounter,
  CivicCase,
  Complaint,
  ComplaintEvent,
];
