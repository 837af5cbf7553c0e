import type { OfficialState } from '../../../../api/src/city/official-view.types';
import { h, localized } from '../../dom';
import type { CityPageContext } from '../page';
import type { Place } from './places';

/** The text twin: every point of interest of the 3D view as a heading-structured list of real buttons. */
export interface PlacesPanel {
  element: HTMLElement;
  buttonOf(key: string): HTMLButtonElement | undefined;
  /** Marks the place shown in the 3D view (aria-current) without moving focus. */
  markSelected(key: string | null): void;
  setOfficialState(officialId: string, state: OfficialState): void;
}

export interface PlacesPanelEvents {
  /** Focus reached a place's button: the 3D view follows. */
  onFocusPlace: (place: Place) => void;
  onOpenPlace: (place: Place, invoker: HTMLElement) => void;
}

export function buttonIdOf(key: string): string {
  return `twin-place-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

export function placesPanel(places: readonly Place[], context: CityPageContext, events: PlacesPanelEvents): PlacesPanel {
  const { t, city, language } = context;
  const buttons = new Map<string, HTMLButtonElement>();
  const states = new Map<string, HTMLElement>();

  const item = (place: Place): HTMLElement => {
    const name = context.localize(place.name);
    const detail = place.detail ? context.localize(place.detail) : null;
    const state = place.kind === 'official' ? h('span', { class: 'twin-state twin-state--away' }, t('twin:state.away')) : null;
    if (state) states.set(place.id, state);
    const button = h(
      'button',
      { type: 'button', class: `twin-place twin-place--${place.kind}`, id: buttonIdOf(place.key), 'data-place': place.key },
      h('span', { class: 'twin-place__kind' }, t(`twin:kind.${place.kind}`)),
      localized('span', name, language, { class: 'twin-place__name' }),
      detail ? localized('span', detail, language, { class: 'twin-place__detail' }) : null,
      state,
    );
    button.addEventListener('focus', () => events.onFocusPlace(place));
    button.addEventListener('click', () => events.onOpenPlace(place, button));
    buttons.set(place.key, button);
    return h('li', null, button);
  };
  const list = (members: readonly Place[]) => h('ul', { class: 'twin-places__list', role: 'list' }, ...members.map(item));

  const hallPlaces = places.filter((place) => place.group === city.cityHall.id);
  const landmarks = places.filter((place) => place.group === 'landmarks');
  const sections: HTMLElement[] = [
    h('section', { class: 'twin-places__group' }, localized('h3', context.localize(city.cityHall.name), language), list(hallPlaces)),
  ];
  if (landmarks.length > 0)
    sections.push(h('section', { class: 'twin-places__group' }, h('h3', null, t('twin:places.landmarks')), list(landmarks)));
  for (const zone of city.tourismZones) {
    const sites = zone.sites.map((site) =>
      h(
        'div',
        { class: 'twin-places__site' },
        localized('h4', context.localize(site.name), language),
        list(places.filter((place) => place.parentId === site.id || place.key === `site:${site.id}`)),
      ),
    );
    sections.push(
      h(
        'section',
        { class: 'twin-places__group' },
        localized('h3', context.localize(zone.name), language),
        localized('p', context.localize(zone.description), language, { class: 'muted' }),
        ...sites,
      ),
    );
  }

  const element = h(
    'section',
    { class: 'twin-places', id: 'twin-places', 'aria-labelledby': 'twin-places-heading' },
    h('h2', { id: 'twin-places-heading' }, t('twin:places.heading')),
    h('p', { class: 'twin-places__hint' }, t('twin:places.hint')),
    ...sections,
  );

  // Up and down arrows walk the same order as the arrow keys in the 3D view.
  const ordered = places.map((place) => buttons.get(place.key)).filter((button) => button !== undefined);
  element.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const index = ordered.findIndex((button) => button === document.activeElement);
    if (index < 0) return;
    event.preventDefault();
    const next = ordered[(index + (event.key === 'ArrowDown' ? 1 : ordered.length - 1)) % ordered.length];
    next?.focus();
  });

  return {
    element,
    buttonOf: (key) => buttons.get(key),
    markSelected: (key) => {
      for (const [buttonKey, button] of buttons) {
        if (buttonKey === key) button.setAttribute('aria-current', 'true');
        else button.removeAttribute('aria-current');
      }
    },
    setOfficialState: (officialId, state) => {
      const badge = states.get(officialId);
      if (!badge) return;
      badge.className = `twin-state twin-state--${state}`;
      badge.textContent = t(`twin:state.${state}`);
    },
  };
}
