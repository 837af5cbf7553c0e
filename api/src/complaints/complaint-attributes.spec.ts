import type { ComplaintAttribute } from '../city/city-pack.types.js';
import { DomainError } from '../common/domain-error.js';
import { checkAttributes } from './complaint-attributes.js';

const text = (en: string) => ({ en, ko: en, ar: en });
const definitions: ComplaintAttribute[] = [
  {
    code: 'size',
    datatype: 'singlevaluelist',
    required: true,
    description: text('Size'),
    values: [
      { key: 'small', name: text('Small') },
      { key: 'large', name: text('Large') },
    ],
  },
  {
    code: 'pests',
    datatype: 'multivaluelist',
    required: false,
    description: text('Pests'),
    values: [
      { key: 'rats', name: text('Rats') },
      { key: 'ants', name: text('Ants') },
    ],
  },
  { code: 'count', datatype: 'number', required: false, description: text('How many') },
  { code: 'seen_at', datatype: 'datetime', required: false, description: text('When') },
  { code: 'plate', datatype: 'string', required: false, description: text('Plate') },
  { code: 'details', datatype: 'text', required: false, description: text('Details') },
];

/** The field failures of a refused set of answers, or the stored answers. */
function outcome(answers: Record<string, unknown>): unknown {
  try {
    return checkAttributes(definitions, answers);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'VALIDATION_FAILED') return error.details?.fields;
    throw error;
  }
}

describe('checkAttributes', () => {
  test('keeps valid answers of every datatype, trimmed, numbers as text; blank optional answers are dropped', () => {
    expect(
      outcome({
        size: 'large',
        pests: ['rats', 'ants'],
        count: 3,
        seen_at: '2026-11-20T21:30:00+09:00',
        plate: ' 12가 3456 ',
        details: 'x'.repeat(2000),
      }),
    ).toEqual({
      size: 'large',
      pests: ['rats', 'ants'],
      count: '3',
      seen_at: '2026-11-20T21:30:00+09:00',
      plate: '12가 3456',
      details: 'x'.repeat(2000),
    });
    expect(outcome({ size: 'small', count: '-2.5e1', seen_at: '2026-11-20T21:30Z', plate: '  ' })).toEqual({
      size: 'small',
      count: '-2.5e1',
      seen_at: '2026-11-20T21:30Z',
    });
  });

  test('a required attribute must be answered; unknown codes are refused', () => {
    expect(outcome({})).toEqual([{ field: 'attributes.size', rules: ['isDefined'] }]);
    expect(outcome({ size: '', colour: 'red' })).toEqual([
      { field: 'attributes.colour', rules: ['whitelistValidation'] },
      { field: 'attributes.size', rules: ['isDefined'] },
    ]);
  });

  test('lists take their own keys only: one for a singlevaluelist, distinct ones for a multivaluelist', () => {
    expect(outcome({ size: 'huge' })).toEqual([{ field: 'attributes.size', rules: ['isIn'] }]);
    expect(outcome({ size: ['small'] })).toEqual([{ field: 'attributes.size', rules: ['isIn'] }]);
    expect(outcome({ size: 'small', pests: 'rats' })).toEqual([{ field: 'attributes.pests', rules: ['isArray'] }]);
    expect(outcome({ size: 'small', pests: [] })).toEqual([{ field: 'attributes.pests', rules: ['arrayNotEmpty'] }]);
    expect(outcome({ size: 'small', pests: ['rats', 'bats'] })).toEqual([{ field: 'attributes.pests', rules: ['isIn'] }]);
    expect(outcome({ size: 'small', pests: ['rats', 'rats'] })).toEqual([{ field: 'attributes.pests', rules: ['arrayUnique'] }]);
  });

  test('numbers are finite, date-times are ISO 8601, text has a length limit and no markup', () => {
    for (const count of ['ten', 'Infinity', 'NaN', '1e999', '0x10', Number.POSITIVE_INFINITY]) {
      expect(outcome({ size: 'small', count })).toEqual([{ field: 'attributes.count', rules: ['isNumber'] }]);
    }
    for (const seenAt of ['yesterday', '2026-11-20', '2026-13-45T99:00:00Z', 1_764_000_000]) {
      expect(outcome({ size: 'small', seen_at: seenAt })).toEqual([{ field: 'attributes.seen_at', rules: ['isISO8601'] }]);
    }
    expect(outcome({ size: 'small', plate: 'x'.repeat(201), details: 'x'.repeat(2001) })).toEqual([
      { field: 'attributes.plate', rules: ['maxLength'] },
      { field: 'attributes.details', rules: ['maxLength'] },
    ]);
    expect(outcome({ size: 'small', plate: 42, details: '<b>bold</b>' })).toEqual([
      { field: 'attributes.plate', rules: ['isString'] },
      { field: 'attributes.details', rules: ['noMarkup'] },
    ]);
  });
});
