/** Dates, numbers, money and sizes through Intl, in the page's language and the city's time zone. */
export interface Formatter {
  number(value: number): string;
  currency(amount: number, currency: string): string;
  date(value: Date): string;
  dateTime(value: Date): string;
  /** A time of day, e.g. "9:20 AM". */
  time(value: Date): string;
  /** From one time to another on the same day, e.g. "9:20 – 9:40 AM". */
  timeRange(start: Date, end: Date): string;
  /** The full date of one of the city's calendar dates ("2026-12-01" → "Tuesday, December 1, 2026"). */
  day(date: string): string;
  /** The city's calendar date of an instant, as YYYY-MM-DD. */
  cityDate(value: Date): string;
  fileSize(bytes: number): string;
  /** "PDF, PNG or JPEG" */
  alternatives(items: readonly string[]): string;
}

/**
 * City packs count sizes in binary units (10485760 bytes is 10 MiB), so each step is 1024. Intl has no binary
 * units; they are shown as kB, MB and GB, as most devices do, so a 10 MiB limit reads "10 MB".
 */
const sizeUnits = ['kilobyte', 'megabyte', 'gigabyte'] as const;
/** The smallest value shown as 1024 with one decimal: from here on the next unit is used instead. */
const roundsUpToNextUnit = 1023.95;

function sizeInUnits(bytes: number): [unit: (typeof sizeUnits)[number], size: number] {
  let size = bytes / 1024;
  let step = 0;
  while (size >= roundsUpToNextUnit && step < sizeUnits.length - 1) {
    size /= 1024;
    step += 1;
  }
  return [sizeUnits[step] ?? 'gigabyte', size];
}

export function createFormatter(language: string, timeZone: string): Formatter {
  const numbers = new Intl.NumberFormat(language);
  const dates = new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone });
  const dateTimes = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short', timeZone });
  const times = new Intl.DateTimeFormat(language, { timeStyle: 'short', timeZone });
  // A city date names a day, not an instant: it is read and written at UTC midnight so no zone can shift it.
  const days = new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone: 'UTC' });
  const isoDates = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone });
  const alternatives = new Intl.ListFormat(language, { type: 'disjunction' });
  return {
    number: (value) => numbers.format(value),
    currency: (amount, currency) => new Intl.NumberFormat(language, { style: 'currency', currency }).format(amount),
    date: (value) => dates.format(value),
    dateTime: (value) => dateTimes.format(value),
    time: (value) => times.format(value),
    timeRange: (start, end) => times.formatRange(start, end),
    day: (date) => days.format(new Date(`${date}T00:00:00Z`)),
    cityDate: (value) => isoDates.format(value),
    fileSize: (bytes) => {
      const [unit, size] = sizeInUnits(bytes);
      return new Intl.NumberFormat(language, { style: 'unit', unit, maximumFractionDigits: 1 }).format(size);
    },
    alternatives: (items) => alternatives.format(items),
  };
}
