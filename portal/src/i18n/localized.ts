import type { LocalizedText } from '../../../api/src/city/city-pack.types';
import { defaultLanguage } from './language-tags';

/** City data in the page's language, or in English when the city has no translation; `lang` says which. */
export interface LocalizedString {
  text: string;
  lang: string;
}

/** Only own properties count: a language such as "constructor" must not reach Object.prototype. */
function textIn(value: LocalizedText, language: string): string | undefined {
  return Object.hasOwn(value, language) ? value[language] : undefined;
}

export function localize(value: LocalizedText, language: string): LocalizedString {
  const own = textIn(value, language);
  if (own) return { text: own, lang: language };
  return { text: textIn(value, defaultLanguage) ?? '', lang: defaultLanguage };
}
