/** Completed tickets whose service times make a counter's estimate. */
export const RECENT_SERVICES = 20;

/** A service's expected length when the counter has no history and the pack gives no duration. */
export const DEFAULT_SERVICE_MINUTES = 10;

/**
 * Minutes a ticket at `position` should wait: its position times the mean service time of the counter's last
 * 20 completed tickets, or, before there are any, times the service's own expected length. Rounded up, so the
 * first in line never reads "0 minutes" while someone is still at the counter.
 */
export function estimatedWaitMinutes(position: number, meanServiceSeconds: number | null, fallbackMinutes: number): number {
  const perTicketMinutes = meanServiceSeconds === null ? fallbackMinutes : meanServiceSeconds / 60;
  return Math.ceil(position * perTicketMinutes);
}

/** "A", "B", … "Z", "AA", …: a counter's letter by its place in the hall's list. */
export function counterLetter(index: number): string {
  const letter = String.fromCharCode(65 + (index % 26));
  return index < 26 ? letter : counterLetter(Math.floor(index / 26) - 1) + letter;
}

/** e.g. "A-017". */
export function ticketNumber(letter: string, sequence: number): string {
  return `${letter}-${String(sequence).padStart(3, '0')}`;
}
