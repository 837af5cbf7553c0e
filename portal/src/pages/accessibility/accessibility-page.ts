import { h } from '../../dom';
import type { PageContext, PageModule } from '../page';

const supported = ['keyboard', 'screenReaders', 'contrast', 'motion', 'zoom', 'languages', 'textAlternatives'] as const;

function render({ t }: PageContext): HTMLElement {
  return h(
    'div',
    { class: 'page page--prose' },
    h('h1', null, t('accessibility.heading')),
    h('p', { class: 'lead' }, t('accessibility.intro')),
    h('h2', null, t('accessibility.targetHeading')),
    h('p', null, t('accessibility.target')),
    h('h2', null, t('accessibility.supportHeading')),
    h('ul', { class: 'bullet-list' }, ...supported.map((item) => h('li', null, t(`accessibility.support.${item}`)))),
    h('h2', null, t('accessibility.reportHeading')),
    h('p', null, t('accessibility.report')),
  );
}

/** Readable even when the city's data cannot be loaded. */
export const accessibilityPage: PageModule = { requiresCity: false, render };
