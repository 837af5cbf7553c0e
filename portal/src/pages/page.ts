import type { CityPack, LocalizedText } from '../../../api/src/city/city-pack.types';
import type { Me } from '../api/identity';
import type { Formatter } from '../i18n/format';
import type { PortalTFunction } from '../i18n/i18n';
import type { LocalizedString } from '../i18n/localized';

/** What a page gets to render itself. Pages are pure: the same context gives the same DOM. */
export interface PageContext {
  language: string;
  t: PortalTFunction;
  format: Formatter;
  /** City data in the page's language, falling back to English. */
  localize: (text: LocalizedText) => LocalizedString;
  city: CityPack | null;
  /** The signed-in person, null when signed out. */
  person: Me | null;
  /**
   * Opens another page as a link would (focus on its h1, announced). A `notice` ("You are signed out.") is
   * shown at the top of the new page and announced with it.
   */
  navigate: (path: string, notice?: string) => void;
  /**
   * Switches the portal's language as the header's switch does, then re-renders the page and puts focus back
   * on the element with the same id. `notice` is called once the new language is active.
   */
  switchLanguage: (language: string, notice?: () => string) => Promise<void>;
}

export interface CityPageContext extends PageContext {
  city: CityPack;
}

/** A page renders one root element holding exactly one h1. */
export type PageModule =
  | { requiresCity: true; render: (context: CityPageContext) => HTMLElement }
  | { requiresCity: false; render: (context: PageContext) => HTMLElement };
