import { defaultLanguage } from './language-tags';

/**
 * The languages the portal offers are the folders of locales/ that hold a common.json:
 * adding a language is adding a folder. Files are loaded lazily, one chunk per namespace and language.
 * Runs Vite's import.meta.glob when loaded, so only Vite and the browser can load it; what needs no files
 * lives in language-tags.ts.
 */
type Resource = Record<string, unknown>;

const files = import.meta.glob<Resource>('../../../locales/*/*.json', { import: 'default' });

const byLanguage = new Map<string, Map<string, () => Promise<Resource>>>();
for (const [path, load] of Object.entries(files)) {
  const match = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
  if (!match) continue;
  const [, language, namespace] = match as unknown as [string, string, string];
  const namespaces = byLanguage.get(language) ?? new Map<string, () => Promise<Resource>>();
  namespaces.set(namespace, load);
  byLanguage.set(language, namespaces);
}

/** Namespaces the shell needs; feature pages load their own namespace when they arrive. */
export const shellNamespaces = ['common', 'errors'] as const;

export const supportedLanguages: readonly string[] = [...byLanguage.entries()]
  .filter(([, namespaces]) => namespaces.has('common'))
  .map(([language]) => language)
  .sort((a, b) => (a === defaultLanguage ? -1 : b === defaultLanguage ? 1 : a.localeCompare(b)));

/** Loads the namespaces of one language that exist on disk; a namespace a language lacks is skipped. */
export async function loadNamespaces(language: string, namespaces: readonly string[]): Promise<[namespace: string, resource: Resource][]> {
  const available = byLanguage.get(language);
  if (!available) return [];
  const loaded = await Promise.all(
    namespaces.map(async (namespace) => {
      const load = available.get(namespace);
      return load ? ([namespace, await load()] as [string, Resource]) : null;
    }),
  );
  return loaded.filter((entry) => entry !== null);
}
