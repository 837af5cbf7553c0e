import { UserAccount } from '../accounts/user-account.entity.js';
import { AuditEvent } from '../audit/audit-event.entity.js';
import { AuthFailure } from '../auth/auth-failure.entity.js';
import { UserSession } from '../auth/user-session.entity.js';
import { ConsentRecord } from '../privacy/consent-record.entity.js';

/** Every TypeORM entity of the API. */
export const entities = [UserAccount, UserSession, AuthFailure, ConsentRecord, AuditEvent];
