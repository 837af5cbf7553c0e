import type { LocalizedText } from '../../../api/src/city/city-pack.types';
import { defaultLanguage } from './languages';

/** City data in the page's language, or in English when the city has no translation; `lang` says which. */
export interface LocalizedString {
  text: string;
  lang: string;
}

export function localize(value: LocalizedText, language: string): LocalizedString {
  const own = value[language];
  if (own) return { text: own, lang: language };
  return { text: value[defaultLanguage] ?? '', lang: defaultLanguage };
}
