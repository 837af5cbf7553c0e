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
  const match = (tag: string): string | undefined => {
    const lower = tag.trim().toLowerCase();
    return supported.find((lang) => lang === lower) ?? supported.find((lang) => lang === lower.split('-')[0]);
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
