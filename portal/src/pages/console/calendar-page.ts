import { listCalendar, type AppointmentView } from '../../api/appointments';
import { sessionEnded } from '../../auth/session-ended';
import { h, isolate } from '../../dom';
import type { CityPageContext, PageModule } from '../page';
import { loadFailure } from '../page-states';
import { calendarDay } from './calendar-week';
import { calendarFeedSection } from './calendar-feed';
import { accessView } from './console-access';
import { scopeChoice, scopeOf, type CalendarScope } from './calendar-scope';
import { officialNameOf } from '../appointments/appointment-rendering';

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

/** The calendar's address for the week from `monday` and whose appointments, keeping ?lang= as the router does. */
function weekHref(monday: string, scope: CalendarScope | null): string {
  const query = new URLSearchParams({ from: monday });
  if (scope) query.set('scope', scope);
  const language = new URLSearchParams(window.location.search).get('lang');
  if (language) query.set('lang', language);
  return `${calendarPath}?${query.toString()}`;
}

/**
 * The officials' calendar, a week at a time: a linked official's own appointments or their department's (their
 * choice), an unlinked official's department's, every department's for admins.
 */
function render(context: CityPageContext): HTMLElement {
  const { t, format, language, person } = context;
  const denied = accessView(t('appointments:calendar.heading'), context);
  if (denied) return denied;

  const thisWeek = mondayOf(format.cityDate(new Date()));
  const search = new URLSearchParams(window.location.search);
  const scope = scopeOf(person, search);
  const asked = search.get('from');
  const from = asked && datePattern.test(asked) ? mondayOf(asked) : thisWeek;
  const to = addDays(from, 6);
  const days = Array.from({ length: 7 }, (_, index) => addDays(from, index));

  const body = h(
    'div',
    { class: 'calendar-week', id: 'calendar-week', 'aria-busy': 'true' },
    h('p', { class: 'loading' }, t('appointments:calendar.loading')),
  );
  const link = (id: string, monday: string, text: string, rel?: string) =>
    h('li', null, h('a', { href: weekHref(monday, scope), id, rel: rel ?? null }, text));
  const intro =
    person?.role === 'admin'
      ? t('appointments:calendar.introAdmin')
      : scope === 'mine' && person?.officialId
        ? t('appointments:calendar.introMine', { name: isolate(officialNameOf(person.officialId, context)) })
        : t('appointments:calendar.intro');
  const page = h(
    'div',
    { class: 'page page--console page--calendar' },
    h('h1', null, t('appointments:calendar.heading')),
    h('p', { class: 'lead' }, intro),
    scope ? scopeChoice(scope, (choice) => weekHref(from, choice), context) : null,
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
    listCalendar(from, to, { language }, scope ?? undefined).then(
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
