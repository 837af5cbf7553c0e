/**
 * The answers to a complaint service's questions (the city pack's attributes), as the API takes them. Pure,
 * with no imports of the DOM, so the rules stay apart from the fields that show them.
 */
import { formatOffset, offsetMinutes } from '../../../../api/src/common/zoned-time.js';

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
  return `${value}:00${formatOffset(offset)}`;
}
