import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** language → namespace → nested keys, exactly as the JSON files hold them. */
export type LocaleResources = Record<string, Record<string, Record<string, unknown>>>;

/** Reads every `locales/<lang>/<namespace>.json`. The same files feed the portal. */
export function readLocales(dir: string): LocaleResources {
  const resources: LocaleResources = {};
  for (const lang of readdirSync(dir).sort()) {
    const langDir = join(dir, lang);
    if (!statSync(langDir).isDirectory()) continue;
    const namespaces: Record<string, Record<string, unknown>> = {};
    for (const file of readdirSync(langDir).filter((f) => f.endsWith('.json'))) {
      const path = join(langDir, file);
      try {
        namespaces[file.slice(0, -'.json'.length)] = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
      } catch (error) {
        throw new Error(`locale file ${path} is not valid JSON: ${(error as Error).message}`, { cause: error });
      }
    }
    resources[lang] = namespaces;
  }
  return resources;
}

/** Flattens nested keys to dotted paths: { a: { b: 'x' } } → ['a.b']. */
export function flattenKeys(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    value !== null && typeof value === 'object' ? flattenKeys(value as Record<string, unknown>, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}
