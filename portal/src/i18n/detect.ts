/** Picks the language: ?lang= first, then the stored choice, then the browser's list, else the default. */
export interface LanguageSources {
  search: string;
  stored: string | null;
  preferred: readonly string[];
}

/** Language tags are case-insensitive and browsers and systems write them with "-" or "_". */
function comparable(tag: string): string {
  return tag.trim().toLowerCase().replaceAll('_', '-');
}

/**
 * The supported language a tag asks for, spelled as in the supported list ("pt-br" → "pt-BR"), or null. Subtags
 * are dropped from the end until one matches (RFC 4647 lookup): "zh-Hant-TW" → "zh-Hant" → "zh".
 */
export function matchLanguage(candidate: string | null | undefined, supported: readonly string[]): string | null {
  if (!candidate) return null;
  const subtags = comparable(candidate).split('-');
  for (let length = subtags.length; length > 0; length -= 1) {
    const tag = subtags.slice(0, length).join('-');
    const match = tag ? supported.find((language) => comparable(language) === tag) : undefined;
    if (match) return match;
  }
  return null;
}

export function detectLanguage(sources: LanguageSources, supported: readonly string[], fallback: string): string {
  const fromQuery = matchLanguage(new URLSearchParams(sources.search).get('lang'), supported);
  if (fromQuery) return fromQuery;
  const fromStore = matchLanguage(sources.stored, supported);
  if (fromStore) return fromStore;
  for (const preferred of sources.preferred) {
    const match = matchLanguage(preferred, supported);
    if (match) return match;
  }
  return fallback;
}
