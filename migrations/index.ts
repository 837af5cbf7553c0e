import { InitialSchema1764000000000 } from './1764000000000-InitialSchema.js';
import { IdentityAuditPrivacy1764000001000 } from './1764000001000-IdentityAuditPrivacy.js';
import { CasesAndComplaints1764000002000 } from './1764000002000-CasesAndComplaints.js';
import { ComplaintAssignmentModeration1764000003000 } from './1764000003000-ComplaintAssignmentModeration.js';

/** Every migration, oldest first. `npm run migration:generate` appends here. */
export const migrations = [
  InitialSchema1764000000000,
  IdentityAuditPrivacy1764000001000,
  CasesAndComplaints1764000002000,
  ComplaintAssignmentModeration1764000003000,
];
