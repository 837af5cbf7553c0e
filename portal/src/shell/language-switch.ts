import { h } from '../dom';
import { directionOf, nativeName } from '../i18n/language-tags';

/**
 * The language switch: one link per language, named in its own script and marked with its language,
 * so it is found by someone who cannot read the current one. The links work without script too
 * (?lang=), and keep the user on the same page.
 */
export function renderLanguageSwitch(list: HTMLElement, languages: readonly string[], onSelect: (language: string) => void): void {
  list.replaceChildren(
    ...languages.map((language) => {
      const link = h(
        'a',
        {
          class: 'language-switch__link',
          href: `?lang=${language}`,
          lang: language,
          hreflang: language,
          dir: directionOf(language),
          'data-lang-option': language,
        },
        nativeName(language),
      );
      link.addEventListener('click', (event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        onSelect(language);
      });
      return h('li', null, link);
    }),
  );
}

/** Marks the active language and points each link at the current page. */
export function updateLanguageSwitch(list: HTMLElement, current: string, path: string): void {
  for (const link of list.querySelectorAll<HTMLAnchorElement>('a[data-lang-option]')) {
    const language = link.dataset.langOption ?? '';
    link.href = `${path}?lang=${encodeURIComponent(language)}`;
    if (language === current) link.setAttribute('aria-current', 'true');
    else link.removeAttribute('aria-current');
  }
}
