import { MessageRateLimit } from './message-rate-limit.js';

describe('MessageRateLimit', () => {
  test('allows the limit within the window, refuses more, and allows again as the window slides', () => {
    const limit = new MessageRateLimit(3, 10_000);
    expect([0, 1_000, 2_000, 3_000].map((at) => limit.allow('a', at))).toEqual([true, true, true, false]);
    expect(limit.allow('b', 3_000)).toBe(true);
    expect(limit.allow('a', 10_001)).toBe(true);
    expect(limit.allow('a', 10_002)).toBe(false);
  });
});
