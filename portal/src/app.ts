import type { ParseKeys } from 'i18next';
import { announce } from './a11y/announcer';
import { focusPageHeading } from './a11y/focus';
import type { CityLoader } from './api/city';
import { ApiError } from './api/client';
import { localized, requireElement } from './dom';
import { createFormatter } from './i18n/format';
import { applyDocumentLanguage, changeLanguage, currentLanguage, errorText, t } from './i18n/i18n';
import { localize } from './i18n/localized';
import { supportedLanguages } from './i18n/languages';
import type { PageContext } from './pages/page';
import { findRoute } from './routes';
import { startRouter } from './router';
import { renderLanguageSwitch, updateLanguageSwitch } from './shell/language-switch';
import { updatePrimaryNav } from './shell/primary-nav';
import { applyStaticText } from './shell/static-text';
import { loadErrorView, loadingView } from './shell/status-views';
import { writePreference } from './storage';

interface ShowOptions {
  /** Move focus to the new h1 and announce the page: on navigation, not on first load or a language switch. */
  isNavigation: boolean;
}

export function startApp(cityLoader: CityLoader): void {
  const main = requireElement<HTMLElement>('main');
  const cityName = requireElement<HTMLElement>('city-name');
  const primaryNav = requireElement<HTMLElement>('primary-nav');
  const languageList = requireElement<HTMLElement>('language-switch-list');

  let renderCount = 0;

  const updateCityName = () => {
    cityName.replaceChildren();
    const { city } = cityLoader;
    if (!city) return;
    const name = localize(city.name, currentLanguage());
    cityName.append(localized('span', name, currentLanguage()));
  };

  const setTitle = (pageTitle: string) => {
    const { city } = cityLoader;
    document.title = city
      ? t('shell.documentTitle', { page: pageTitle, city: localize(city.name, currentLanguage()).text })
      : t('shell.documentTitleWithoutCity', { page: pageTitle });
  };

  const show = async (path: string, { isNavigation }: ShowOptions): Promise<void> => {
    const ticket = ++renderCount;
    const language = currentLanguage();
    const route = findRoute(path);
    updatePrimaryNav(primaryNav, path);
    updateLanguageSwitch(languageList, language, path);
    main.setAttribute('aria-busy', 'true');
    if (!cityLoader.city) main.replaceChildren(loadingView());

    const [page, loadedCity] = await Promise.all([route.load().catch(() => null), cityLoader.load(language)]);
    if (ticket !== renderCount) return; // a later navigation or switch has taken over
    updateCityName();

    const retry = () => void show(window.location.pathname, { isNavigation: true });
    const context: PageContext = {
      language,
      t,
      format: createFormatter(language, loadedCity?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone),
      localize: (text) => localize(text, language),
      city: loadedCity,
    };
    let view: HTMLElement;
    let pageTitle = t(route.titleKey as ParseKeys);
    if (page && !page.requiresCity) {
      view = page.render(context);
    } else if (page && loadedCity) {
      view = page.render({ ...context, city: loadedCity });
    } else {
      const { error } = cityLoader;
      const detail = page && error instanceof ApiError && error.status > 0 ? errorText(error.code) : null;
      view = loadErrorView(retry, detail);
      pageTitle = t('loadError.title');
    }
    main.replaceChildren(view);
    main.removeAttribute('aria-busy');
    setTitle(pageTitle);
    if (isNavigation) {
      window.scrollTo(0, 0);
      focusPageHeading(main);
      announce(t('shell.navigated', { page: pageTitle }));
    }
  };

  const switchLanguage = async (language: string) => {
    if (language === currentLanguage()) return;
    await changeLanguage(language);
    writePreference('language', language);
    applyDocumentLanguage(language);
    const url = new URL(window.location.href);
    if (url.searchParams.has('lang')) {
      url.searchParams.set('lang', language);
      window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    }
    applyStaticText();
    await show(window.location.pathname, { isNavigation: false });
    announce(t('shell.languageChanged'));
  };

  renderLanguageSwitch(languageList, supportedLanguages, (language) => void switchLanguage(language));
  applyStaticText();

  const skipLink = requireElement<HTMLAnchorElement>('skip-link');
  skipLink.addEventListener('click', (event) => {
    event.preventDefault();
    main.focus();
    main.scrollIntoView({ block: 'start' });
  });

  startRouter((path) => void show(path, { isNavigation: true }));
  void show(window.location.pathname, { isNavigation: false });
}
