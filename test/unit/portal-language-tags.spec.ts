// language-tags.ts has no imports and no DOM types, so it type-checks under the root tsconfig and is imported directly.
import { defaultLanguage, directionOf, nativeName } from '../../portal/src/i18n/language-tags.js';

describe('defaultLanguage', () => {
  test('is English, the language every city pack and every locale folder must have', () => {
    expect(defaultLanguage).toBe('en');
  });
});

describe('directionOf', () => {
  test.each(['ar', 'he', 'fa', 'ur', 'ckb', 'dv', 'ps', 'yi'])('%s is written right to left', (language) => {
    expect(directionOf(language)).toBe('rtl');
  });

  test.each(['en', 'ko', 'zh', 'ja', 'tr', 'hi', 'de'])('%s is written left to right', (language) => {
    expect(directionOf(language)).toBe('ltr');
  });

  test.each([
    ['ar-AE', 'rtl'],
    ['ar_EG', 'rtl'],
    ['AR', 'rtl'],
    ['Ar-ae', 'rtl'],
    [' he-IL ', 'rtl'],
    ['FA_ir', 'rtl'],
    ['ko-KR', 'ltr'],
    ['EN_us', 'ltr'],
    ['en-GB-oxendict', 'ltr'],
  ])('reads regional tags whatever their case and separator: %j is %s', (language, expected) => {
    expect(directionOf(language)).toBe(expected);
  });

  test.each([
    ['pa-Arab', 'rtl'],
    ['pa_arab_PK', 'rtl'],
    ['az-Arab-IR', 'rtl'],
    ['ks-Deva', 'ltr'],
    ['sd-DEVA-IN', 'ltr'],
    ['ar-Latn', 'ltr'],
  ])('a script subtag decides over the language: %s is %s', (language, expected) => {
    expect(directionOf(language)).toBe(expected);
  });

  test.each(['', ' ', '-', '_ar', 'arabic', 'xx', 'ar;q=0.9'])('%j is not a right-to-left language, so left to right', (language) => {
    expect(directionOf(language)).toBe('ltr');
  });
});

describe('nativeName', () => {
  test.each([
    ['en', 'English'],
    ['ko', '한국어'],
    ['ar', 'العربية'],
  ])('%s is named in its own language and script: %s', (language, expected) => {
    expect(nativeName(language)).toBe(expected);
  });

  test('starts with a capital where the script has one, though the language writes its name in lower case', () => {
    expect(nativeName('fr')).toBe('Français');
    expect(nativeName('es')).toBe('Español');
    expect(nativeName('it')).toBe('Italiano');
  });

  test('names a regional variant with its region', () => {
    expect(nativeName('pt-BR')).toBe('Português (Brasil)');
  });

  test.each(['', 'not a tag', 'en_US', '*'])('gives back %j itself when it is not a tag Intl can name', (language) => {
    expect(nativeName(language)).toBe(language);
  });
});
