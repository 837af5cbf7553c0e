import './twin-page.css';
import type { OfficialState } from '../../../../api/src/city/official-view.types';
import { announce } from '../../a11y/announcer';
import { h, localized } from '../../dom';
import { readPreference, writePreference } from '../../storage';
import type { LabelImageInfo } from '../../twin/text-labels';
import type { TwinPick, TwinView } from '../../twin/twin-view';
import type { DrawnVisitor } from '../../twin/visitor-avatars';
import type { CityPageContext, PageModule } from '../page';
import { whenRemoved } from '../page-lifetime';
import { followOfficialStates } from './official-states';
import { counterContent, officialContent, reportLink, TwinDialog } from './place-dialog';
import { showConsultationInHall } from './hall-consultation';
import { hallVisitors } from './hall-visitors';
import { overviewOf, type Place, placesOf } from './places';
import { placesPanel } from './places-panel';
import { TourPanel } from './tour-panel';

/** Storey height used to turn a picked height on a building into a floor for the complaint form. */
const STOREY_METRES = 3.5;

function webglAvailable(): boolean {
  const canvas = document.createElement('canvas');
  return (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) !== null;
}

/** Read-only hooks for tests and the benchmark, exposed only with `?testHooks=1`. */
interface TwinTestHooks {
  framesRendered: () => number;
  firstFrameMs: () => Promise<number>;
  screenPositionOf: (key: string) => { x: number; y: number } | null;
  distinctColours: () => Promise<number>;
  labelImages: () => LabelImageInfo[];
  visitorsDrawn: () => DrawnVisitor[];
}

declare global {
  interface Window {
    __twin?: TwinTestHooks;
  }
}

