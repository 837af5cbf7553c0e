import i18next, { type TFunction } from 'i18next';
import { defaultLanguage, directionOf } from './language-tags';
import { loadNamespaces, shellNamespaces } from './languages';

const instance = i18next.createInstance();
/** "<language>/<namespace>" of every file already added (or found missing). */
const loaded = new Set<string>();

/**
 * Loads the shell's namespaces and the given ones of a language, each file once. Feature pages name their
 * namespaces in routes.ts, so their texts arrive with their code and in the active language only.
 */
export async function ensureNamespaces(language: string, namespaces: readonly string[] = []): Promise<void> {
  const missing = [...new Set([...shellNamespaces, ...namespaces])].filter((namespace) => !loaded.has(`${language}/${namespace}`));
  if (missing.length === 0) return;
  for (const [namespace, resource] of await loadNamespaces(language, missing)) {
    instance.addResourceBundle(language, namespace, resource, true, true);
  }
  for (const namespace of missing) loaded.add(`${language}/${namespace}`);
}

/** Starts i18next with only the given language's files loaded: the shell's and those of the first page. */
export async function initI18n(language: string, pageNamespaces: readonly string[] = []): Promise<void> {
  await instance.init({
    lng: language,
    // Every key exists in every language (the tests check it), so no second language is downloaded.
    fallbackLng: false,
    ns: [...shellNamespaces],
    defaultNS: 'common',
    resources: {},
    partialBundledLanguages: true,
    // Text is only ever set with textContent, never parsed as HTML.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await ensureNamespaces(language, pageNamespaces);
  await instance.changeLanguage(language);
}

export async function changeLanguage(language: string): Promise<void> {
  await ensureNamespaces(language);
  await instance.changeLanguage(language);
}

export function currentLanguage(): string {
  return instance.language || defaultLanguage;
}

/**
 * Keys of the shell's namespace as they are ("home.title"); keys of a feature's namespace with its prefix
 * ("account:profile.heading"). A feature namespace joins this list and i18next.d.ts.
 */
export type PortalTFunction = TFunction<
  ['common', 'account', 'complaints', 'console', 'queues', 'appointments', 'twin', 'documents', 'consultations']
>;

export const t: PortalTFunction = instance.t.bind(instance);

// Error codes arrive from the API at run time, so this lookup cannot be checked against the locale files.
const lookUp = instance.t.bind(instance) as unknown as (key: string) => string;

/** The API's translated text for an error code, when the errors namespace has one without parameters. */
export function errorText(code: string): string | null {
  const key = `errors:${code}`;
  return instance.exists(key) ? lookUp(key) : null;
}

/** Sets <html lang> and <html dir>. */
export function applyDocumentLanguage(language: string): void {
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}
