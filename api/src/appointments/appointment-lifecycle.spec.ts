import { DomainError } from '../common/domain-error.js';
import { assertMove } from './appointment-lifecycle.js';

describe('appointment lifecycle', () => {
  test('booked → arrived → fulfilled; a hold is accepted or expires', () => {
    expect(() => assertMove('booked', 'arrived')).not.toThrow();
    expect(() => assertMove('arrived', 'fulfilled')).not.toThrow();
    expect(() => assertMove('held', 'booked')).not.toThrow();
    expect(() => assertMove('held', 'expired')).not.toThrow();
  });

  test('no step out of an end, none backwards; the error says what is allowed', () => {
    for (const [from, to] of [
      ['cancelled', 'booked'],
      ['fulfilled', 'arrived'],
      ['arrived', 'booked'],
      ['booked', 'fulfilled'],
    ] as const) {
      expect(() => assertMove(from, to)).toThrow(DomainError);
    }
    try {
      assertMove('booked', 'fulfilled');
    } catch (error) {
      expect(error).toMatchObject({
        code: 'APPOINTMENT_INVALID_TRANSITION',
        details: { from: 'booked', to: 'fulfilled', allowed: ['arrived', 'cancelled', 'noshow'] },
      });
    }
  });
});
