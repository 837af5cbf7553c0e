import { counterLetter, estimatedWaitMinutes, ticketNumber } from './queue-estimates.js';

describe('queue estimates and numbers', () => {
  test('the wait is the position times the recent mean service time, rounded up', () => {
    expect(estimatedWaitMinutes(3, 150, 10)).toBe(8);
    expect(estimatedWaitMinutes(1, 30, 10)).toBe(1);
  });

  test('without recent services the expected length of the service stands in', () => {
    expect(estimatedWaitMinutes(4, null, 20)).toBe(80);
  });

  test('counters are lettered by their place in the hall; numbers have three digits at least', () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(counterLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA']);
    expect(ticketNumber('A', 17)).toBe('A-017');
    expect(ticketNumber('C', 1204)).toBe('C-1204');
  });
});
