/**
 * What the portal knows from a language tag alone, without its translation files. Nothing here imports or
 * touches the DOM, so the page helpers can use it and Node tests can load it.
 */
export const defaultLanguage = 'en';

const rtlLanguages = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ks', 'ps', 'sd', 'ug', 'ur', 'yi']);
/** Scripts written right to left; a script subtag overrides the language's usual one ("pa-Arab", "ks-Deva"). */
const rtlScripts = new Set(['adlm', 'arab', 'hebr', 'mand', 'mend', 'nkoo', 'rohg', 'samr', 'syrc', 'thaa']);

/** 'rtl' or 'ltr' for a BCP 47 tag, whatever its case and whether it is written with "-" or "_". */
export function directionOf(language: string): 'ltr' | 'rtl' {
  const [primary = '', second] = language.trim().toLowerCase().split(/[-_]/);
  if (second !== undefined && /^[a-z]{4}$/.test(second)) return rtlScripts.has(second) ? 'rtl' : 'ltr';
  return rtlLanguages.has(primary) ? 'rtl' : 'ltr';
}

/** The language's own name in its own script ("한국어", "العربية"), for the language switch. */
export function nativeName(language: string): string {
  try {
    const name = new Intl.DisplayNames([language], { type: 'language' }).of(language);
    if (name) return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
  } catch {
    // An engine without DisplayNames for this tag: the code is still a usable label.
  }
  return language;
}
