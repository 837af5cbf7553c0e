import { formatOffset, isoInZone, offsetMinutes } from './zoned-time.js';

describe('clock time in a city time zone', () => {
  test('ISO 8601 with the zone offset of that instant, before and after a DST change', () => {
    expect(isoInZone(new Date('2026-11-24T07:05:09.750Z'), 'Asia/Seoul')).toBe('2026-11-24T16:05:09+09:00');
    expect(isoInZone(new Date('2026-03-08T06:59:59Z'), 'America/New_York')).toBe('2026-03-08T01:59:59-05:00');
    expect(isoInZone(new Date('2026-03-08T07:00:00Z'), 'America/New_York')).toBe('2026-03-08T03:00:00-04:00');
    expect(isoInZone(new Date('2026-01-01T00:00:00Z'), 'Asia/Kolkata')).toBe('2026-01-01T05:30:00+05:30');
  });

  test('the offset alone, and the same answers when zones alternate (formatters are kept per zone)', () => {
    expect(offsetMinutes('Asia/Dubai', new Date('2026-06-01T00:00:00Z'))).toBe(240);
    expect(offsetMinutes('America/New_York', new Date('2026-06-01T00:00:00Z'))).toBe(-240);
    expect(formatOffset(-300)).toBe('-05:00');
    const instant = new Date('2026-07-01T12:00:00Z');
    const answers = ['Asia/Seoul', 'Europe/Berlin', 'Asia/Seoul', 'Europe/Berlin'].map((zone) => isoInZone(instant, zone));
    expect(answers).toEqual([
      '2026-07-01T21:00:00+09:00',
      '2026-07-01T14:00:00+02:00',
      '2026-07-01T21:00:00+09:00',
      '2026-07-01T14:00:00+02:00',
    ]);
  });
});
