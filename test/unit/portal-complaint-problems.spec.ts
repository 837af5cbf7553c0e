import { checkComplaintAddress, checkComplaintDescription, ruleOf } from '../../portal/src/forms/field-problems.js';

describe('checkComplaintDescription: 1–4,000 characters of plain text', () => {
  test.each([
    ['', 'required'],
    ['   ', 'required'],
    ['x', null],
    ['a'.repeat(4000), null],
    ['a'.repeat(4001), 'length'],
    [`  ${'a'.repeat(4000)}  `, null],
    ['😀'.repeat(4000), null],
    ['see <b>this</b>', 'format'],
    ['1 > 0 is fine', null],
  ])('%j → %s', (value, rule) => {
    expect(checkComplaintDescription(value)).toBe(rule);
  });
});

describe('checkComplaintAddress: 3–300 characters with no < or >', () => {
  test.each([
    ['ab', 'length'],
    ['  ab  ', 'length'],
    ['abc', null],
    ['a'.repeat(300), null],
    ['a'.repeat(301), 'length'],
    ['12 <Main> St', 'format'],
    ['세종대로 110', null],
  ])('%j → %s', (value, rule) => {
    expect(checkComplaintAddress(value)).toBe(rule);
  });
});

describe('ruleOf: the complaint rules the API names', () => {
  test.each([
    [['notContains'], 'format'],
    [['matches'], 'format'],
    [['isLength', 'matches'], 'format'],
  ])('%j → %s', (rules, rule) => {
    expect(ruleOf(rules)).toBe(rule);
  });
});
