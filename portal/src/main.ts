import './styles/main.css';
import { CityLoader } from './api/city';
import { startApp } from './app';
import { loadSession } from './auth/session';
import { requireElement } from './dom';
import { detectLanguage } from './i18n/detect';
import { applyDocumentLanguage, initI18n } from './i18n/i18n';
import { defaultLanguage } from './i18n/language-tags';
import { supportedLanguages } from './i18n/languages';
import { findRoute } from './routes';
import { readPreference } from './storage';
import { applyInitialContrast, setUpContrastToggle } from './theme/contrast';

applyInitialContrast();

const language = detectLanguage(
  { search: window.location.search, stored: readPreference('language'), preferred: navigator.languages },
  supportedLanguages,
  defaultLanguage,
);
applyDocumentLanguage(language);

// The city, the session, the first page's code and the translations are fetched in parallel.
const cityLoader = new CityLoader();
void cityLoader.load(language);
void loadSession(language);
const firstRoute = findRoute(window.location.pathname);
firstRoute.load().catch(() => undefined); // app.ts shows the failure when it asks again
await initI18n(language, firstRoute.namespaces);
setUpContrastToggle(requireElement<HTMLButtonElement>('theme-toggle'));
startApp(cityLoader);
