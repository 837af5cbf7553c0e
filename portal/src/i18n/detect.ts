/** Picks the language: ?lang= first, then the stored choice, then the browser's list, else the default. */
export interface LanguageSources {
  search: string;
  stored: string | null;
  preferred: readonly string[];
}

export function matchLanguage(candidate: string | null | undefined, supported: readonly string[]): string | null {
  if (!candidate) return null;
  const tag = candidate.trim().toLowerCase();
  if (supported.includes(tag)) return tag;
  const primary = tag.split(/[-_]/)[0];
  return primary && supported.includes(primary) ? primary : null;
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
