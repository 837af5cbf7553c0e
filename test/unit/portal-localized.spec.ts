import { jest } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../api/src/config/paths.js';

type LocalizedText = Record<string, string>;
interface LocalizedString {
  text: string;
  lang: string;
}

/**
 * localized.ts takes defaultLanguage from languages.ts, which runs Vite's import.meta.glob when it loads and so
 * cannot load under jest. It is replaced by a stand-in holding only defaultLanguage, read from languages.ts
 * itself so the two cannot drift apart.
 */
const languagesSource = readFileSync(join(repoRoot, 'portal', 'src', 'i18n', 'languages.ts'), 'utf8');
const defaultLanguage = /export const defaultLanguage = '([^']+)';/.exec(languagesSource)?.[1];
jest.unstable_mockModule('../../portal/src/i18n/languages.js', () => ({ defaultLanguage }));

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
});
