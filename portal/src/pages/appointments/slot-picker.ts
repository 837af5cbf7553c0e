import { announce } from '../../a11y/announcer';
import { listFreeSlots, type AppointmentMode, type AppointmentServiceView, type FreeSlot } from '../../api/appointments';
import { h, isolate } from '../../dom';
import { radioGroup, type Field, type RadioGroup } from '../../forms/fields';
import type { Problem } from '../../forms/field-problems';
import type { CityPageContext } from '../page';
import { modesText, officialNameOf } from './appointment-rendering';
import { loadFailure } from '../page-states';
import { waitlistOffer } from './waitlist-offer';

/**
 * The date and time picker of booking and moving an appointment, for keyboard and screen reader alike: a week
 * of days as toggle buttons named by the full date and the number of free times, then the chosen day's times as
 * radios in a fieldset whose legend is the full date, then how to meet when the service offers a choice.
 */

export interface PickedSlot {
  slot: FreeSlot;
  mode: AppointmentMode;
}

export interface SlotPickerOptions {
  service: AppointmentServiceView;
  /** Only this official's times (the twin links from an official's counter). */
  officialId: string | null;
  /** Offer the day's waiting list (booking, not moving). */
  waitlist: boolean;
  /** How they meet when that is settled already (moving keeps it); null asks, when the service offers both. */
  mode: AppointmentMode | null;
  context: CityPageContext;
}

export interface SlotPicker {
  readonly root: HTMLElement;
  /** The time and the mode, for the form's error summary. */
  readonly fields: readonly Field[];
  picked(): PickedSlot | null;
  problems(): Problem[];
  /** Fetches the shown week's free times again, keeping the chosen day (after a slot was taken meanwhile). */
  reload(): Promise<void>;
}

/** How far ahead one may page: about three months. */
const maxWeeks = 13;

function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

