import type { ComplaintStatus } from './complaint-view.types.js';

/**
 * Where a complaint may go from each status. A resolved complaint may be reopened (in_progress) when the fix
 * did not hold; closed is the end.
 */
export const NEXT_STATUSES: Record<ComplaintStatus, readonly ComplaintStatus[]> = {
  submitted: ['acknowledged', 'rejected'],
  acknowledged: ['in_progress', 'rejected'],
  in_progress: ['resolved', 'rejected'],
  resolved: ['closed', 'in_progress'],
  rejected: ['closed'],
  closed: [],
};

/** Open311's two states: open while the city is still on it. */
export const OPEN_STATUSES: readonly ComplaintStatus[] = ['submitted', 'acknowledged', 'in_progress'];

export function isOpen(status: ComplaintStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

export function canMove(from: ComplaintStatus, to: ComplaintStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
}
