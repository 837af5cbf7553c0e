import { Injectable } from '@nestjs/common';
import i18next, { type i18n } from 'i18next';
import { localesDir } from '../config/paths.js';
import { negotiateLanguage } from './language.js';
import { readLocales, type LocaleResources } from './locales.js';

export const FALLBACK_LANGUAGE = 'en';

/** Translations for API answers, from the same locales/ files as the portal. */
@Injectable()
export class I18nService {
  readonly languages: readonly string[];
  private readonly i18n: i18n;

  constructor(resources: LocaleResources = readLocales(localesDir)) {
    this.languages = Object.keys(resources);
    this.i18n = i18next.createInstance();
    void this.i18n.init({
      resources,
      lng: FALLBACK_LANGUAGE,
      fallbackLng: FALLBACK_LANGUAGE,
      supportedLngs: [...this.languages],
      ns: [...new Set(Object.values(resources).flatMap((namespaces) => Object.keys(namespaces)))],
      defaultNS: 'common',
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  }

  t(language: string, key: string, params: Record<string, unknown> = {}): string {
    return this.i18n.t(key, { ...params, lng: language });
  }

  has(language: string, key: string): boolean {
    return this.i18n.exists(key, { lng: language, fallbackLng: false });
  }

  negotiate(query: string | undefined, acceptLanguage: string | undefined): string {
    return negotiateLanguage(this.languages, FALLBACK_LANGUAGE, query, acceptLanguage);
  }
}
