import { directionOf } from './i18n/language-tags';
import type { LocalizedString } from './i18n/localized';

type Child = Node | string | null | undefined | false;
type AttributeValue = string | number | boolean | null | undefined;

/**
 * Builds an element. Text always goes in as text nodes, never as HTML, so translations and city data
 * cannot inject markup. `false`, `null` and `undefined` attributes are left out; `true` is an empty one.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes?: Record<string, AttributeValue> | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

/**
 * City text in an element that carries `lang` (and `dir`) when the text is in another language than the page,
 * so a screen reader switches voice and an English fallback inside Arabic keeps its punctuation in place.
 */
export function localized<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  value: LocalizedString,
  pageLanguage: string,
  attributes?: Record<string, AttributeValue> | null,
): HTMLElementTagNameMap[K] {
  const foreign = value.lang !== pageLanguage;
  return h(tag, { ...attributes, lang: foreign ? value.lang : undefined, dir: foreign ? directionOf(value.lang) : undefined }, value.text);
}

export function requireElement<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`index.html lacks #${id}`);
  return element as T;
}

/**
 * Text that goes inside a translated sentence (a person's name) wrapped in first-strong isolates, so a name in
 * another script cannot reorder the sentence around it: the text version of <bdi>.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
