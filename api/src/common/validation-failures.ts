import type { ValidationError } from 'class-validator';

export interface FieldFailure {
  /** Dotted path of the field, e.g. "location.lat". */
  field: string;
  /** The rules it broke, by class-validator's stable names: "isString", "maxLength", "whitelistValidation". */
  rules: string[];
}

/** Flattens class-validator's tree into one entry per failing field. */
export function validationFailures(errors: ValidationError[], prefix = ''): FieldFailure[] {
  return errors.flatMap((error) => {
    const field = `${prefix}${error.property}`;
    const own = error.constraints ? [{ field, rules: Object.keys(error.constraints) }] : [];
    return [...own, ...validationFailures(error.children ?? [], `${field}.`)];
  });
}
