// attribute-answers.ts has no imports and no DOM types, so it type-checks under the root tsconfig and is imported directly.
import { asciiDigits, cityDateTime, numberAnswer } from '../../portal/src/pages/complaints/attribute-answers.js';

describe('cityDateTime: a datetime-local value read as the city’s clock time', () => {
  test.each([
    ['2026-11-24T21:30', 'Asia/Seoul', '2026-11-24T21:30:00+09:00'],
    ['2026-11-24T21:30', 'Asia/Dubai', '2026-11-24T21:30:00+04:00'],
    ['2026-11-24T21:30', 'UTC', '2026-11-24T21:30:00+00:00'],
    // Either side of a change of clocks: summer and winter time in London.
    ['2026-07-01T12:00', 'Europe/London', '2026-07-01T12:00:00+01:00'],
    ['2026-12-01T12:00', 'Europe/London', '2026-12-01T12:00:00+00:00'],
    ['2026-03-29T03:30', 'Europe/London', '2026-03-29T03:30:00+01:00'],
    ['2026-06-01T08:00', 'America/New_York', '2026-06-01T08:00:00-04:00'],
  ])('%s in %s is %s', (value, timeZone, expected) => {
    expect(cityDateTime(value, timeZone)).toBe(expected);
    expect(new Date(expected).getTime()).not.toBeNaN();
  });

  test.each(['', '2026-11-24', '2026-11-24T21', 'yesterday'])('%j is not a complete date and time', (value) => {
    expect(cityDateTime(value, 'Asia/Seoul')).toBeNull();
  });
});

describe('numberAnswer: a number as the API reads one', () => {
  test.each([
    ['12', '12'],
    [' 3.5 ', '3.5'],
    ['3,5', '3.5'],
    ['-2', '-2'],
    ['١٢٫٥', '12.5'],
    ['۴۲', '42'],
  ])('%j → %j', (typed, expected) => {
    expect(numberAnswer(typed)).toBe(expected);
  });

  test.each(['', 'twelve', '1e3', '1.2.3', '12 m'])('%j is not a number', (typed) => {
    expect(numberAnswer(typed)).toBeNull();
  });

  test('Arabic-Indic digits become ASCII', () => {
    expect(asciiDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
  });
});
