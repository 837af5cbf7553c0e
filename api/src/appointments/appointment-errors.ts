import { QueryFailedError } from 'typeorm';
import { DomainError } from '../common/domain-error.js';

const EXCLUSION_VIOLATION = '23P01';

/**
 * The database's refusal of an overlapping appointment, as the API's answer: the official's time is taken
 * (APPOINTMENT_SLOT_TAKEN), or the citizen has another appointment then. Anything else passes through.
 */
export function asSlotConflict(error: unknown): unknown {
  if (!(error instanceof QueryFailedError)) return error;
  const driverError = error.driverError as { code?: string; constraint?: string; message?: string };
  if (driverError.code !== EXCLUSION_VIOLATION) return error;
  const constraint = driverError.constraint ?? driverError.message ?? '';
  return new DomainError(constraint.includes('ex_appointment_citizen_time') ? 'APPOINTMENT_OVERLAPS_YOURS' : 'APPOINTMENT_SLOT_TAKEN');
}
