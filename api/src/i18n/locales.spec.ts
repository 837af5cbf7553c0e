import { errorCodes } from '../common/error-codes.js';
import { localesDir } from '../config/paths.js';
import { flattenKeys, readLocales } from './locales.js';

const resources = readLocales(localesDir);
const languages = Object.keys(resources);
const PLURAL = /_(zero|one|two|few|many|other)$/;
/** The plural forms each language must give a plural key, after CLDR (Intl.PluralRules). */
const requiredForms: Record<string, string[]> = { ar: ['zero', 'one', 'two', 'few', 'many', 'other'], ko: ['other'], en: ['one', 'other'] };

/** A key as written without its plural suffix, so languages with different plural forms compare equal. */
const baseKeys = (lang: string, namespace: string) =>
  new Set(flattenKeys(resources[lang]?.[namespace] ?? {}).map((key) => key.replace(PLURAL, '')));

describe('locales', () => {
  test('English, Korean and Arabic are present', () => {
    expect(languages).toEqual(expect.arrayContaining(['en', 'ko', 'ar']));
  });

  const namespaces = Object.keys(resources.en ?? {});
  test.each(languages.flatMap((lang) => namespaces.map((ns) => [lang, ns])))('%s/%s has every key of English and no other', (lang, ns) => {
    const english = [...baseKeys('en', ns)].sort();
    expect([...baseKeys(lang, ns)].sort()).toEqual(english);
  });

  test.each(languages)('%s has no empty text and every plural form its grammar needs', (lang) => {
    const forms = requiredForms[lang] ?? new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    for (const [ns, tree] of Object.entries(resources[lang] ?? {})) {
      const keys = flattenKeys(tree);
      for (const key of keys) {
        const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree);
        expect([`${lang}/${ns}:${key}`, typeof value === 'string' && value.trim().length > 0]).toEqual([`${lang}/${ns}:${key}`, true]);
      }
      const plurals = new Set(keys.filter((key) => PLURAL.test(key)).map((key) => key.replace(PLURAL, '')));
      for (const base of plurals) {
        const missing = forms.filter((form) => !keys.includes(`${base}_${form}`));
        expect([`${lang}/${ns}:${base}`, missing]).toEqual([`${lang}/${ns}:${base}`, []]);
      }
    }
  });

  test.each(languages)('%s translates every API error code', (lang) => {
    const keys = baseKeys(lang, 'errors');
    expect(errorCodes.filter((code) => !keys.has(code))).toEqual([]);
  });
});
