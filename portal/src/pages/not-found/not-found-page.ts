import { h } from '../../dom';
import type { PageContext, PageModule } from '../page';

function render({ t }: PageContext): HTMLElement {
  return h(
    'div',
    { class: 'page page--prose' },
    h('h1', null, t('notFound.heading')),
    h('p', null, t('notFound.body')),
    h('p', null, h('a', { href: '/' }, t('notFound.home'))),
  );
}

export const notFoundPage: PageModule = { requiresCity: false, render };
