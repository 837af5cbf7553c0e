/**
 * What is wrong with a form's answers, from the browser's own checks or from the API's answer. Pure, with no
 * imports, so Node tests load it directly. The browser checks the same limits as the API to answer at once;
 * the API has the last word.
 */

/** The kinds of problem a field can have; each field has a message for each (see the pages). */
export type Rule = 'required' | 'format' | 'length' | 'invalid';

/** A problem of one field (`field` is the form's field id), or of the whole form (`field` null). */
export type Problem = { field: string | null; rule: Rule } | { field: string | null; message: string };

/** The limits of docs/api/identity.md, in characters (code points, as the API counts them). */
export const limits = {
  email: { max: 254 },
  displayName: { min: 1, max: 100 },
  password: { min: 8, max: 128 },
  /** docs/api/complaints.md */
  complaintDescription: { min: 1, max: 4000 },
  complaintAddress: { min: 3, max: 300 },
} as const;

export function characterCount(value: string): number {
  return [...value].length;
}

/** Something, an @, and a domain with a dot and a top-level part of two characters or more. */
const emailShape = /^[^\s@]+@(?:[^\s@.]+\.)+[^\s@.]{2,}$/u;

export function checkEmail(value: string): Rule | null {
  const email = value.trim();
  if (email === '') return 'required';
  if (characterCount(email) > limits.email.max) return 'length';
  return emailShape.test(email) ? null : 'format';
}

/** Empty is `required`; a display name counts without the spaces around it, which the API trims. */
export function checkDisplayName(value: string): Rule | null {
  const count = characterCount(value.trim());
  if (count === 0) return 'required';
  return count < limits.displayName.min || count > limits.displayName.max ? 'length' : null;
}

/** A new password; passwords are never trimmed. */
export function checkNewPassword(value: string): Rule | null {
  if (value === '') return 'required';
  const count = characterCount(value);
  return count < limits.password.min || count > limits.password.max ? 'length' : null;
}

/** A password the person already has: only that it is there and not longer than any password can be. */
export function checkCurrentPassword(value: string): Rule | null {
  if (value === '') return 'required';
  return characterCount(value) > limits.password.max ? 'length' : null;
}

/** A complaint's description: 1–4,000 characters after trimming, with no `<` (markup is refused, not stripped). */
export function checkComplaintDescription(value: string): Rule | null {
  const text = value.trim();
  if (text === '') return 'required';
  if (characterCount(text) > limits.complaintDescription.max) return 'length';
  return text.includes('<') ? 'format' : null;
}

/** An address, when one is given: 3–300 characters after trimming, with no `<` or `>`. */
export function checkComplaintAddress(value: string): Rule | null {
  const text = value.trim();
  const count = characterCount(text);
  if (count < limits.complaintAddress.min || count > limits.complaintAddress.max) return 'length';
  return /[<>]/.test(text) ? 'format' : null;
}

/** The rule to tell the person about, from the names of the rules the API says a field broke. */
export function ruleOf(rules: readonly string[]): Rule {
  if (rules.some((rule) => rule === 'isNotEmpty' || rule === 'isDefined')) return 'required';
  if (rules.some((rule) => rule === 'isEmail' || rule === 'matches' || rule === 'notContains')) return 'format';
  if (rules.some((rule) => rule === 'isLength' || rule === 'minLength' || rule === 'maxLength')) return 'length';
  return 'invalid';
}

/** The parts of an API error the mapping needs (ApiError has them). */
export interface ApiProblemSource {
  code: string;
  message: string;
  fields: readonly { field: string; rules: readonly string[] }[];
}

export interface ProblemMap {
  /** Field of the request body → id of the form's field. */
  fields?: Readonly<Record<string, string>>;
  /** Error code → id of the form's field it is about; the API's translated message is shown there. */
  codes?: Readonly<Record<string, string>>;
}

/** Own properties only: a field named "constructor" must not find Object.prototype's. */
function lookUp(table: Readonly<Record<string, string>> | undefined, key: string): string | null {
  return table && Object.hasOwn(table, key) ? (table[key] ?? null) : null;
}

/**
 * The problems an API error means for a form. `VALIDATION_FAILED` becomes one problem per known field (with
 * the form's own message for the rule); a code the form knows goes to its field with the API's message;
 * anything else, including a validation failure of a field the form does not have, is a problem of the whole
 * form with the API's message.
 */
export function problemsFromApi(error: ApiProblemSource, map: ProblemMap): Problem[] {
  if (error.code === 'VALIDATION_FAILED') {
    const problems: Problem[] = [];
    const seen = new Set<string>();
    let unplaced = error.fields.length === 0;
    for (const failure of error.fields) {
      const field = lookUp(map.fields, failure.field);
      if (!field) {
        unplaced = true;
        continue;
      }
      if (seen.has(field)) continue;
      seen.add(field);
      problems.push({ field, rule: ruleOf(failure.rules) });
    }
    return unplaced ? [{ field: null, message: error.message }, ...problems] : problems;
  }
  return [{ field: lookUp(map.codes, error.code), message: error.message }];
}
