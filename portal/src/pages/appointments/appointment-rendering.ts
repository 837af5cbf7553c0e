import { isAppointmentStatus, type AppointmentMode, type AppointmentView } from '../../api/appointments';
import { h, isolate } from '../../dom';
import type { CityPageContext, PageContext } from '../page';

/** The pieces of an appointment that the booking pages, "My appointments" and the officials' calendar show alike. */

/** A pack item's name in the page's language (English when the city lacks it), or its id when the city no longer has it. */
function packName(items: readonly { id: string; name: Record<string, string> }[], id: string, context: CityPageContext): string {
  const item = items.find((candidate) => candidate.id === id);
  return item ? context.localize(item.name).text : id;
}

export const serviceNameOf = (serviceId: string, context: CityPageContext) => packName(context.city.services, serviceId, context);

export const officialNameOf = (officialId: string, context: CityPageContext) => packName(context.city.officials, officialId, context);

/** Where to go: the counter in the hall, or the same counter's place in the virtual city hall. */
export function placeOf(counterId: string, mode: AppointmentMode, context: CityPageContext): string {
  const counter = packName(context.city.cityHall.counters, counterId, context);
  if (mode === 'virtual') return context.t('appointments:virtualPlace', { counter: isolate(counter) });
  return `${packName([context.city.cityHall], context.city.cityHall.id, context)}, ${counter}`;
}

/** The counter of an official of the pack, where in-person appointments with them take place. */
export function counterOf(officialId: string, context: CityPageContext): string {
  return context.city.officials.find((official) => official.id === officialId)?.counterId ?? '';
}

export function statusLabel(status: string, { t }: PageContext): string {
  return isAppointmentStatus(status) ? t(`appointments:status.${status}`) : t('appointments:status.unknown');
}

/** The status as a tag; `data-status` carries the stable code for styles and tests. */
export function statusTag(status: string, context: PageContext): HTMLElement {
  return h('strong', { class: 'status-tag', 'data-status': status }, statusLabel(status, context));
}

export function modeLabel(mode: AppointmentMode, { t }: PageContext): string {
  return t(`appointments:mode.${mode}`);
}

/** "in person" or "in person or virtual", for the modes a slot or service offers. */
export function modesText(modes: readonly AppointmentMode[], { t }: PageContext): string {
  return modes.includes('virtual') ? t('appointments:modes.both') : t('appointments:modes.in_person');
}

/** The full date and the times, in the city's time zone: "Tuesday, December 1, 2026, 9:20 – 9:40 AM". */
export function whenText(startsAt: string, endsAt: string, { t, format }: PageContext): string {
  const start = new Date(startsAt);
  return t('appointments:when', { day: format.day(format.cityDate(start)), time: format.timeRange(start, new Date(endsAt)) });
}

export const appointmentWhen = (appointment: AppointmentView, context: PageContext) =>
  whenText(appointment.startsAt, appointment.endsAt, context);

/** One term and its value in a `dl.details`; the value's element gets `id` when given. */
export function detailsRow(term: string, value: Node | string, id?: string): HTMLElement {
  return h('div', { class: 'details__row' }, h('dt', null, term), h('dd', { id: id ?? null }, value));
}

/** A case number inside a translated sentence or cell: isolated left-to-right, so it reads the same in Arabic. */
export function caseNumberText(caseNumber: string): HTMLElement {
  return h('span', { dir: 'ltr' }, caseNumber);
}

/** A fresh Idempotency-Key for one attempt at a booking write: its retries send the same one. */
export function newAttemptKey(): string {
  return crypto.randomUUID();
}
