import { h } from '../dom';
import { t } from '../i18n/i18n';

/** Shown in <main> while the city's data is on its way; main carries aria-busy meanwhile. */
export function loadingView(): HTMLElement {
  return h('div', { class: 'page page--loading' }, h('p', { class: 'loading' }, t('shell.loading')));
}

/** Shown when the city's data or a page's code could not be loaded. */
export function loadErrorView(onRetry: () => void, detail: string | null): HTMLElement {
  const retry = h('button', { type: 'button', class: 'button', id: 'retry-button' }, t('loadError.retry'));
  retry.addEventListener('click', onRetry);
  return h(
    'div',
    { class: 'page page--error' },
    h(
      'div',
      { class: 'alert', role: 'alert' },
      h('h1', null, t('loadError.heading')),
      h('p', null, t('loadError.body')),
      detail ? h('p', { class: 'alert__detail' }, detail) : null,
    ),
    h('p', null, retry),
  );
}
