import type { ComplaintAttribute } from '../city/city-pack.types.js';
import { DomainError } from '../common/domain-error.js';
import type { FieldFailure } from '../common/validation-failures.js';

/** A complaint's answers to its service's questions, by attribute code: one value, or several keys for a multivaluelist. */
export type AttributeValues = Record<string, string | string[]>;

const MAX_LENGTH = { string: 200, text: 2000 } as const;
const MARKUP = /[<>]/;
/** ISO 8601 date-time: a date, a time to the minute or finer, and an optional offset. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Checks answers against the service's attributes of the city pack and returns them as stored: the one place both
 * the portal's API and Open311 file through. Every failure is reported at once, as `attributes.<code>`, the way the
 * global validation pipe reports fields.
 */
export function checkAttributes(definitions: readonly ComplaintAttribute[], answers: Record<string, unknown>): AttributeValues {
  const failures: FieldFailure[] = [];
  const checked: AttributeValues = {};
  const known = new Set(definitions.map((definition) => definition.code));
  for (const code of Object.keys(answers)) {
    if (!known.has(code)) failures.push({ field: `attributes.${code}`, rules: ['whitelistValidation'] });
  }
  for (const definition of definitions) {
    const answer = answers[definition.code];
    if (isBlank(answer)) {
      if (definition.required) failures.push({ field: `attributes.${definition.code}`, rules: ['isDefined'] });
      continue;
    }
    const result = checkAnswer(definition, answer);
    if (typeof result === 'string') failures.push({ field: `attributes.${definition.code}`, rules: [result] });
    else checked[definition.code] = result.value;
  }
  if (failures.length > 0) throw new DomainError('VALIDATION_FAILED', {}, { fields: failures });
  return checked;
}

function isBlank(answer: unknown): boolean {
  return answer === undefined || answer === null || (typeof answer === 'string' && answer.trim() === '');
}

/** The stored value, or the name of the rule the answer breaks. */
function checkAnswer(definition: ComplaintAttribute, answer: unknown): { value: string | string[] } | string {
  const keys = new Set((definition.values ?? []).map((value) => value.key));
  switch (definition.datatype) {
    case 'multivaluelist': {
      if (!Array.isArray(answer)) return 'isArray';
      if (answer.length === 0) return 'arrayNotEmpty';
      if (!answer.every((key): key is string => typeof key === 'string' && keys.has(key))) return 'isIn';
      if (new Set(answer).size !== answer.length) return 'arrayUnique';
      return { value: answer };
    }
    case 'singlevaluelist':
      return typeof answer === 'string' && keys.has(answer) ? { value: answer } : 'isIn';
    case 'number': {
      const text = typeof answer === 'number' ? String(answer) : typeof answer === 'string' ? answer.trim() : '';
      return NUMBER.test(text) && Number.isFinite(Number(text)) ? { value: text } : 'isNumber';
    }
    case 'datetime': {
      const text = typeof answer === 'string' ? answer.trim() : '';
      return DATE_TIME.test(text) && !Number.isNaN(Date.parse(text)) ? { value: text } : 'isISO8601';
    }
    case 'string':
    case 'text': {
      if (typeof answer !== 'string') return 'isString';
      const text = answer.trim();
      if (text.length > MAX_LENGTH[definition.datatype]) return 'maxLength';
      // Markup is refused rather than stripped, as for the description: what the filer sees is what the city keeps.
      return MARKUP.test(text) ? 'noMarkup' : { value: text };
    }
  }
}
