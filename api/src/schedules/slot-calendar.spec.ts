import type { WorkingHours } from '../city/city-pack.types.js';
import { daysBetween, freeOf, localDateOf, localDates, scheduleIsValid, scheduleSlots } from './slot-calendar.js';

const iso = (slots: { startsAt: Date; endsAt: Date }[]) => slots.map((slot) => [slot.startsAt.toISOString(), slot.endsAt.toISOString()]);
const nightShift: WorkingHours[] = [{ day: 'sun', start: '01:00', end: '04:00' }];

describe('slots from a weekly schedule in the city time zone', () => {
  test('an ordinary day: the grid from each period start, in local time, ending by the period end', () => {
    const schedule: WorkingHours[] = [
      { day: 'wed', start: '09:00', end: '10:00' },
      { day: 'wed', start: '13:00', end: '14:10' },
    ];
    expect(iso(scheduleSlots(schedule, ['2026-07-01'], 'Asia/Seoul', 30))).toEqual([
      ['2026-07-01T00:00:00.000Z', '2026-07-01T00:30:00.000Z'],
      ['2026-07-01T00:30:00.000Z', '2026-07-01T01:00:00.000Z'],
      ['2026-07-01T04:00:00.000Z', '2026-07-01T04:30:00.000Z'],
      ['2026-07-01T04:30:00.000Z', '2026-07-01T05:00:00.000Z'],
    ]);
    expect(scheduleSlots(schedule, ['2026-07-02'], 'Asia/Seoul', 30)).toEqual([]);
  });

  test('Europe/Berlin spring forward: no slot in the missing hour, every instant right', () => {
    // 29 March 2026, 02:00 CET becomes 03:00 CEST.
    expect(iso(scheduleSlots(nightShift, ['2026-03-29'], 'Europe/Berlin', 30))).toEqual([
      ['2026-03-29T00:00:00.000Z', '2026-03-29T00:30:00.000Z'], // 01:00 CET
      ['2026-03-29T00:30:00.000Z', '2026-03-29T01:00:00.000Z'], // 01:30 CET
      ['2026-03-29T01:00:00.000Z', '2026-03-29T01:30:00.000Z'], // 03:00 CEST
      ['2026-03-29T01:30:00.000Z', '2026-03-29T02:00:00.000Z'], // 03:30 CEST
    ]);
  });

  test('Europe/Berlin fall back: the repeated hour gives no duplicate and no overlap', () => {
    // 25 October 2026, 03:00 CEST becomes 02:00 CET: 02:00–03:00 happens twice; its slots are offered once, the first time.
    const slots = scheduleSlots(nightShift, ['2026-10-25'], 'Europe/Berlin', 30);
    expect(iso(slots)).toEqual([
      ['2026-10-24T23:00:00.000Z', '2026-10-24T23:30:00.000Z'], // 01:00 CEST
      ['2026-10-24T23:30:00.000Z', '2026-10-25T00:00:00.000Z'], // 01:30 CEST
      ['2026-10-25T00:00:00.000Z', '2026-10-25T00:30:00.000Z'], // 02:00 CEST, the first time
      ['2026-10-25T00:30:00.000Z', '2026-10-25T01:00:00.000Z'], // 02:30 CEST
      ['2026-10-25T02:00:00.000Z', '2026-10-25T02:30:00.000Z'], // 03:00 CET
      ['2026-10-25T02:30:00.000Z', '2026-10-25T03:00:00.000Z'], // 03:30 CET
    ]);
    expect(new Set(slots.map((slot) => slot.startsAt.getTime())).size).toBe(slots.length);
    expect(freeOf(slots, slots.slice(0, 1))).toHaveLength(slots.length - 1);
  });

  test('America/New_York: the offsets before and after each change', () => {
    const schedule: WorkingHours[] = [{ day: 'sun', start: '09:00', end: '09:30' }];
    expect(iso(scheduleSlots(schedule, ['2026-03-01', '2026-03-08', '2026-10-25', '2026-11-01'], 'America/New_York', 30))).toEqual([
      ['2026-03-01T14:00:00.000Z', '2026-03-01T14:30:00.000Z'], // EST
      ['2026-03-08T13:00:00.000Z', '2026-03-08T13:30:00.000Z'], // EDT from that morning
      ['2026-10-25T13:00:00.000Z', '2026-10-25T13:30:00.000Z'], // EDT
      ['2026-11-01T14:00:00.000Z', '2026-11-01T14:30:00.000Z'], // EST again
    ]);
    const night: WorkingHours[] = [{ day: 'sun', start: '01:30', end: '03:00' }];
    // 8 March: 02:00 EST becomes 03:00 EDT, so 02:00 and 02:30 do not exist; 01:30 ends at 03:00 EDT.
    expect(iso(scheduleSlots(night, ['2026-03-08'], 'America/New_York', 30))).toEqual([
      ['2026-03-08T06:30:00.000Z', '2026-03-08T07:00:00.000Z'],
    ]);
  });

  test('dates, days between them and the local date of an instant', () => {
    expect(localDates('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(localDates('2026-03-02', '2026-03-01')).toEqual([]);
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(localDateOf(new Date('2026-07-01T16:00:00Z'), 'Asia/Seoul')).toBe('2026-07-02');
    expect(localDateOf(new Date('2026-07-01T16:00:00Z'), 'America/New_York')).toBe('2026-07-01');
  });

  test('a schedule whose hours overlap or run backwards is refused', () => {
    expect(
      scheduleIsValid([
        { day: 'mon', start: '09:00', end: '12:00' },
        { day: 'mon', start: '12:00', end: '18:00' },
      ]),
    ).toBe(true);
    expect(
      scheduleIsValid([
        { day: 'mon', start: '09:00', end: '12:00' },
        { day: 'mon', start: '11:00', end: '18:00' },
      ]),
    ).toBe(false);
    expect(scheduleIsValid([{ day: 'tue', start: '12:00', end: '09:00' }])).toBe(false);
  });
});
