import { DomainError } from '../common/domain-error.js';
import type { AppointmentStatus } from './appointment-view.types.js';

/**
 * Where an appointment may go from each status. Citizens cancel and check in (booked → arrived); officials mark
 * arrived, fulfilled and no-show; a hold becomes booked when accepted, or expired.
 */
export const NEXT_STATUSES: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  held: ['booked', 'cancelled', 'expired'],
  booked: ['arrived', 'cancelled', 'noshow'],
  arrived: ['fulfilled', 'noshow'],
  fulfilled: [],
  cancelled: [],
  noshow: [],
  expired: [],
};

/** Statuses that occupy the official's time (the exclusion constraint's). */
export const ACTIVE_STATUSES: readonly AppointmentStatus[] = ['held', 'booked', 'arrived'];

/** Throws APPOINTMENT_INVALID_TRANSITION unless `from` may become `to`. */
export function assertMove(from: AppointmentStatus, to: AppointmentStatus): void {
  if (!NEXT_STATUSES[from].includes(to)) {
    throw new DomainError('APPOINTMENT_INVALID_TRANSITION', {}, { from, to, allowed: NEXT_STATUSES[from] });
  }
}
