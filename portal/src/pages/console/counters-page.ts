import type { ServiceCounter } from '../../../../api/src/city/city-pack.types';
import type { Me } from '../../api/identity';
import { listCounters, type CounterView } from '../../api/queues';
import { h, localized } from '../../dom';
import { problemsOfError } from '../../forms/form-controller';
import type { CityPageContext, PageModule } from '../page';
import { accessView } from './console-access';

/**
 * The counters an official may run, as the API decides it: admins any, an official those with a service of their
 * department (the API answers 403 for the others, so they are not offered).
 */
function mayRun(person: Me, counter: ServiceCounter, context: CityPageContext): boolean {
  if (person.role === 'admin') return true;
  return counter.serviceIds.some((id) => context.city.services.find((service) => service.id === id)?.departmentId === person.departmentId);
}

function counterItem(counter: ServiceCounter, view: CounterView | undefined, context: CityPageContext): HTMLElement {
  const { t, language } = context;
  const summary = view
    ? t('queues:console.counters.summary', {
        state: t(`queues:counterState.${view.state}`),
        waiting: t('queues:waiting', { count: view.waiting }),
      })
    : null;
  return h(
    'li',
    null,
    h(
      'a',
      { href: `/console/counter?id=${encodeURIComponent(counter.id)}`, id: `counters-link-${counter.id}` },
      localized('span', context.localize(counter.name), language),
    ),
    summary ? h('p', { class: 'field__hint' }, summary) : null,
  );
}

/** The list of counters to run, each with whether it is open and how many wait; a link opens its console. */
function render(context: CityPageContext): HTMLElement {
  const { t, language, person } = context;
  const denied = accessView(t('queues:console.counters.heading'), context);
  if (denied || !person) return denied ?? h('div');
  const mine = context.city.cityHall.counters.filter((counter) => mayRun(person, counter, context));
  const list = h('div', { id: 'counters-list' });
  const page = h(
    'div',
    { class: 'page page--console' },
    h('h1', null, t('queues:console.counters.heading')),
    h('p', { class: 'lead' }, t('queues:console.counters.intro')),
    list,
  );
  if (mine.length === 0) {
    list.append(h('p', { id: 'counters-none' }, t('queues:console.counters.none')));
    return page;
  }
  list.setAttribute('aria-busy', 'true');
  list.append(h('p', { class: 'loading' }, t('queues:console.counters.loading')));
  // Open or closed and the line's length are a help, not a need: without them the links are still there.
  const show = (views: readonly CounterView[], problem: string | null) => {
    const items = mine.map((counter) =>
      counterItem(
        counter,
        views.find((view) => view.id === counter.id),
        context,
      ),
    );
    list.replaceChildren(
      problem ? h('p', { class: 'alert', id: 'counters-load-error' }, problem) : '',
      h('ul', { class: 'link-list counters-list' }, ...items),
    );
    list.removeAttribute('aria-busy');
  };
  listCounters({ language }).then(
    (views) => show(views, null),
    (error: unknown) => {
      const [problem] = problemsOfError(error, {});
      show([], problem && 'message' in problem ? problem.message : t('queues:console.counters.loadFailed'));
    },
  );
  return page;
}

export const countersPage: PageModule = { requiresCity: true, render };
