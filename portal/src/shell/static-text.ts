import type { ParseKeys } from 'i18next';
import { t } from '../i18n/i18n';

/**
 * Fills the text of index.html's shell: `data-i18n="key"` sets the text, `data-i18n-aria-label="key"`
 * the accessible name. Run again after a language change.
 */
export function applyStaticText(root: ParentNode = document): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n as ParseKeys);
  }
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n-aria-label]')) {
    element.setAttribute('aria-label', t(element.dataset.i18nAriaLabel as ParseKeys));
  }
}
