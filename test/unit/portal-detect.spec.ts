import { readdirSync } from 'node:fs';
import { localesDir } from '../../api/src/config/paths.js';
// detect.ts has no imports and no DOM types, so it type-checks under the root tsconfig and is imported directly.
import { detectLanguage, matchLanguage, type LanguageSources } from '../../portal/src/i18n/detect.js';

const supported = ['en', 'ar', 'ko'];

function detect(sources: Partial<LanguageSources>): string {
  return detectLanguage({ search: '', stored: null, preferred: [], ...sources }, supported, 'en');
}

describe('matchLanguage', () => {
  test.each([
    ['ko', 'ko'],
    ['ar', 'ar'],
    [' AR ', 'ar'],
    ['EN', 'en'],
  ])('takes a supported language as it is, whatever its case and spaces: %j → %s', (candidate, expected) => {
    expect(matchLanguage(candidate, supported)).toBe(expected);
  });

  test.each([
    ['ko-KR', 'ko'],
    ['en-GB', 'en'],
    ['en_US', 'en'],
    ['ar-AE', 'ar'],
    ['zh-Hant-TW', null],
    ['ko-Kore-KR', 'ko'],
  ])('maps a regional tag to its language: %s → %s', (candidate, expected) => {
    expect(matchLanguage(candidate, supported)).toBe(expected);
  });

  test('prefers an exact supported tag over its primary language', () => {
    expect(matchLanguage('pt-BR', ['pt', 'pt-BR'])).toBe('pt-BR');
    expect(matchLanguage('pt-PT', ['pt', 'pt-BR'])).toBe('pt');
  });

  test.each([
    ['pt-BR', 'pt-BR'],
    ['pt-br', 'pt-BR'],
    ['PT-BR', 'pt-BR'],
    ['pt_BR', 'pt-BR'],
    [' Pt_bR ', 'pt-BR'],
    ['zh-hant', 'zh-Hant'],
    ['ZH-HANT-TW', 'zh-Hant'],
    ['zh-CN', 'zh'],
    ['SR-latn', 'sr-Latn'],
    ['sr-Latn-RS', 'sr-Latn'],
  ])('matches tags in any case or separator, longest first, answering with the supported spelling: %j → %s', (candidate, expected) => {
    expect(matchLanguage(candidate, ['en', 'pt-BR', 'zh', 'zh-Hant', 'sr-Latn'])).toBe(expected);
  });

  test.each([null, undefined, '', '   ', 'fr', 'fr-CA', 'english', 'e', 'arabic', '-', '-en', '*', 'en;q=0.8', '../en', 'ko\u0000'])(
    'gives null for %j, which is not a supported language',
    (candidate) => {
      expect(matchLanguage(candidate, supported)).toBeNull();
    },
  );

  test('only ever answers with a member of the supported list', () => {
    expect(matchLanguage('ko-KR', [])).toBeNull();
    expect(matchLanguage('ko', ['en'])).toBeNull();
  });
});

describe('detectLanguage', () => {
  test('?lang= beats the stored choice and the browser list', () => {
    expect(detect({ search: '?lang=ar', stored: 'ko', preferred: ['en'] })).toBe('ar');
    expect(detect({ search: '?page=2&lang=ko-KR', stored: 'ar', preferred: ['en'] })).toBe('ko');
  });

  test('the stored choice beats the browser list', () => {
    expect(detect({ stored: 'ar', preferred: ['ko-KR', 'en'] })).toBe('ar');
  });

  test('the browser list is tried in its own order, each entry reduced to its language', () => {
    expect(detect({ preferred: ['fr-FR', 'ko-KR', 'en-US'] })).toBe('ko');
    expect(detect({ preferred: ['de', 'ar-EG', 'ko'] })).toBe('ar');
  });

  test('an unsupported ?lang= falls through to the stored choice, then the browser list', () => {
    expect(detect({ search: '?lang=fr', stored: 'ko', preferred: ['ar'] })).toBe('ko');
    expect(detect({ search: '?lang=fr', stored: 'de', preferred: ['ar'] })).toBe('ar');
    expect(detect({ search: '?lang=', stored: 'ko', preferred: ['ar'] })).toBe('ko');
  });

  test('without any usable source, the fallback is used', () => {
    expect(detect({})).toBe('en');
    expect(detect({ search: '?lang=fr', stored: 'de', preferred: ['es', 'it-IT'] })).toBe('en');
    expect(detectLanguage({ search: '', stored: null, preferred: ['fr'] }, supported, 'ko')).toBe('ko');
  });

  test('garbage in the address or in storage never throws and never becomes the language', () => {
    const garbage: Partial<LanguageSources>[] = [
      { search: '?lang=%E0%A4%A', stored: '{"lang":"ar"}' },
      { search: '?lang=<script>alert(1)</script>', stored: ' ' },
      { search: '?lang[]=ar&langs=ko', stored: 'null' },
      { search: '??lang==ar', stored: 'undefined' },
    ];
    for (const sources of garbage) expect(detect({ ...sources, preferred: ['ko'] })).toBe('ko');
  });

  test('the first ?lang= counts when the address has several', () => {
    expect(detect({ search: '?lang=ar&lang=ko' })).toBe('ar');
    expect(detect({ search: '?lang=xx&lang=ko' })).toBe('en');
  });
});

describe('the locales the portal offers', () => {
  const folders = readdirSync(localesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

  test('are named by language tags in their canonical spelling ("en", "pt-BR", "zh-Hant")', () => {
    expect(folders.length).toBeGreaterThan(0);
    expect(folders.filter((name) => Intl.getCanonicalLocales(name)[0] !== name)).toEqual([]);
  });

  test('can each be chosen, however the tag asking for it is written', () => {
    for (const name of folders) {
      for (const asked of [name, name.toLowerCase(), name.toUpperCase(), name.replaceAll('-', '_')]) {
        expect([asked, matchLanguage(asked, folders)]).toEqual([asked, name]);
      }
    }
  });
});
