import type { ParseKeys } from 'i18next';
import { announce } from './a11y/announcer';
import { focusPageHeading } from './a11y/focus';
import type { CityLoader } from './api/city';
import { ApiError } from './api/client';
import { signOut } from './api/identity';
import { currentPerson, loadSession, onSessionChange, signedOut } from './auth/session';
import { h, localized, requireElement } from './dom';
import { createFormatter } from './i18n/format';
import { applyDocumentLanguage, changeLanguage, currentLanguage, ensureNamespaces, errorText, t } from './i18n/i18n';
import { localize } from './i18n/localized';
import { supportedLanguages } from './i18n/languages';
import type { PageContext } from './pages/page';
import { findRoute } from './routes';
import { startRouter } from './router';
import { renderAccountNav } from './shell/account-nav';
import { renderLanguageSwitch, updateLanguageSwitch } from './shell/language-switch';
import { updatePrimaryNav } from './shell/primary-nav';
import { applyStaticText } from './shell/static-text';
import { loadErrorView, loadingView } from './shell/status-views';
import { writePreference } from './storage';

interface ShowOptions {
  /** Move focus to the new h1 and announce the page: on navigation, not on first load or a language switch. */
  isNavigation: boolean;
  /** Shown above the page and announced with it, e.g. "You are signed out." */
  notice?: string | undefined;
}

/** A short message above the page about what has just happened; announced through the live region. */
function noticeView(text: string): HTMLElement {
  return h('div', { class: 'notice', id: 'page-notice' }, h('p', null, text));
}

export function startApp(cityLoader: CityLoader): void {
  const main = requireElement<HTMLElement>('main');
  const cityName = requireElement<HTMLElement>('city-name');
  const primaryNav = requireElement<HTMLElement>('primary-nav');
  const languageList = requireElement<HTMLElement>('language-switch-list');
  const accountNav = requireElement<HTMLElement>('account-nav');

  let renderCount = 0;
  /** A notice for the next navigation, set by navigate() just before the router calls show(). */
  let pendingNotice: string | undefined;
  let routerNavigate: (target: string) => void = () => undefined;

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

  const navigate = (target: string, notice?: string) => {
    pendingNotice = notice;
    routerNavigate(target);
  };

  const signOutFrom = (button: HTMLButtonElement) => {
    if (button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    announce(t('shell.working'));
    signOut({ language: currentLanguage() }).then(
      () => {
        signedOut();
        navigate('/', t('shell.account.signedOut'));
      },
      (error: unknown) => {
        button.removeAttribute('aria-disabled');
        // 401: the session had already ended on the server, so the person is signed out all the same.
        if (error instanceof ApiError && error.status === 401) {
          signedOut();
          navigate('/', t('shell.account.signedOut'));
          return;
        }
        announce(t('shell.account.signOutFailed'));
      },
    );
  };

  const updateAccountNav = () => {
    renderAccountNav(accountNav, currentPerson(), window.location.pathname, { signOut: signOutFrom });
  };

  const show = async (path: string, { isNavigation, notice }: ShowOptions): Promise<void> => {
    const ticket = ++renderCount;
    const language = currentLanguage();
    const route = findRoute(path);
    updatePrimaryNav(primaryNav, path);
    updateLanguageSwitch(languageList, language, path);
    main.setAttribute('aria-busy', 'true');
    // A notice is about what has just happened: it goes as soon as anything else happens.
    document.getElementById('page-notice')?.remove();
    if (!cityLoader.city) main.replaceChildren(loadingView());

    // A page comes with its texts: if either cannot be loaded, the page cannot be shown.
    const [page, loadedCity] = await Promise.all([
      Promise.all([route.load(), ensureNamespaces(language, route.namespaces)])
        .then(([module]) => module)
        .catch(() => null),
      cityLoader.load(language),
      loadSession(language),
    ]);
    if (ticket !== renderCount) return; // a later navigation or switch has taken over
    updateCityName();
    updateAccountNav();

    const retry = () => void show(window.location.pathname, { isNavigation: true });
    const context: PageContext = {
      language,
      t,
      format: createFormatter(language, loadedCity?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone),
      localize: (text) => localize(text, language),
      city: loadedCity,
      person: currentPerson(),
      navigate,
      switchLanguage,
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
    if (notice) main.replaceChildren(noticeView(notice), view);
    else main.replaceChildren(view);
    main.removeAttribute('aria-busy');
    setTitle(pageTitle);
    if (isNavigation) {
      window.scrollTo(0, 0);
      focusPageHeading(main);
      const navigated = t('shell.navigated', { page: pageTitle });
      announce(notice ? `${notice} ${navigated}` : navigated);
    }
  };

  async function switchLanguage(language: string, notice?: () => string): Promise<void> {
    if (language === currentLanguage() || !supportedLanguages.includes(language)) return;
    // A switch made from inside the page (the account's preferred language) re-renders it: focus goes
    // back to the control with the same id, so keyboard and screen-reader users stay where they were.
    const focusedId = main.contains(document.activeElement) ? document.activeElement?.id : undefined;
    // The page's own texts too, before the switch: the notice may come from them.
    await ensureNamespaces(language, findRoute(window.location.pathname).namespaces).catch(() => undefined);
    await changeLanguage(language);
    writePreference('language', language);
    applyDocumentLanguage(language);
    const url = new URL(window.location.href);
    if (url.searchParams.has('lang')) {
      url.searchParams.set('lang', language);
      window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    }
    applyStaticText();
    const text = notice?.();
    await show(window.location.pathname, { isNavigation: false, notice: text });
    if (focusedId) document.getElementById(focusedId)?.focus();
    announce(text ? `${text} ${t('shell.languageChanged')}` : t('shell.languageChanged'));
  }

  renderLanguageSwitch(languageList, supportedLanguages, (language) => void switchLanguage(language));
  applyStaticText();

  const skipLink = requireElement<HTMLAnchorElement>('skip-link');
  skipLink.addEventListener('click', (event) => {
    event.preventDefault();
    main.focus();
    main.scrollIntoView({ block: 'start' });
  });

  onSessionChange(updateAccountNav);

  routerNavigate = startRouter((path) => {
    const notice = pendingNotice;
    pendingNotice = undefined;
    void show(path, { isNavigation: true, notice });
  });
  void show(window.location.pathname, { isNavigation: false });
}
