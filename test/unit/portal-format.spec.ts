// format.ts has no imports and needs only Intl, so it type-checks under the root tsconfig and is imported directly.
import { createFormatter } from '../../portal/src/i18n/format.js';

// 15:30 UTC on Sunday 1 March 2026: already Monday in Seoul (UTC+9), still Sunday evening in Dubai (UTC+4).
const instant = new Date('2026-03-01T15:30:00Z');

describe('createFormatter: dates in the city’s time zone', () => {
  test('the date is the day it is in the city, not on the server or in UTC', () => {
    expect(createFormatter('en', 'Asia/Seoul').date(instant)).toBe('Monday, March 2, 2026');
    expect(createFormatter('en', 'Asia/Dubai').date(instant)).toBe('Sunday, March 1, 2026');
    expect(createFormatter('en', 'America/Los_Angeles').date(new Date('2026-03-02T05:00:00Z'))).toBe('Sunday, March 1, 2026');
  });

  test('date and time carry the city’s clock time', () => {
    expect(createFormatter('en', 'Asia/Dubai').dateTime(instant)).toMatch(/^March 1, 2026\D+7:30\sPM$/u);
    expect(createFormatter('en', 'Asia/Seoul').dateTime(instant)).toMatch(/^March 2, 2026\D+12:30\sAM$/u);
  });

  test('the time zone’s daylight-saving rules apply', () => {
    const berlin = createFormatter('en', 'Europe/Berlin');
    expect(berlin.dateTime(new Date('2026-01-15T12:00:00Z'))).toMatch(/1:00\sPM$/u);
    expect(berlin.dateTime(new Date('2026-07-15T12:00:00Z'))).toMatch(/2:00\sPM$/u);
  });

  test('dates are written in the page’s language', () => {
    const korean = createFormatter('ko', 'Asia/Seoul').date(instant);
    expect(korean).toContain('3월 2일');
    expect(korean).toContain('월요일');
    const arabic = createFormatter('ar', 'Asia/Seoul').date(instant);
    expect(arabic).toContain('مارس');
    expect(arabic).toContain('الاثنين');
  });

  test('an unknown time zone is refused when the formatter is made, not silently replaced', () => {
    expect(() => createFormatter('en', 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('createFormatter: numbers and money', () => {
  test('numbers follow the language’s separators', () => {
    expect(createFormatter('en', 'UTC').number(1234567.5)).toBe('1,234,567.5');
    expect(createFormatter('de', 'UTC').number(1234567.5)).toBe('1.234.567,5');
  });

  test('each currency keeps its own number of decimals and symbol', () => {
    const english = createFormatter('en', 'Asia/Seoul');
    expect(english.currency(12000, 'KRW')).toBe('₩12,000');
    expect(english.currency(12.5, 'AED')).toMatch(/^AED\s12\.50$/u);
    expect(english.currency(0, 'USD')).toBe('$0.00');
  });

  test('money is written in the page’s language', () => {
    expect(createFormatter('ko', 'Asia/Seoul').currency(12000, 'KRW')).toBe('₩12,000');
    const arabic = createFormatter('ar', 'Asia/Dubai').currency(12.5, 'AED');
    expect(arabic).toContain('د.إ.');
    expect(arabic).not.toContain('AED');
  });

  test('a currency code that is not one is refused', () => {
    expect(() => createFormatter('en', 'UTC').currency(1, 'dollars')).toThrow(RangeError);
  });
});

describe('createFormatter: file sizes and alternatives', () => {
  const KiB = 1024;
  const MiB = 1024 * KiB;
  const GiB = 1024 * MiB;

  test.each([
    [1_234, '1.2 kB'],
    [KiB, '1 kB'],
    [512 * KiB, '512 kB'],
    [1023.9 * KiB, '1,023.9 kB'],
    [MiB, '1 MB'],
    [2.5 * MiB, '2.5 MB'],
    [10 * MiB, '10 MB'],
    [20 * MiB, '20 MB'],
    [100 * MiB, '100 MB'],
    [1.5 * GiB, '1.5 GB'],
    [2048 * GiB, '2,048 GB'],
  ])('%d bytes is %s (binary steps: the city pack counts in KiB and MiB)', (bytes, expected) => {
    expect(createFormatter('en', 'UTC').fileSize(bytes)).toBe(expected);
  });

  test.each([
    [MiB - 1, '1 MB'],
    [1023.96 * KiB, '1 MB'],
    [GiB - 1, '1 GB'],
    [1023.96 * MiB, '1 GB'],
  ])('%d bytes, which would round to 1,024 of the smaller unit, is %s', (bytes, expected) => {
    expect(createFormatter('en', 'UTC').fileSize(bytes)).toBe(expected);
  });

  test('sizes are written in the page’s language', () => {
    expect(createFormatter('de', 'UTC').fileSize(2.5 * MiB)).toBe('2,5 MB');
    expect(createFormatter('de', 'UTC').fileSize(1023.9 * KiB)).toBe('1.023,9 kB');
  });

  test('lists of alternatives read as "a, b or c" in each language', () => {
    expect(createFormatter('en', 'UTC').alternatives(['PDF', 'PNG', 'JPEG'])).toBe('PDF, PNG, or JPEG');
    expect(createFormatter('en', 'UTC').alternatives(['PDF', 'PNG'])).toBe('PDF or PNG');
    expect(createFormatter('en', 'UTC').alternatives(['PDF'])).toBe('PDF');
    expect(createFormatter('ko', 'UTC').alternatives(['PDF', 'PNG', 'JPEG'])).toBe('PDF, PNG 또는 JPEG');
    expect(createFormatter('ar', 'UTC').alternatives(['PDF', 'PNG', 'JPEG'])).toBe('PDF أو PNG أو JPEG');
  });
});
