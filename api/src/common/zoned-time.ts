/**
 * Clock time in a city's time zone, through Intl alone. Pure, with no imports, so that the portal shares it with
 * the API rather than writing it again.
 */

/** One formatter per zone, kept: building one costs far more than formatting (a list of 1,000 Open311 requests formats thousands of dates). */
const clocks = new Map<string, Intl.DateTimeFormat>();

function clock(timeZone: string): Intl.DateTimeFormat {
  let format = clocks.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    clocks.set(timeZone, format);
  }
  return format;
}

const twoDigits = (value: number) => String(value).padStart(2, '0');

/** How far `timeZone`'s clocks are ahead of UTC at `instant`, in minutes. */
export function offsetMinutes(timeZone: string, instant: Date): number {
  const parts = clock(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((candidate) => candidate.type === type)?.value ?? 0);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return Math.round((wall - instant.getTime()) / 60_000);
}

/** An offset in minutes as ISO 8601 writes it: 540 → "+09:00", -300 → "-05:00". */
export function formatOffset(minutes: number): string {
  const size = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${twoDigits(Math.floor(size / 60))}:${twoDigits(size % 60)}`;
}

/** ISO 8601 with the zone's own offset at that instant: 2026-11-24T16:05:09+09:00. */
export function isoInZone(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    clock(timeZone)
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  ) as Record<Intl.DateTimeFormatPartTypes, string>;
  // The wall clock just read gives the offset too: no second formatting.
  const wall = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  const offset = Math.round((wall - date.getTime()) / 60_000);
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${formatOffset(offset)}`;
}
