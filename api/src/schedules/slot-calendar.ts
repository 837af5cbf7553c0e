import { DateTime, IANAZone } from 'luxon';
import type { Weekday, WorkingHours } from '../city/city-pack.types.js';

/** A span of time between two instants; the end is excluded. */
export interface TimeRange {
  startsAt: Date;
  endsAt: Date;
}

const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

const minutesOf = (time: string): number => {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
};

/** Every local date from `from` to `to` (YYYY-MM-DD), both included. */
export function localDates(from: string, to: string): string[] {
  const dates: string[] = [];
  const last = DateTime.fromISO(to, { zone: 'utc' });
  for (let day = DateTime.fromISO(from, { zone: 'utc' }); day <= last; day = day.plus({ days: 1 })) dates.push(day.toISODate() ?? '');
  return dates;
}

/** The number of days from `from` to `to`, both YYYY-MM-DD: 0 for the same day, negative when `to` comes first. */
export function daysBetween(from: string, to: string): number {
  return DateTime.fromISO(to, { zone: 'utc' }).diff(DateTime.fromISO(from, { zone: 'utc' }), 'days').days;
}

/** A date (YYYY-MM-DD) some days later (or earlier). */
export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate() ?? date;
}

/** The instants that bound local dates in a zone: the start of `from` to the start of the day after `to`. */
export function dayBounds(from: string, to: string, timeZone: string): TimeRange {
  return {
    startsAt: DateTime.fromISO(from, { zone: timeZone }).startOf('day').toJSDate(),
    endsAt: DateTime.fromISO(to, { zone: timeZone }).plus({ days: 1 }).startOf('day').toJSDate(),
  };
}

/** The date (YYYY-MM-DD) an instant falls on in a time zone. */
export function localDateOf(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toISODate() ?? '';
}

/**
 * The slots a weekly schedule gives on some local dates, in a time zone. Slots lie on the wall-clock grid of each
 * working period (its start, then every `durationMinutes`), and each must end by the period's end. Across a DST
 * change the grid stays on the wall clock: a time that does not exist that day (the hour skipped in spring) has no
 * slot, and a time that happens twice (the hour repeated in autumn) has one slot, at its first occurrence.
 */
export function scheduleSlots(
  schedule: readonly WorkingHours[],
  dates: readonly string[],
  timeZone: string,
  durationMinutes: number,
): TimeRange[] {
  const slots: TimeRange[] = [];
  const zone = IANAZone.create(timeZone);
  for (const date of dates) {
    const [year = 0, month = 1, dayOfMonth = 1] = date.split('-').map(Number);
    const midnight = Date.UTC(year, month - 1, dayOfMonth);
    // A local date's weekday is the same in every zone.
    const weekday = WEEKDAYS[(new Date(midnight).getUTCDay() + 6) % 7];
    const instantOf = wallClockOf(midnight, zone);
    for (const hours of schedule.filter((candidate) => candidate.day === weekday)) {
      const [start, end] = [minutesOf(hours.start), minutesOf(hours.end)];
      const periodEnd = instantOf(end) ?? DateTime.fromISO(date, { zone }).set(wallClock(end)).toMillis();
      for (let minute = start; minute + durationMinutes <= end; minute += durationMinutes) {
        const start = instantOf(minute);
        if (start === null) continue;
        const endsAt = start + durationMinutes * MINUTE_MS;
        if (endsAt > periodEnd) continue;
        slots.push({ startsAt: new Date(start), endsAt: new Date(endsAt) });
      }
    }
  }
  return slots.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

const wallClock = (minute: number) => ({ hour: Math.floor(minute / 60), minute: minute % 60, second: 0, millisecond: 0 });

/**
 * The instants (epoch ms) of the local times of `day`, by minutes past midnight. Most days keep one offset from the
 * day before to the day after: then every local time is that offset away, and the zone (slow to ask, through Intl)
 * is asked twice per day instead of several times per slot. Days near a DST change take the exact path.
 */
function wallClockOf(midnight: number, zone: IANAZone): (minute: number) => number | null {
  const before = zone.offset(midnight - DAY_MS);
  const after = zone.offset(midnight + 2 * DAY_MS);
  if (before === after) return (minute) => midnight + (minute - before) * MINUTE_MS;
  return (minute) => firstOccurrence(midnight + minute * MINUTE_MS, zone);
}

/**
 * The first instant whose local time in the zone is the wall time `wall` (as UTC ms), or null when that local time
 * does not exist (skipped by a DST change). An instant t shows the local time t + offset(t); the offsets around
 * the day are the only candidates.
 */
function firstOccurrence(wall: number, zone: IANAZone): number | null {
  const offsets = new Set([-DAY_MS, 0, DAY_MS].map((shift) => zone.offset(wall + shift)));
  const instants = [...offsets]
    .map((offset) => wall - offset * MINUTE_MS)
    .filter((instant) => instant + zone.offset(instant) * MINUTE_MS === wall);
  return instants.length === 0 ? null : Math.min(...instants);
}

/** The slots that overlap none of the busy ranges. */
export function freeOf(slots: readonly TimeRange[], busy: readonly TimeRange[]): TimeRange[] {
  return slots.filter((slot) => !busy.some((range) => range.startsAt < slot.endsAt && slot.startsAt < range.endsAt));
}

/** Whether a weekly schedule has hours that overlap on a day or end before they start. */
export function scheduleIsValid(schedule: readonly WorkingHours[]): boolean {
  return WEEKDAYS.every((day) => {
    const periods = schedule
      .filter((hours) => hours.day === day)
      .map((hours) => [minutesOf(hours.start), minutesOf(hours.end)] as const)
      .sort((a, b) => a[0] - b[0]);
    return periods.every(([start, end], index) => start < end && (index === 0 || (periods[index - 1]?.[1] ?? 0) <= start));
  });
}
