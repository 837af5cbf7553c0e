import { InitialSchema1764000000000 } from './1764000000000-InitialSchema.js';
import { IdentityAuditPrivacy1764000001000 } from './1764000001000-IdentityAuditPrivacy.js';
import { CasesAndComplaints1764000002000 } from './1764000002000-CasesAndComplaints.js';
import { ComplaintAssignmentModeration1764000003000 } from './1764000003000-ComplaintAssignmentModeration.js';
import { Open3111764000004000 } from './1764000004000-Open311.js';
import { ComplaintFollowers1764000005000 } from './1764000005000-ComplaintFollowers.js';
import { Appointments1764000006000 } from './1764000006000-Appointments.js';
import { Queues1764000007000 } from './1764000007000-Queues.js';
import { Documents1764000008000 } from './1764000008000-Documents.js';
import { AccessTokens1764000009000 } from './1764000009000-AccessTokens.js';
import { Consultations1764000010000 } from './1764000010000-Consultations.js';
import { PresenceReports1764000011000 } from './1764000011000-PresenceReports.js';
import { DeclinedHolds1764000012000 } from './1764000012000-DeclinedHolds.js';
import { OfficialAccounts1764000013000 } from './1764000013000-OfficialAccounts.js';
import { ReportsOutliveErasure1764000014000 } from './1764000014000-ReportsOutliveErasure.js';

/** Every migration, oldest first. `npm run migration:generate` appends here. */
export const migrations = [
  InitialSchema1764000000000,
  IdentityAuditPrivacy1764000001000,
  CasesAndComplaints1764000002000,
  ComplaintAssignmentModeration1764000003000,
  Open3111764000004000,
  ComplaintFollowers1764000005000,
  Appointments1764000006000,
  Queues1764000007000,
  Documents1764000008000,
  AccessTokens1764000009000,
  Consultations1764000010000,
  PresenceReports1764000011000,
  DeclinedHolds1764000012000,
  OfficialAccounts1764000013000,
  ReportsOutliveErasure1764000014000,
];
