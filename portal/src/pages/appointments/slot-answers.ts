import type { AppointmentServiceView } from '../../api/appointments';
import { ApiError } from '../../api/client';
import { h } from '../../dom';
import type { CityPageContext } from '../page';
import { counterOf, modeLabel, officialNameOf, placeOf, serviceNameOf } from './appointment-rendering';
import type { AnswerRow } from './check-answers';
import type { PickedSlot } from './slot-picker';

/** The check-your-answers rows of a chosen slot; `onService` adds the service's row with its "Change". */
export function slotAnswerRows(
  picked: PickedSlot,
  service: AppointmentServiceView,
  context: CityPageContext,
  changes: { onTime: () => void; onService?: () => void },
): AnswerRow[] {
  const { t, format } = context;
  const { slot, mode } = picked;
  const start = new Date(slot.startsAt);
  const change = (label: string, onChange: () => void) => ({ word: t('appointments:new.check.change'), label, onChange });
  const rows: AnswerRow[] = [];
  if (changes.onService) {
    rows.push({
      id: 'check-service',
      term: t('appointments:new.check.service'),
      value: serviceNameOf(service.id, context),
      change: change(t('appointments:new.check.changeService'), changes.onService),
    });
  }
  rows.push(
    {
      id: 'check-date',
      term: t('appointments:new.check.date'),
      value: format.day(format.cityDate(start)),
      change: change(t('appointments:new.check.changeTime'), changes.onTime),
    },
    { id: 'check-time', term: t('appointments:new.check.time'), value: format.timeRange(start, new Date(slot.endsAt)) },
    { id: 'check-official', term: t('appointments:new.check.official'), value: officialNameOf(slot.officialId, context) },
    { id: 'check-place', term: t('appointments:new.check.place'), value: placeOf(counterOf(slot.officialId, context), mode, context) },
  );
  if (service.virtualAllowed) {
    rows.push({
      id: 'check-mode',
      term: t('appointments:new.check.mode'),
      value: modeLabel(mode, context),
      change: change(t('appointments:new.check.changeMode'), changes.onTime),
    });
  }
  return rows;
}

export function isSlotTaken(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'APPOINTMENT_SLOT_TAKEN';
}

/** Why the person is back at the times: an alert that takes focus, naming the time that went. */
export function slotTakenMessage({ slot }: PickedSlot, { t, format }: CityPageContext): HTMLElement {
  const start = new Date(slot.startsAt);
  return h(
    'div',
    { class: 'alert', id: 'slot-taken', role: 'alert', tabindex: '-1' },
    h('p', null, t('appointments:new.slotTaken', { time: format.time(start), day: format.day(format.cityDate(start)) })),
  );
}
