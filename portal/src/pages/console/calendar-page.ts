import { listCalendar, type AppointmentView } from '../../api/appointments';
import { sessionEnded } from '../../auth/session-ended';
import { h } from '../../dom';
import type { CityPageContext, PageModule } from '../page';
import { loadFailure } from '../page-states';
import { calendarDay } from './calendar-week';
import { calendarFeedSection } from './calendar-feed';
import { accessView } from './console-access';

const calendarPath = '/console/calendar';
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

/** The Monday of the week a city date is in. */
function mondayOf(date: string): string {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

/** The calendar's address for the week from `monday`, keeping ?lang= as the router does. */
function weekHref(monday: string): string {
  const query = new URLSearchParams({ from: monday });
  const language = new URLSearchParams(window.location.search).get('lang');
  if (language) query.set('lang', language);
  return `${calendarPath}?${query.toString()}`;
}

/** The officials' calendar: their department's appointments (every department's for admins), a week at a time. */
function render(context: CityPageContext): HTMLElement {
  const { t, format, language, person } = context;
  const denied = accessView(t('appointments:calendar.heading'), context);
  if (denied) return denied;

  const thisWeek = mondayOf(format.cityDate(new Date()));
  const asked = new URLSearchParams(window.location.search).get('from');
  const from = asked && datePattern.test(asked) ? mondayOf(asked) : thisWeek;
  const to = addDays(from, 6);
  const days = Array.from({ length: 7 }, (_, index) => addDays(from, index));

  const body = h(
    'div',
    { class: 'calendar-week', id: 'calendar-week', 'aria-busy': 'true' },
    h('p', { class: 'loading' }, t('appointments:calendar.loading')),
  );
  const link = (id: string, monday: string, text: string, rel?: string) =>
    h('li', null, h('a', { href: weekHref(monday), id, rel: rel ?? null }, text));
  const page = h(
    'div',
    { class: 'page page--console page--calendar' },
    h('h1', null, t('appointments:calendar.heading')),
    h('p', { class: 'lead' }, person?.role === 'admin' ? t('appointments:calendar.introAdmin') : t('appointments:calendar.intro')),
    h('h2', { id: 'calendar-week-heading' }, t('appointments:calendar.weekHeading', { from: format.day(from), to: format.day(to) })),
    h(
      'nav',
      { class: 'pagination', 'aria-label': t('appointments:calendar.weeksLabel') },
      h(
        'ul',
        { class: 'pagination__list' },
        link('calendar-previous', addDays(from, -7), t('appointments:calendar.previous'), 'prev'),
        from === thisWeek ? null : link('calendar-this-week', thisWeek, t('appointments:calendar.thisWeek')),
        link('calendar-next', addDays(from, 7), t('appointments:calendar.next'), 'next'),
      ),
    ),
    body,
    calendarFeedSection(context),
  );
  const intercept = sessionEnded(context);

  const load = () => {
    body.setAttribute('aria-busy', 'true');
    listCalendar(from, to, { language }).then(
      (appointments) => {
        const byDay = (date: string): AppointmentView[] =>
          appointments.filter((appointment) => format.cityDate(new Date(appointment.startsAt)) === date);
        body.replaceChildren(...days.map((date) => calendarDay(date, byDay(date), context)));
        body.removeAttribute('aria-busy');
      },
      (error: unknown) => {
        body.removeAttribute('aria-busy');
        if (intercept(error)) return;
        body.replaceChildren(
          loadFailure({ id: 'appointments', message: t('appointments:calendar.loadFailed'), error, retry: load }, context),
        );
      },
    );
  };
  load();
  return page;
}

export const calendarPage: PageModule = { requiresCity: true, render };
