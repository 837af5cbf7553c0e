import { announce } from '../../a11y/announcer';
import { setAppointmentStatus, type AppointmentView } from '../../api/appointments';
import { h } from '../../dom';
import { problemsOfError } from '../../forms/form-controller';
import { consultationInvite } from '../consultations/consultation-invite';
import type { CityPageContext } from '../page';
import { caseNumberText, modeLabel, officialNameOf, serviceNameOf, statusLabel, statusTag } from '../appointments/appointment-rendering';

type Step = 'arrived' | 'fulfilled' | 'noshow';

/** The steps an official may take from each status (docs/api/appointments.md, "Statuses"). */
const stepsFrom: Partial<Record<AppointmentView['status'], readonly Step[]>> = {
  booked: ['arrived', 'noshow'],
  arrived: ['fulfilled', 'noshow'],
};

/**
 * One row of the officials' calendar. The API tells staff nothing about the citizen but the case, so "Who" says
 * no more than that.
 */
function appointmentRow(appointment: AppointmentView, context: CityPageContext): HTMLTableRowElement {
  const { t, format, language } = context;
  const time = format.timeRange(new Date(appointment.startsAt), new Date(appointment.endsAt));
  const statusCell = h('td', { id: `calendar-status-${appointment.id}`, tabindex: '-1' }, statusTag(appointment.status, context));
  const error = h('div', { class: 'calendar__error' });
  const buttons = (stepsFrom[appointment.status] ?? []).map((step) => {
    const button = h(
      'button',
      {
        type: 'button',
        class: 'button button--secondary button--small',
        id: `calendar-${step}-${appointment.id}`,
        'aria-label': t(`appointments:calendar.actionsFor.${step}`, { time }),
      },
      t(`appointments:calendar.actions.${step}`),
    );
    button.addEventListener('click', () => {
      if (button.getAttribute('aria-disabled') === 'true') return;
      button.setAttribute('aria-disabled', 'true');
      error.replaceChildren();
      setAppointmentStatus(appointment.id, step, { language }).then(
        (changed) => {
          const next = appointmentRow(changed, context);
          row.replaceWith(next);
          // Focus stays in the row: on its next step, or on its status when none is left.
          (next.querySelector<HTMLElement>('button') ?? next.querySelector<HTMLElement>(`#calendar-status-${changed.id}`))?.focus();
          announce(t('appointments:calendar.marked', { time, status: statusLabel(changed.status, context) }));
        },
        (failure: unknown) => {
          button.removeAttribute('aria-disabled');
          const [problem] = problemsOfError(failure, {});
          error.replaceChildren(
            h(
              'p',
              { class: 'alert', role: 'alert' },
              problem && 'message' in problem ? problem.message : t('appointments:mine.actionFailed'),
            ),
          );
        },
      );
    });
    return button;
  });
  const row = h(
    'tr',
    { 'data-appointment-id': appointment.id, 'data-status': appointment.status },
    h('th', { scope: 'row' }, h('time', { datetime: appointment.startsAt }, time)),
    h('td', null, serviceNameOf(appointment.serviceId, context)),
    h(
      'td',
      null,
      appointment.caseNumber
        ? h('span', null, t('appointments:calendar.citizen'), ', ', caseNumberText(appointment.caseNumber))
        : t('appointments:calendar.citizen'),
    ),
    h('td', null, officialNameOf(appointment.officialId, context)),
    h('td', null, modeLabel(appointment.mode, context)),
    statusCell,
    h(
      'td',
      null,
      h('div', { class: 'calendar__actions' }, ...buttons),
      error,
      // A virtual appointment is held as a consultation: opened from here, around its time (the API says when not).
      appointment.mode === 'virtual' && (appointment.status === 'booked' || appointment.status === 'arrived')
        ? consultationInvite(
            { appointmentId: appointment.id },
            appointment.id,
            t('consultations:console.startAt', { time }),
            context,
            false,
          )
        : null,
    ),
  );
  return row;
}

/** One day of the week: a table with a caption that gives the full date, or "No appointments." */
export function calendarDay(date: string, appointments: readonly AppointmentView[], context: CityPageContext): HTMLElement {
  const { t, format } = context;
  const day = format.day(date);
  const headingId = `calendar-day-${date}-heading`;
  const column = (text: string) => h('th', { scope: 'col' }, text);
  const content =
    appointments.length === 0
      ? h('p', { class: 'muted', id: `calendar-day-${date}-empty` }, t('appointments:calendar.none'))
      : h(
          'div',
          { class: 'table-scroll' },
          h(
            'table',
            { class: 'table calendar-table', id: `calendar-day-${date}` },
            h('caption', { class: 'visually-hidden' }, t('appointments:calendar.caption', { day, count: appointments.length })),
            h(
              'thead',
              null,
              h(
                'tr',
                null,
                ...(['time', 'service', 'citizen', 'official', 'mode', 'status', 'actions'] as const).map((key) =>
                  column(t(`appointments:calendar.columns.${key}`)),
                ),
              ),
            ),
            h('tbody', null, ...appointments.map((appointment) => appointmentRow(appointment, context))),
          ),
        );
  return h('section', { class: 'calendar-day', 'aria-labelledby': headingId }, h('h3', { id: headingId }, day), content);
}