function render(context: CityPageContext): HTMLElement {
  const { t, city, language } = context;
  const params = new URLSearchParams(window.location.search);
  const places = placesOf(city);
  const states = new Map<string, OfficialState>();
  const stateOf = (officialId: string): OfficialState => states.get(officialId) ?? 'away';
  const counterStateOf = (counterId: string): OfficialState =>
    stateOf(city.officials.find((official) => official.counterId === counterId)?.id ?? '');
  const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  let twin: TwinView | null = null;
  let selected = -1;

  const dialog = new TwinDialog(context);
  const tour = new TourPanel(context, {
    onStop: (view) => twin?.show(view, reducedMotion()),
    onReconstruction: (siteId, shown) => twin?.showReconstruction(siteId, shown),
    onEnd: () => panel.buttonOf(places[selected]?.key ?? '')?.focus(),
  });

  const select = (index: number): Place | undefined => {
    selected = (index + places.length) % places.length;
    const place = places[selected];
    if (!place) return undefined;
    twin?.show(place.camera, reducedMotion());
    twin?.select(place.kind === 'official' ? place.key : null);
    panel.markSelected(place.key);
    visitors.walkToPlace(place);
    return place;
  };

  const open = (place: Place, invoker: HTMLElement) => {
    const title = localized('h2', context.localize(place.name), language);
    if (place.kind === 'official') {
      const official = city.officials.find((candidate) => candidate.id === place.id);
      const counter = city.cityHall.counters.find((candidate) => candidate.id === official?.counterId);
      if (official && counter) dialog.open(title, officialContent(official, counter, stateOf(official.id), context), invoker);
    } else if (place.kind === 'counter') {
      const counter = city.cityHall.counters.find((candidate) => candidate.id === place.id);
      if (counter) dialog.open(title, counterContent(counter, counterStateOf(counter.id), context), invoker);
    } else if (place.kind === 'landmark') {
      dialog.open(
        title,
        [h('p', null, t('twin:report.intro')), reportLink({ buildingId: place.id, floor: null, point: place.position }, context)],
        invoker,
      );
    } else {
      const siteId = place.kind === 'site' ? place.id : place.parentId;
      const site = city.tourismZones.flatMap((zone) => zone.sites).find((candidate) => candidate.id === siteId);
      if (site)
        tour.start(
          site,
          Math.max(
            0,
            site.tourStops.findIndex((stop) => stop.id === place.id),
          ),
        );
    }
  };

  const panel = placesPanel(places, context, {
    onFocusPlace: (place) => select(places.indexOf(place)),
    onOpenPlace: open,
  });

  const onPick = (pick: TwinPick | null, canvas: HTMLCanvasElement) => {
    if (!pick) return;
    if (pick.kind === 'place') {
      const index = places.findIndex((place) => place.key === pick.key);
      const place = select(index);
      if (place) open(place, canvas);
      return;
    }
    const building = city.buildings.find((candidate) => candidate.id === pick.buildingId);
    const floor = building ? Math.max(0, Math.floor((pick.point.height ?? 0) / STOREY_METRES)) : null;
    const title = building ? localized('h2', context.localize(building.name), language) : h('h2', null, t('twin:report.point'));
    const where = floor !== null ? h('p', null, t('twin:report.floor', { floor: context.format.number(floor) })) : null;
    dialog.open(
      title,
      [
        h('p', null, t('twin:report.intro')),
        ...(where ? [where] : []),
        reportLink({ buildingId: building?.id ?? null, floor, point: pick.point }, context),
      ],
      canvas,
    );
  };

  // Visitors' presence: you stand in the hall while it is on; others are drawn and listed (docs/twin.md).
  const visitors = hallVisitors(context, () => twin);

  const scene = h('div', { class: 'twin-scene', id: 'twin-scene' });
  const status = h('p', { class: 'twin-stage__status', id: 'twin-status' }, t('twin:stage.loading'));
  const lowPower = h(
    'button',
    {
      type: 'button',
      class: 'button button--secondary',
      id: 'twin-low-power',
      'aria-pressed': String(readPreference('twin.lowPower') === 'on'),
    },
    t('twin:stage.lowPower'),
  );
  const overview = h('button', { type: 'button', class: 'button button--secondary', id: 'twin-overview' }, t('twin:stage.overview'));
  lowPower.addEventListener('click', () => {
    const on = lowPower.getAttribute('aria-pressed') !== 'true';
    lowPower.setAttribute('aria-pressed', String(on));
    writePreference('twin.lowPower', on ? 'on' : 'off');
    twin?.setLowPower(on);
  });
  overview.addEventListener('click', () => twin?.show(overviewOf(city), reducedMotion()));
  const tools = h('div', { class: 'twin-stage__tools' }, overview, lowPower);
  const stage = h(
    'section',
    { class: 'twin-stage', 'aria-labelledby': 'twin-stage-heading' },
    h('h2', { id: 'twin-stage-heading' }, t('twin:stage.heading')),
    h('p', { id: 'twin-scene-help', class: 'twin-stage__help' }, t('twin:stage.help')),
    tools,
    scene,
    status,
  );

  // A citizen's waiting or live consultation: the conversation beside the 3D view, their figure at the counter.
  const consultation = h('div', { class: 'twin-consultation', id: 'twin-consultation', hidden: true });
  void showConsultationInHall(consultation, context, (spot) => visitors.showAtCounter(spot)).catch(() => undefined);

  const page = h(
    'div',
    { class: 'page page--twin' },
    h('h1', null, t('twin:heading', { city: context.localize(city.name).text })),
    h('p', { class: 'lead' }, t('twin:intro')),
    h('div', { class: 'twin-layout' }, stage, consultation),
    tour.element,
    visitors.element,
    panel.element,
    dialog.element,
  );

  const stopStates = followOfficialStates(city, language, (officialId, state) => {
    states.set(officialId, state);
    panel.setOfficialState(officialId, state);
    twin?.setOfficialState(`official:${officialId}`, state);
  });

  const startScene = async () => {
    const { TwinView } = await import('../../twin/twin-view');
    if (!scene.isConnected) return;
    const scale = Number(params.get('scale'));
    const view = new TwinView(scene, {
      city,
      places,
      text: (value) => context.localize(value),
      officialLabel: (place) => [context.localize(place.name), ...(place.detail ? [context.localize(place.detail)] : [])],
      resolutionScale: scale > 0 && scale <= 1 ? scale : 1,
      initialView: overviewOf(city),
    });
    twin = view;
    const { canvas } = view;
    canvas.setAttribute('tabindex', '0');
    canvas.setAttribute('role', 'application');
    canvas.setAttribute('aria-label', t('twin:stage.canvasLabel', { city: context.localize(city.name).text }));
    canvas.setAttribute('aria-describedby', 'twin-scene-help');
    canvas.addEventListener('keydown', (event) => onCanvasKey(event, canvas));
    view.onPick((pick) => onPick(pick, canvas));
    view.setLowPower(lowPower.getAttribute('aria-pressed') === 'true');
    for (const [officialId, state] of states) view.setOfficialState(`official:${officialId}`, state);
    visitors.draw();
    if (params.get('testHooks') === '1') {
      window.__twin = {
        framesRendered: () => view.framesRendered(),
        firstFrameMs: () => view.firstFrameMs(),
        screenPositionOf: (key) => view.screenPositionOf(key),
        distinctColours: () => view.distinctColours(),
        labelImages: () => view.labelImages(),
        visitorsDrawn: () => view.visitorsDrawn(),
      };
    }
    await view.firstFrameMs();
    status.textContent = t('twin:stage.ready');
    page.dataset.twin = 'ready';
  };

  const onCanvasKey = (event: KeyboardEvent, canvas: HTMLCanvasElement) => {
    if (visitors.step(event)) {
      event.preventDefault();
      return;
    }
    // Right-to-left pages walk the places the other way with the left and right arrows.
    const forward = document.documentElement.dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const backward = forward === 'ArrowLeft' ? 'ArrowRight' : 'ArrowLeft';
    let place: Place | undefined;
    if (event.key === forward || event.key === 'ArrowDown') place = select(selected + 1);
    else if (event.key === backward || event.key === 'ArrowUp') place = select(selected < 0 ? places.length - 1 : selected - 1);
    else if (event.key === 'Home') place = select(0);
    else if (event.key === 'End') place = select(places.length - 1);
    else if (event.key === 'Enter' || event.key === ' ') {
      const current = places[selected];
      if (!current) return;
      event.preventDefault();
      open(current, canvas);
      return;
    } else return;
    event.preventDefault();
    if (!place) return;
    const state = place.kind === 'official' ? ` ${t(`twin:state.${stateOf(place.id)}`)}.` : '';
    announce(
      t('twin:selected', {
        kind: t(`twin:kind.${place.kind}`),
        name: context.localize(place.name).text,
        position: selected + 1,
        total: places.length,
      }) + state,
    );
  };

  if (params.get('view') === 'text' || !webglAvailable()) {
    // The text twin alone, with every action: nothing of the 3D view is shown or loaded.
    status.textContent = t('twin:stage.textOnly');
    tools.remove();
    scene.remove();
  } else {
    startScene().catch(() => {
      status.textContent = t('twin:stage.failed');
    });
  }

  whenRemoved(page, () => {
    stopStates();
    visitors.destroy();
    if (tour.running) tour.stop();
    twin?.destroy();
    twin = null;
    delete window.__twin;
  });
  return page;
}

export const twinPage: PageModule = { requiresCity: true, render };
