import { announce } from '../../a11y/announcer';
import { errorText } from '../../i18n/i18n';
import type { TwinView } from '../../twin/twin-view';
import type { CityPageContext } from '../page';
import type { ConsultationSpot } from './hall-consultation';
import { offset, type Place } from './places';
import { drawnAt, HallPresence } from './presence';
import { presencePanel } from './presence-panel';

/** What the twin page holds of visitors' presence: the "Visitors here" section and the 3D figures. */
export interface HallVisitors {
  element: HTMLElement;
  /** Draws everyone present in the 3D view (once it has started). */
  draw(): void;
  /** With presence on, choosing a counter or an official walks you to stand before it. */
  walkToPlace(place: Place): void;
  /** Your figure at a consultation's counter (hall-consultation.ts), or none. */
  showAtCounter(spot: ConsultationSpot | null): void;
  /** A walking key pressed in the 3D view; true when it was one (and presence is on). */
  step(event: KeyboardEvent): boolean;
  destroy(): void;
}

/** W A S D (or Shift and an arrow): a step of half a metre, at this angle from where the camera looks. */
const walkKeys: Record<string, number> = { w: 0, ArrowUp: 0, d: 90, ArrowRight: 90, s: 180, ArrowDown: 180, a: 270, ArrowLeft: 270 };
const STEP_METRES = 0.5;
/** Where you stand before a counter or an official, and where you appear in front of the first counter. */
const BEFORE_COUNTER_METRES = 2.5;
const ENTRANCE_METRES = 4;

export function hallVisitors(context: CityPageContext, twin: () => TwinView | null): HallVisitors {
  const { t, city, language } = context;
  let atCounter: ConsultationSpot | null = null;
  const draw = () => {
    const you = presence.you;
    const yours = { text: t('twin:presence.you'), lang: language };
    twin()?.showVisitors([
      ...[...presence.visitors.values()].map((visitor) => ({
        ...visitor,
        ...drawnAt(visitor, you),
        label: { text: t('twin:presence.visitor', { number: context.format.number(visitor.number) }), lang: language },
        own: false,
      })),
      ...(you ? [{ ...you, label: yours, own: true }] : []),
      ...(atCounter ? [{ ...atCounter, visitorId: 'consultation', label: yours, own: true }] : []),
    ]);
  };
  const presence = new HallPresence({
    onChange: () => {
      section.refresh();
      draw();
    },
    onCleared: (reason) => {
      section.cleared(reason);
      section.refresh();
      draw();
    },
    onRefused: (code) => announce(errorText(code) ?? t('twin:presence.failed')),
  });

  /** In front of the first counter, or a step aside when someone stands there. */
  const joinHall = async (): Promise<string | null> => {
    const counter = city.cityHall.counters[0];
    if (!counter) return 'NOT_FOUND';
    const start = offset(counter.position, counter.headingDegrees, ENTRANCE_METRES, 0);
    let code: string | null = null;
    for (const bearing of [null, 0, 60, 120, 180, 240, 300]) {
      const at = bearing === null ? start : offset(start, bearing, 1.5, 0);
      code = await presence.join({ lat: at.lat, lon: at.lon, headingDegrees: (counter.headingDegrees + 180) % 360 });
      if (code !== 'PRESENCE_TOO_CLOSE') return code;
    }
    return code;
  };
  const section = presencePanel(presence, context, { turnOn: joinHall });

  return {
    element: section.element,
    draw,
    showAtCounter: (spot) => {
      atCounter = spot;
      draw();
    },
    walkToPlace: (place) => {
      if (!presence.on || (place.kind !== 'counter' && place.kind !== 'official')) return;
      const facing = place.facingDegrees ?? 0;
      const at = offset(place.position, facing, BEFORE_COUNTER_METRES, 0);
      presence.walkTo({ lat: at.lat, lon: at.lon, headingDegrees: (facing + 180) % 360 });
    },
    step: (event) => {
      const turn = event.key.length === 1 ? walkKeys[event.key.toLowerCase()] : event.shiftKey ? walkKeys[event.key] : undefined;
      const from = presence.here();
      const view = twin();
      if (turn === undefined || !from || !view || event.ctrlKey || event.metaKey || event.altKey) return false;
      const heading = (view.headingDegrees() + turn + 360) % 360;
      const at = offset(from, heading, STEP_METRES, 0);
      presence.walkTo({ lat: at.lat, lon: at.lon, headingDegrees: heading });
      return true;
    },
    destroy: () => presence.destroy(),
  };
}
