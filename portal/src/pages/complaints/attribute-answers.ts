/**
 * The answers to a complaint service's questions (the city pack's attributes), as the API takes them. Pure,
 * with no imports of the DOM, so the rules stay apart from the fields that show them.
 */

/** The API's limits for free-text answers, in characters (code points). */
export const attributeLimits = { string: 200, text: 2000 } as const;

/** Arabic-Indic and Persian digits (and the Arabic decimal separator), as phone keyboards type them, in ASCII. */
export function asciiDigits(value: string): string {
  return value
    .replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0))
    .replace(/\u066b/g, '.');
}

/** A number as the API reads one ("12", "-3.5"), from what the person typed; null when it is not one. */
export function numberAnswer(value: string): string | null {
  const text = asciiDigits(value.trim()).replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(text) ? text : null;
}

/** How far `timeZone`'s clocks are ahead of UTC at `instant`, in minutes. */
function offsetMinutes(timeZone: string, instant: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((candidate) => candidate.type === type)?.value ?? 0);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return Math.round((wall - instant.getTime()) / 60_000);
}

const twoDigits = (value: number) => String(value).padStart(2, '0');

/**
 * A `datetime-local` value ("2026-11-24T21:30") read as the city's clock time, as ISO 8601 with the city's
 * offset ("2026-11-24T21:30:00+09:00"): the person reports when it happened where it happened. Null when the
 * value is not a complete date and time.
 */
export function cityDateTime(value: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, year, month, day, hour, minute] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The offset at the wall time read as UTC is a first guess; asked again at the real instant, it holds
  // across a change of clocks.
  const guess = offsetMinutes(timeZone, new Date(wall));
  const offset = offsetMinutes(timeZone, new Date(wall - guess * 60_000));
  const sign = offset < 0 ? '-' : '+';
  const size = Math.abs(offset);
  return `${value}:00${sign}${twoDigits(Math.floor(size / 60))}:${twoDigits(size % 60)}`;
}
