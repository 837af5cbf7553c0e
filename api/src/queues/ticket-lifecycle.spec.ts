import { canMoveTicket, NEXT_TICKET_STATUSES } from './ticket-lifecycle.js';
import { TICKET_STATUSES } from './queue-view.types.js';

describe('ticket lifecycle', () => {
  test('waiting → called → serving → done, with recall, no-show, transfer and cancel on the way', () => {
    expect(canMoveTicket('waiting', 'called')).toBe(true);
    expect(canMoveTicket('called', 'called')).toBe(true);
    expect(canMoveTicket('called', 'serving')).toBe(true);
    expect(canMoveTicket('serving', 'done')).toBe(true);
    expect(canMoveTicket('called', 'noshow')).toBe(true);
    expect(canMoveTicket('serving', 'transferred')).toBe(true);
    expect(canMoveTicket('waiting', 'serving')).toBe(false);
    expect(canMoveTicket('serving', 'noshow')).toBe(false);
    expect(canMoveTicket('serving', 'cancelled')).toBe(false);
  });

  test('done, no-show, transferred and cancelled are ends', () => {
    const ends = TICKET_STATUSES.filter((status) => NEXT_TICKET_STATUSES[status].length === 0);
    expect(ends).toEqual(['done', 'noshow', 'transferred', 'cancelled']);
  });
});
