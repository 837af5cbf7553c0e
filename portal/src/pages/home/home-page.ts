import type { CityPack, ServiceKind } from '../../../../api/src/city/city-pack.types';
import { h } from '../../dom';
import type { CityPageContext, PageModule } from '../page';

type Group = 'complaints' | 'appointments' | 'documents' | 'queue' | 'tourism';

const groups: readonly Group[] = ['complaints', 'appointments', 'documents', 'queue', 'tourism'];

const serviceKinds: Partial<Record<Group, ServiceKind>> = {
  complaints: 'complaint',
  appointments: 'appointment',
  documents: 'document',
};

/** How many things of the group the city has, and how to say it; null when there is nothing to count. */
function countOf(group: Group, city: CityPack, { t }: CityPageContext): string | null {
  const kind = serviceKinds[group];
  if (kind) {
    const count = city.services.filter((service) => service.kind === kind).length;
    return count > 0 ? t('home.count.services', { count }) : null;
  }
  if (group === 'queue') {
    const count = city.cityHall.counters.length;
    return count > 0 ? t('home.count.counters', { count }) : null;
  }
  const count = city.tourismZones.reduce((sum, zone) => sum + zone.sites.length, 0);
  return count > 0 ? t('home.count.sites', { count }) : null;
}

function groupCard(group: Group, context: CityPageContext): HTMLElement {
  const { t } = context;
  const count = countOf(group, context.city, context);
  return h(
    'li',
    { class: `card card--${group}` },
    h('h2', { class: 'card__title' }, t(`home.groups.${group}.title`)),
    h('p', { class: 'card__text' }, t(`home.groups.${group}.description`)),
    count ? h('p', { class: 'card__meta' }, count) : null,
    group === 'complaints'
      ? h(
          'ul',
          { class: 'card__links' },
          h('li', null, h('a', { href: '/complaints/new', id: 'home-complaints-new-link' }, t('home.groups.complaints.links.new'))),
          h('li', null, h('a', { href: '/complaints/track', id: 'home-complaints-track-link' }, t('home.groups.complaints.links.track'))),
          h('li', null, h('a', { href: '/complaints/mine', id: 'home-complaints-mine-link' }, t('home.groups.complaints.links.mine'))),
        )
      : null,
    group === 'appointments'
      ? h(
          'ul',
          { class: 'card__links' },
          h('li', null, h('a', { href: '/appointments/new', id: 'home-appointments-new-link' }, t('home.groups.appointments.links.new'))),
          h('li', null, h('a', { href: '/appointments', id: 'home-appointments-mine-link' }, t('home.groups.appointments.links.mine'))),
        )
      : null,
    group === 'documents'
      ? h(
          'ul',
          { class: 'card__links' },
          h('li', null, h('a', { href: '/documents', id: 'home-documents-link' }, t('home.groups.documents.links.apply'))),
          h(
            'li',
            null,
            h('a', { href: '/documents#documents-mine', id: 'home-documents-mine-link' }, t('home.groups.documents.links.mine')),
          ),
        )
      : null,
    group === 'queue'
      ? h(
          'ul',
          { class: 'card__links' },
          h('li', null, h('a', { href: '/queues', id: 'home-queue-take-link' }, t('home.groups.queue.links.take'))),
          h('li', null, h('a', { href: '/queues/board', id: 'home-queue-board-link' }, t('home.groups.queue.links.board'))),
        )
      : null,
    group === 'tourism'
      ? h(
          'ul',
          { class: 'card__links' },
          h('li', null, h('a', { href: '/twin', id: 'home-twin-link' }, t('home.groups.tourism.links.twin'))),
        )
      : null,
  );
}

function render(context: CityPageContext): HTMLElement {
  const { t, city, format } = context;
  const cityName = context.localize(city.name).text;
  return h(
    'div',
    { class: 'page page--home' },
    h('h1', null, t('home.heading', { city: cityName })),
    h('p', { class: 'lead' }, t('home.intro')),
    h('p', { class: 'page__meta' }, t('home.today', { city: cityName, date: format.date(new Date()) })),
    h('ul', { class: 'card-grid', role: 'list' }, ...groups.map((group) => groupCard(group, context))),
    h('p', null, h('a', { href: '/services', class: 'link-arrow' }, t('home.allServices'))),
  );
}

export const homePage: PageModule = { requiresCity: true, render };
