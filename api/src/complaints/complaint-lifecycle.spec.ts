import { COMPLAINT_STATUSES } from './complaint-view.types.js';
import { canMove, NEXT_STATUSES, OPEN_STATUSES } from './complaint-lifecycle.js';

describe('complaint lifecycle', () => {
  test('follows submitted → acknowledged → in_progress → resolved | rejected | closed', () => {
    expect(canMove('submitted', 'acknowledged')).toBe(true);
    expect(canMove('acknowledged', 'in_progress')).toBe(true);
    expect(canMove('in_progress', 'resolved')).toBe(true);
    expect(canMove('resolved', 'closed')).toBe(true);
    expect(canMove('submitted', 'resolved')).toBe(false);
    expect(canMove('closed', 'in_progress')).toBe(false);
    expect(canMove('in_progress', 'in_progress')).toBe(false);
  });

  test('every status is reachable from submitted and every path ends at closed', () => {
    const reachable = new Set(['submitted']);
    for (let changed = true; changed;) {
      changed = false;
      for (const from of [...reachable])
        for (const to of NEXT_STATUSES[from as keyof typeof NEXT_STATUSES]) if (!reachable.has(to)) changed = reachable.add(to) !== null;
    }
    expect([...reachable].sort()).toEqual([...COMPLAINT_STATUSES].sort());
    expect(NEXT_STATUSES.closed).toEqual([]);
    expect(OPEN_STATUSES).toEqual(['submitted', 'acknowledged', 'in_progress']);
  });
});
