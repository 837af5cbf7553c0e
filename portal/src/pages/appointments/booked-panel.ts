import { icsHref, type AppointmentView } from '../../api/appointments';
import { h } from '../../dom';
import type { CityPageContext } from '../page';
import { appointmentWhen, detailsRow, modeLabel, officialNameOf, placeOf, serviceNameOf } from './appointment-rendering';

/** After booking: the GOV.UK panel with the case number (its h1 takes focus), what was booked, and the calendar file. */
export function bookedPanel(appointment: AppointmentView, context: CityPageContext): HTMLElement {
  const { t } = context;
  return h(
    'div',
    { class: 'page page--appointment', id: 'booked' },
    h(
      'div',
      { class: 'panel', id: 'booked-panel' },
      h('h1', { class: 'panel__title', id: 'booked-panel-heading', tabindex: '-1' }, t('appointments:new.booked.heading')),
      h(
        'div',
        { class: 'panel__body' },
        t('appointments:new.booked.caseNumber'),
        h('br'),
        h('strong', { class: 'panel__reference', id: 'booked-case-number', dir: 'ltr' }, appointment.caseNumber ?? ''),
      ),
    ),
    h(
      'dl',
      { class: 'details', id: 'booked-details' },
      detailsRow(t('appointments:mine.details.when'), appointmentWhen(appointment, context), 'booked-when'),
      detailsRow(t('appointments:new.check.service'), serviceNameOf(appointment.serviceId, context), 'booked-service'),
      detailsRow(t('appointments:mine.details.official'), officialNameOf(appointment.officialId, context), 'booked-official'),
      detailsRow(t('appointments:mine.details.place'), placeOf(appointment.counterId, appointment.mode, context), 'booked-place'),
      detailsRow(t('appointments:mine.details.mode'), modeLabel(appointment.mode, context), 'booked-mode'),
    ),
    h('p', null, t('appointments:new.booked.intro')),
    h(
      'ul',
      { class: 'link-list' },
      h(
        'li',
        null,
        h('a', { href: icsHref(appointment.id), download: 'appointment.ics', id: 'booked-ics-link' }, t('appointments:mine.ics')),
      ),
      h('li', null, h('a', { href: '/appointments', id: 'booked-mine-link' }, t('appointments:new.booked.mine'))),
      h('li', null, h('a', { href: '/appointments/new', id: 'booked-another-link' }, t('appointments:new.booked.another'))),
    ),
  );
}
