import type { TFunction } from 'i18next';
import type { CityPack, LocalizedText } from '../../../api/src/city/city-pack.types';
import type { Formatter } from '../i18n/format';
import type { LocalizedString } from '../i18n/localized';

/** What a page gets to render itself. Pages are pure: the same context gives the same DOM. */
export interface PageContext {
  language: string;
  t: TFunction;
  format: Formatter;
  /** City data in the page's language, falling back to English. */
  localize: (text: LocalizedText) => LocalizedString;
  city: CityPack | null;
}

export interface CityPageContext extends PageContext {
  city: CityPack;
}

/** A page renders one root element holding exactly one h1. */
export type PageModule =
  | { requiresCity: true; render: (context: CityPageContext) => HTMLElement }
  | { requiresCity: false; render: (context: PageContext) => HTMLElement };
