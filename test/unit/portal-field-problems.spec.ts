// field-problems.ts has no imports and no DOM types, so it type-checks under the root tsconfig and is imported directly.
import {
  checkCurrentPassword,
  checkDisplayName,
  checkEmail,
  checkNewPassword,
  characterCount,
  problemsFromApi,
  ruleOf,
  type ApiProblemSource,
} from '../../portal/src/forms/field-problems.js';

function apiError(code: string, fields: { field: string; rules: string[] }[] = []): ApiProblemSource {
  return { code, message: `translated ${code}`, fields };
}

describe('the browser checks the same limits as the API', () => {
  test.each([
    ['', 'required'],
    ['   ', 'required'],
    ['mina', 'format'],
    ['mina@', 'format'],
    ['mina@example', 'format'],
    ['mina@example.', 'format'],
    ['mina@@example.org', 'format'],
    ['mi na@example.org', 'format'],
    ['mina@example..org', 'format'],
    [`${'a'.repeat(250)}@example.org`, 'length'],
    ['mina@example.org', null],
    [' mina@example.org ', null],
    ['citizen@demo.civicverse.local', null],
    ['민아@예시.한국', null],
  ])('email %j → %s', (value, rule) => {
    expect(checkEmail(value)).toBe(rule);
  });

  test.each([
    ['', 'required'],
    ['  ', 'required'],
    ['M', null],
    ['a'.repeat(100), null],
    [` ${'a'.repeat(100)} `, null],
    ['a'.repeat(101), 'length'],
    ['😀'.repeat(100), null],
  ])('display name %j → %s', (value, rule) => {
    expect(checkDisplayName(value)).toBe(rule);
  });

  test.each([
    ['', 'required'],
    ['short', 'length'],
    ['1234567', 'length'],
    ['12345678', null],
    ['        ', null],
    ['a'.repeat(128), null],
    ['a'.repeat(129), 'length'],
    ['😀'.repeat(8), null],
    ['😀'.repeat(128), null],
  ])('new password %j → %s', (value, rule) => {
    expect(checkNewPassword(value)).toBe(rule);
  });

  test('a current password only needs to be there and not longer than any password', () => {
    expect(checkCurrentPassword('')).toBe('required');
    expect(checkCurrentPassword('x')).toBeNull();
    expect(checkCurrentPassword('a'.repeat(129))).toBe('length');
  });

  test('characters are counted as the API counts them, not in UTF-16 units', () => {
    expect(characterCount('😀')).toBe(1);
    expect(characterCount('민아')).toBe(2);
  });
});

describe('ruleOf: the API’s rule names', () => {
  test.each([
    [['isNotEmpty'], 'required'],
    [['isDefined', 'isString'], 'required'],
    [['isEmail'], 'format'],
    [['isEmail', 'maxLength'], 'format'],
    [['isLength'], 'length'],
    [['maxLength'], 'length'],
    [['minLength'], 'length'],
    [['isString'], 'invalid'],
    [['isIn'], 'invalid'],
    [[], 'invalid'],
  ])('%j → %s', (rules, rule) => {
    expect(ruleOf(rules)).toBe(rule);
  });
});

describe('problemsFromApi: the API has the last word', () => {
  const map = {
    fields: { email: 'register-email', displayName: 'register-display-name', password: 'register-password' },
    codes: { AUTH_EMAIL_TAKEN: 'register-email', AUTH_PASSWORD_TOO_COMMON: 'register-password' },
  };

  test('each field of VALIDATION_FAILED goes to its form field with the form’s message for the rule', () => {
    const problems = problemsFromApi(
      apiError('VALIDATION_FAILED', [
        { field: 'email', rules: ['isEmail'] },
        { field: 'password', rules: ['isLength'] },
      ]),
      map,
    );
    expect(problems).toEqual([
      { field: 'register-email', rule: 'format' },
      { field: 'register-password', rule: 'length' },
    ]);
  });

  test('a field is reported once, however many entries name it', () => {
    const problems = problemsFromApi(
      apiError('VALIDATION_FAILED', [
        { field: 'email', rules: ['isEmail'] },
        { field: 'email', rules: ['maxLength'] },
      ]),
      map,
    );
    expect(problems).toEqual([{ field: 'register-email', rule: 'format' }]);
  });

  test('a field the form does not have (e.g. a refused extra field) is a problem of the whole form, with the API’s message', () => {
    const problems = problemsFromApi(
      apiError('VALIDATION_FAILED', [
        { field: 'role', rules: ['whitelistValidation'] },
        { field: 'displayName', rules: ['isLength'] },
      ]),
      map,
    );
    expect(problems).toEqual([
      { field: null, message: 'translated VALIDATION_FAILED' },
      { field: 'register-display-name', rule: 'length' },
    ]);
  });

  test('VALIDATION_FAILED without fields is a problem of the whole form', () => {
    expect(problemsFromApi(apiError('VALIDATION_FAILED'), map)).toEqual([{ field: null, message: 'translated VALIDATION_FAILED' }]);
  });

  test.each([
    ['AUTH_EMAIL_TAKEN', 'register-email'],
    ['AUTH_PASSWORD_TOO_COMMON', 'register-password'],
  ])('%s goes to %s with the API’s translated message', (code, field) => {
    expect(problemsFromApi(apiError(code), map)).toEqual([{ field, message: `translated ${code}` }]);
  });

  test('the sign-in form puts AUTH_INVALID_CREDENTIALS at the password and AUTH_TOO_MANY_ATTEMPTS on the whole form', () => {
    const signIn = {
      fields: { email: 'sign-in-email', password: 'sign-in-password' },
      codes: { AUTH_INVALID_CREDENTIALS: 'sign-in-password' },
    };
    expect(problemsFromApi(apiError('AUTH_INVALID_CREDENTIALS'), signIn)).toEqual([
      { field: 'sign-in-password', message: 'translated AUTH_INVALID_CREDENTIALS' },
    ]);
    expect(problemsFromApi(apiError('AUTH_TOO_MANY_ATTEMPTS'), signIn)).toEqual([
      { field: null, message: 'translated AUTH_TOO_MANY_ATTEMPTS' },
    ]);
  });

  test('AUTH_PASSWORD_MISMATCH goes to the current password when the form maps it', () => {
    const change = { codes: { AUTH_PASSWORD_MISMATCH: 'password-current', AUTH_PASSWORD_TOO_COMMON: 'password-new' } };
    expect(problemsFromApi(apiError('AUTH_PASSWORD_MISMATCH'), change)).toEqual([
      { field: 'password-current', message: 'translated AUTH_PASSWORD_MISMATCH' },
    ]);
  });

  test('a code no field is about, and names that only exist on Object.prototype, are problems of the whole form', () => {
    expect(problemsFromApi(apiError('RATE_LIMITED'), map)).toEqual([{ field: null, message: 'translated RATE_LIMITED' }]);
    expect(problemsFromApi(apiError('constructor'), map)).toEqual([{ field: null, message: 'translated constructor' }]);
    expect(problemsFromApi(apiError('VALIDATION_FAILED', [{ field: 'toString', rules: ['isString'] }]), map)).toEqual([
      { field: null, message: 'translated VALIDATION_FAILED' },
    ]);
  });
});
