/** Dates, numbers, money and sizes through Intl, in the page's language and the city's time zone. */
export interface Formatter {
  number(value: number): string;
  currency(amount: number, currency: string): string;
  date(value: Date): string;
  dateTime(value: Date): string;
  fileSize(bytes: number): string;
  /** "PDF, PNG or JPEG" */
  alternatives(items: readonly string[]): string;
}

export function createFormatter(language: string, timeZone: string): Formatter {
  const numbers = new Intl.NumberFormat(language);
  const dates = new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone });
  const dateTimes = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short', timeZone });
  const alternatives = new Intl.ListFormat(language, { type: 'disjunction' });
  return {
    number: (value) => numbers.format(value),
    currency: (amount, currency) => new Intl.NumberFormat(language, { style: 'currency', currency }).format(amount),
    date: (value) => dates.format(value),
    dateTime: (value) => dateTimes.format(value),
    fileSize: (bytes) => {
      const [unit, size] = bytes >= 1_000_000 ? ['megabyte', bytes / 1_000_000] : ['kilobyte', bytes / 1_000];
      return new Intl.NumberFormat(language, { style: 'unit', unit, maximumFractionDigits: 1 }).format(size);
    },
    alternatives: (items) => alternatives.format(items),
  };
}
