import { negotiateLanguage } from './language.js';

const supported = ['ar', 'en', 'ko'];
const pick = (query?: string, header?: string) => negotiateLanguage(supported, 'en', query, header);

describe('negotiateLanguage', () => {
  test('?lang= wins over the header when supported', () => {
    expect(pick('ar', 'ko')).toBe('ar');
    expect(pick('fr', 'ko')).toBe('ko');
  });

  test('honours q-values and maps regions to their language', () => {
    expect(pick(undefined, 'fr-FR,ko-KR;q=0.8,en;q=0.9')).toBe('en');
    expect(pick(undefined, 'ko-KR')).toBe('ko');
    expect(pick(undefined, 'AR-ae;q=0.5, de')).toBe('ar');
  });

  test('matches without regard to case or separator, longest tag first, in the offered spelling', () => {
    const offered = ['en', 'pt', 'pt-BR', 'zh-Hant'];
    expect(negotiateLanguage(offered, 'en', 'PT_br', undefined)).toBe('pt-BR');
    expect(negotiateLanguage(offered, 'en', 'pt-PT', undefined)).toBe('pt');
    expect(negotiateLanguage(offered, 'en', undefined, 'zh-hant-TW, en;q=0.1')).toBe('zh-Hant');
    expect(negotiateLanguage(offered, 'en', undefined, 'zh-Hans')).toBe('en');
  });

  test('falls back to English for nothing usable, q=0 or garbage', () => {
    expect(pick(undefined, undefined)).toBe('en');
    expect(pick(undefined, 'ko;q=0')).toBe('en');
    expect(pick(undefined, ';;;,q=,\u0000')).toBe('en');
    expect(pick(undefined, 'x,'.repeat(10_000) + 'ko')).toBe('en');
  });
});
