import { DateTime } from 'luxon';

/** One VEVENT of a calendar file. Times are instants; the file shows them in the city's zone. */
export interface CalendarEvent {
  uid: string;
  /** When this version of the event was made: the appointment's last change. */
  stamp: Date;
  startsAt: Date;
  endsAt: Date;
  summary: string;
  location: string;
  description: string;
  status: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
  /** Grows with each change, so clients replace their copy. */
  sequence: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const encoder = new TextEncoder();

/**
 * An RFC 5545 calendar (METHOD:PUBLISH) of events in one IANA time zone, with the VTIMEZONE that zone needs for
 * the years of the events: CRLF line ends, lines folded at 75 octets, text escaped.
 */
export function calendarFile(events: readonly CalendarEvent[], timeZone: string, name: string): string {
  const years = events.flatMap((event) => [event.startsAt.getUTCFullYear(), event.endsAt.getUTCFullYear()]);
  const now = new Date().getUTCFullYear();
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Civicverse//Appointments//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
    `X-WR-TIMEZONE:${timeZone}`,
    ...timeZoneLines(timeZone, Math.min(now, ...years), Math.max(now, ...years) + 1),
    ...events.flatMap((event) => eventLines(event, timeZone)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

function eventLines(event: CalendarEvent, timeZone: string): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${utcStamp(event.stamp)}`,
    `DTSTART${dateTime(event.startsAt, timeZone)}`,
    `DTEND${dateTime(event.endsAt, timeZone)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `LOCATION:${escapeText(event.location)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    `STATUS:${event.status}`,
    `SEQUENCE:${event.sequence}`,
    'END:VEVENT',
  ];
}

/** TEXT values: backslash, semicolon and comma escaped, line breaks as \n. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line into lines of at most 75 octets, never splitting a UTF-8 character; continuations start with a space. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const utcStamp = (instant: Date): string =>
  instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/**
 * A DATE-TIME property's parameters and value: local time with TZID, except in the hour a DST change repeats,
 * where the local time names two instants (RFC 5545 means the first; some clients read the second), so UTC.
 */
function dateTime(instant: Date, timeZone: string): string {
  const local = DateTime.fromJSDate(instant, { zone: timeZone });
  const wall = instant.getTime() + local.offset * MINUTE_MS;
  const offsets = new Set([-DAY_MS, DAY_MS].map((shift) => offsetAt(instant.getTime() + shift, timeZone)));
  const ambiguous = [...offsets].some(
    (offset) => offset !== local.offset && wall - offset * MINUTE_MS + offsetAt(wall - offset * MINUTE_MS, timeZone) * MINUTE_MS === wall,
  );
  return ambiguous ? `:${utcStamp(instant)}` : `;TZID=${timeZone}:${local.toFormat("yyyyMMdd'T'HHmmss")}`;
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  return `${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}${String(absolute % 60).padStart(2, '0')}`;
}

const offsetAt = (instant: number, timeZone: string): number => DateTime.fromMillis(instant, { zone: timeZone }).offset;

/** The instants in [from, to) where the zone's UTC offset changes, to the minute, with the offsets around them. */
export function offsetChanges(timeZone: string, from: number, to: number): { at: number; from: number; to: number }[] {
  const changes: { at: number; from: number; to: number }[] = [];
  let previous = offsetAt(from, timeZone);
  for (let day = from + DAY_MS; day < to + DAY_MS; day += DAY_MS) {
    const offset = offsetAt(day, timeZone);
    if (offset === previous) continue;
    // Zones change on a whole minute: search the day for the first minute of the new offset.
    let before = (day - DAY_MS) / MINUTE_MS;
    let after = day / MINUTE_MS;
    while (after - before > 1) {
      const middle = Math.floor((before + after) / 2);
      if (offsetAt(middle * MINUTE_MS, timeZone) === previous) before = middle;
      else after = middle;
    }
    changes.push({ at: after * MINUTE_MS, from: previous, to: offset });
    previous = offset;
  }
  return changes;
}

/**
 * The VTIMEZONE of an IANA zone for the years `fromYear` to `toYear`: the offset in force on 1 January of the first
 * year, then one STANDARD or DAYLIGHT observance per change (explicit dates rather than rules, which stay right
 * even when a zone's rules changed over the years). A zone without DST is one STANDARD observance.
 */
export function timeZoneLines(timeZone: string, fromYear: number, toYear: number): string[] {
  const start = DateTime.fromObject({ year: fromYear, month: 1, day: 1 }, { zone: timeZone });
  const end = DateTime.fromObject({ year: toYear + 1, month: 1, day: 1 }, { zone: timeZone }).toMillis();
  const changes = offsetChanges(timeZone, start.toMillis(), end);
  const observance = (at: number, from: number, to: number): string[] => {
    const local = DateTime.fromMillis(at, { zone: timeZone });
    const kind = local.isInDST ? 'DAYLIGHT' : 'STANDARD';
    // DTSTART of an observance is the local time at the change as the clock read before it.
    const wallBefore = new Date(at + from * MINUTE_MS).toISOString().replace(/[-:]/g, '').slice(0, 15);
    return [
      `BEGIN:${kind}`,
      `DTSTART:${wallBefore}`,
      `TZOFFSETFROM:${offsetText(from)}`,
      `TZOFFSETTO:${offsetText(to)}`,
      `TZNAME:${escapeText(local.offsetNameShort ?? offsetText(to))}`,
      `END:${kind}`,
    ];
  };
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${timeZone}`,
    ...observance(start.toMillis(), start.offset, start.offset),
    ...changes.flatMap((change) => observance(change.at, change.from, change.to)),
    'END:VTIMEZONE',
  ];
}