export function slotPicker(options: SlotPickerOptions): SlotPicker {
  const { service, officialId, context } = options;
  const { t, format, language } = context;
  const today = format.cityDate(new Date());
  const asksMode = service.virtualAllowed && options.mode === null;

  let week = 0;
  let days: { date: string; slots: FreeSlot[] }[] = [];
  let chosenDate: string | null = null;
  let times: RadioGroup | null = null;
  let request = 0;

  const weekLabel = h('p', { class: 'slot-weeks__label', id: 'slot-week-label' });
  const previous = h(
    'button',
    { type: 'button', class: 'button button--secondary', id: 'slot-week-previous' },
    t('appointments:picker.previousWeek'),
  );
  const next = h('button', { type: 'button', class: 'button button--secondary', id: 'slot-week-next' }, t('appointments:picker.nextWeek'));
  const dayList = h('ul', { class: 'slot-days', id: 'slot-days', 'aria-labelledby': 'slot-days-heading' });
  const daysRegion = h('div', { class: 'slot-days-region', id: 'slot-days-region' }, dayList);
  const timesSlot = h('div', { class: 'slot-times', id: 'slot-times-region' });
  const waitlistSlot = h('div', { class: 'slot-waitlist-region' });

  const modeField = asksMode
    ? radioGroup({
        id: 'slot-mode',
        name: 'mode',
        legend: t('appointments:picker.modeLegend'),
        options: (['in_person', 'virtual'] as const).map((mode) => ({
          value: mode,
          label: t(`appointments:mode.${mode}`),
          hint: t(`appointments:picker.modeHints.${mode}`),
        })),
        value: '',
        messages: { required: t('appointments:new.time.modeRequired'), invalid: t('appointments:new.time.modeRequired') },
      })
    : null;

  /** The form's field for the time: whatever fieldset the chosen day shows now. */
  const timeMessages = { required: t('appointments:new.time.required'), invalid: t('appointments:new.time.required') };
  const timeField: Field = {
    // With no times on the chosen day, the summary links to the days.
    get id() {
      return times?.id ?? 'slot-days';
    },
    get root() {
      return times?.root ?? daysRegion;
    },
    messages: timeMessages,
    setError: (message) => times?.setError(message),
    focus: () => (times ? times.focus() : dayList.querySelector('button')?.focus()),
  };

  const slotsOfDay = (date: string | null) => days.find((day) => day.date === date)?.slots ?? [];

  const slotLabel = (slot: FreeSlot) =>
    t('appointments:picker.time', {
      time: format.timeRange(new Date(slot.startsAt), new Date(slot.endsAt)),
      official: isolate(officialNameOf(slot.officialId, context)),
      modes: modesText(slot.modes, context),
    });

  const showTimes = (keep?: { startsAt: string; officialId: string }) => {
    times = null;
    waitlistSlot.replaceChildren();
    if (chosenDate === null) {
      timesSlot.replaceChildren(h('p', { class: 'muted' }, t('appointments:picker.chooseDay')));
      return;
    }
    const slots = slotsOfDay(chosenDate);
    const day = format.day(chosenDate);
    if (slots.length === 0) {
      timesSlot.replaceChildren(h('p', { id: 'slot-no-times' }, t('appointments:picker.noTimes')));
    } else {
      const kept = keep ? slots.findIndex((slot) => slot.startsAt === keep.startsAt && slot.officialId === keep.officialId) : -1;
      times = radioGroup({
        id: 'slot-time',
        name: 'slot',
        legend: t('appointments:picker.timesLegend', { day }),
        options: slots.map((slot, index) => ({ value: String(index), label: slotLabel(slot) })),
        value: kept >= 0 ? String(kept) : '',
        messages: timeMessages,
      });
      // For tests and the twin's deep links: which slot each radio is.
      times.root.querySelectorAll<HTMLInputElement>('input[type="radio"]').forEach((input, index) => {
        const slot = slots[index];
        if (!slot) return;
        input.dataset.startsAt = slot.startsAt;
        input.dataset.officialId = slot.officialId;
      });
      timesSlot.replaceChildren(times.root);
    }
    if (options.waitlist) waitlistSlot.replaceChildren(waitlistOffer(service.id, chosenDate, context));
  };

  const dayButton = (date: string, count: number): HTMLElement => {
    const free = count > 0 ? t('appointments:picker.free', { count }) : t('appointments:picker.noneFree');
    const button = h(
      'button',
      { type: 'button', class: 'slot-day', id: `slot-day-${date}`, 'aria-pressed': String(date === chosenDate), 'data-free': count },
      h('span', { class: 'slot-day__date' }, format.day(date)),
      h('span', { class: 'visually-hidden' }, ', '),
      h('span', { class: 'slot-day__count' }, free),
    );
    button.addEventListener('click', () => {
      chosenDate = date;
      for (const other of dayList.querySelectorAll('button')) other.setAttribute('aria-pressed', String(other === button));
      showTimes();
      announce(t('appointments:picker.dayShown', { day: format.day(date), count }));
    });
    return h('li', null, button);
  };

  const showDays = () => {
    dayList.replaceChildren(...days.map((day) => dayButton(day.date, day.slots.length)));
  };

  const weekStart = () => addDays(today, 7 * week);

  /** Loads the shown week; `keep` holds the chosen day (and time) when it is in that week. */
  async function load(keep: { date: string | null; startsAt?: string; officialId?: string }): Promise<void> {
    const from = weekStart();
    const to = addDays(from, 6);
    const mine = ++request;
    weekLabel.textContent = t('appointments:picker.week', { from: format.day(from), to: format.day(to) });
    previous.hidden = week === 0;
    next.hidden = week >= maxWeeks - 1;
    daysRegion.setAttribute('aria-busy', 'true');
    dayList.replaceChildren(h('li', { class: 'loading' }, t('appointments:picker.loading')));
    try {
      const slots = (await listFreeSlots(service.id, from, to, { language })).filter(
        (slot) => officialId === null || slot.officialId === officialId,
      );
      if (mine !== request) return;
      days = Array.from({ length: 7 }, (_, index) => addDays(from, index)).map((date) => ({
        date,
        slots: slots.filter((slot) => format.cityDate(new Date(slot.startsAt)) === date),
      }));
      const kept = keep.date !== null && days.some((day) => day.date === keep.date) ? keep.date : null;
      chosenDate = kept ?? days.find((day) => day.slots.length > 0)?.date ?? null;
      showDays();
      showTimes(keep.startsAt && keep.officialId ? { startsAt: keep.startsAt, officialId: keep.officialId } : undefined);
    } catch (error) {
      if (mine !== request) return;
      days = [];
      chosenDate = null;
      dayList.replaceChildren(
        h(
          'li',
          null,
          loadFailure({ id: 'appointments', message: t('appointments:picker.loadFailed'), error, retry: () => void load(keep) }, context),
        ),
      );
      showTimes();
    } finally {
      if (mine === request) daysRegion.removeAttribute('aria-busy');
    }
  }

  const page = (step: number, pressed: HTMLButtonElement) => {
    week += step;
    void load({ date: null }).then(() => {
      // The pressed button may have gone (no previous week): focus the other one.
      (pressed.hidden ? (step < 0 ? next : previous) : pressed).focus();
      announce(t('appointments:picker.weekShown', { from: format.day(weekStart()), to: format.day(addDays(weekStart(), 6)) }));
    });
  };
  previous.addEventListener('click', () => page(-1, previous));
  next.addEventListener('click', () => page(1, next));

  const onlyOfficial = officialId
    ? h(
        'p',
        { class: 'slot-official', id: 'slot-only-official' },
        `${t('appointments:picker.onlyOfficial', { official: isolate(officialNameOf(officialId, context)) })} `,
        h('a', { href: everyOfficialHref(), id: 'slot-every-official-link' }, t('appointments:picker.everyOfficial')),
      )
    : null;

  const root = h(
    'div',
    { class: 'slot-picker', id: 'slot-picker' },
    onlyOfficial,
    h('h2', { id: 'slot-days-heading' }, t('appointments:picker.daysHeading')),
    h('nav', { class: 'slot-weeks', 'aria-label': t('appointments:picker.weeksLabel') }, previous, weekLabel, next),
    daysRegion,
    timesSlot,
    modeField?.root ?? null,
    waitlistSlot,
  );
  void load({ date: null });

  const picked = (): PickedSlot | null => {
    const chosen = times?.value() ?? '';
    const slot = chosen === '' ? undefined : slotsOfDay(chosenDate)[Number(chosen)];
    if (!slot) return null;
    const mode = modeField ? (modeField.value() as AppointmentMode | '') : (options.mode ?? 'in_person');
    return mode ? { slot, mode } : null;
  };

  return {
    root,
    fields: modeField ? [timeField, modeField] : [timeField],
    picked,
    problems: () => {
      const problems: Problem[] = [];
      if (!times || times.value() === '') problems.push({ field: timeField.id, rule: 'required' });
      if (modeField && modeField.value() === '') problems.push({ field: modeField.id, rule: 'required' });
      return problems;
    },
    reload: () => load({ date: chosenDate }),
  };
}

/** This page's address without the official, so every official's times show. */
function everyOfficialHref(): string {
  const query = new URLSearchParams(window.location.search);
  query.delete('official');
  const search = query.toString();
  return search ? `${window.location.pathname}?${search}` : window.location.pathname;
}
