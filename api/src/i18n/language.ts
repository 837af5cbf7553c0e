/**
 * Picks the response language: `?lang=` first, then the best match of Accept-Language (q-values honoured,
 * region subtags matched to their language: "ko-KR" → "ko"), else the fallback.
 */
export function negotiateLanguage(
  supported: readonly string[],
  fallback: string,
  query: string | undefined,
  acceptLanguage: string | undefined,
): string {
  // Tags compare without regard to case or separator, and lose subtags from the end until one is offered:
  // "zh_hant_TW" finds a "zh-Hant" folder before a "zh" one. The answer is spelled as the folder is.
  const normalise = (tag: string) => tag.trim().toLowerCase().replace(/_/g, '-');
  const match = (tag: string): string | undefined => {
    const parts = normalise(tag).split('-');
    for (let length = parts.length; length > 0; length -= 1) {
      const candidate = parts.slice(0, length).join('-');
      const found = supported.find((lang) => normalise(lang) === candidate);
      if (found) return found;
    }
    return undefined;
  };
  if (query) {
    const chosen = match(query);
    if (chosen) return chosen;
  }
  if (acceptLanguage) {
    const ranked = acceptLanguage
      // A hostile header can be long; no real one lists more than a few dozen languages.
      .split(',', 50)
      .map((part, index) => {
        const [tag = '', ...params] = part.split(';');
        const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
        const quality = q ? Number(q.slice(2)) : 1;
        return { tag, quality: Number.isFinite(quality) ? quality : 0, index };
      })
      .filter((entry) => entry.quality > 0)
      .sort((a, b) => b.quality - a.quality || a.index - b.index);
    for (const { tag } of ranked) {
      const chosen = match(tag);
      if (chosen) return chosen;
    }
  }
  return fallback;
}
