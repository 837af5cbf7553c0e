import type { LocalizedText } from '../../api/src/city/city-pack.types.js';
// language-tags.ts has no imports and no DOM types, so it type-checks under the root tsconfig and is imported directly.
import { defaultLanguage } from '../../portal/src/i18n/language-tags.js';

interface LocalizedString {
  text: string;
  lang: string;
}

// A computed path: localized.ts imports without extensions, which the root tsconfig (NodeNext) refuses.
const localizedModule = '../../portal/src/i18n/localized.js';
const { localize } = (await import(localizedModule)) as { localize: (value: LocalizedText, language: string) => LocalizedString };

const name: LocalizedText = { en: 'Donuimun Gate', ko: '돈의문', ar: 'بوابة دونويمون' };

describe('localize', () => {
  test('the portal falls back to English', () => {
    expect(defaultLanguage).toBe('en');
  });

  test('gives the text in the active language, marked with that language', () => {
    expect(localize(name, 'ko')).toEqual({ text: '돈의문', lang: 'ko' });
    expect(localize(name, 'ar')).toEqual({ text: 'بوابة دونويمون', lang: 'ar' });
    expect(localize(name, 'en')).toEqual({ text: 'Donuimun Gate', lang: 'en' });
  });

  test('falls back to English, marked as English, when the city has no text in the active language', () => {
    expect(localize({ en: 'City Hall' }, 'ko')).toEqual({ text: 'City Hall', lang: 'en' });
    expect(localize({ en: 'City Hall', ko: '시청' }, 'ar')).toEqual({ text: 'City Hall', lang: 'en' });
  });

  test('treats an empty translation as missing', () => {
    expect(localize({ en: 'City Hall', ar: '' }, 'ar')).toEqual({ text: 'City Hall', lang: 'en' });
  });

  test('never uses a third language, even when English is missing too', () => {
    expect(localize({ ko: '시청' }, 'ar')).toEqual({ text: '', lang: 'en' });
    expect(localize({}, 'en')).toEqual({ text: '', lang: 'en' });
  });

  test('reads only the text’s own languages, never what every object inherits', () => {
    for (const language of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(localize(name, language)).toEqual({ text: 'Donuimun Gate', lang: 'en' });
      expect(localize({}, language)).toEqual({ text: '', lang: 'en' });
    }
  });

  test('English inherited rather than owned is not English', () => {
    const inherited = Object.create({ en: 'City Hall' }) as LocalizedText;
    expect(localize(inherited, 'en')).toEqual({ text: '', lang: 'en' });
    expect(localize(inherited, 'ko')).toEqual({ text: '', lang: 'en' });
  });

  test('works on text without a prototype, as JSON from another source may be', () => {
    const bare = Object.assign(Object.create(null) as LocalizedText, { en: 'City Hall', ko: '시청' });
    expect(localize(bare, 'ko')).toEqual({ text: '시청', lang: 'ko' });
    expect(localize(bare, 'ar')).toEqual({ text: 'City Hall', lang: 'en' });
  });
});
