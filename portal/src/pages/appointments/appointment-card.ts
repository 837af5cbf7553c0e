import { acceptOffer, cancelAppointment, checkIn, icsHref, type AppointmentView } from '../../api/appointments';
import { h } from '../../dom';
import { problemsOfError } from '../../forms/form-controller';
import type { CityPageContext } from '../page';
import { rememberTicketToken } from '../queues/ticket-storage';
import {
  appointmentWhen,
  caseNumberText,
  detailsRow,
  modeLabel,
  newAttemptKey,
  officialNameOf,
  placeOf,
  serviceNameOf,
  statusTag,
} from './appointment-rendering';

/** Check-in opens 30 minutes before the start and closes at the end (docs/api/appointments.md). */
const checkInOpensMinutes = 30;

export interface CardActions {
  /** After a change: the list is loaded again and `notice` (with an optional link) is shown and focused. */
  changed: (notice: string, link?: { href: string; text: string; id: string }) => void;
}

function canCheckIn(appointment: AppointmentView, now: number): boolean {
  const opens = new Date(appointment.startsAt).getTime() - checkInOpensMinutes * 60_000;
  return appointment.status === 'booked' && now >= opens && now < new Date(appointment.endsAt).getTime();
}

/** One appointment of "My appointments": what, when, where and how, and what can be done with it now. */
export function appointmentCard(appointment: AppointmentView, context: CityPageContext, actions: CardActions): HTMLElement {
  const { t, language, format } = context;
  const { id } = appointment;
  const service = serviceNameOf(appointment.serviceId, context);
  const when = appointmentWhen(appointment, context);
  const now = Date.now();
  /** One Idempotency-Key per action of this card as shown: pressing again after a failure retries the same attempt. */
  const keys = { cancel: newAttemptKey(), checkIn: newAttemptKey(), accept: newAttemptKey() };
  const error = h('div', { class: 'appointment__error', id: `appointment-error-${id}` });
  // What the button is about, for screen readers listing the page's buttons out of their card.
  const about = h('span', { class: 'visually-hidden' }, `: ${service}, ${when}`);

  const run = <T>(button: HTMLButtonElement, action: () => Promise<T>, done: (result: T) => void) => {
    if (button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    error.replaceChildren();
    action().then(done, (failure: unknown) => {
      button.removeAttribute('aria-disabled');
      const [problem] = problemsOfError(failure, {});
      const text = problem && 'message' in problem ? problem.message : t('appointments:mine.actionFailed');
      error.replaceChildren(h('p', { class: 'alert', role: 'alert' }, text));
    });
  };

  const button = (idPrefix: string, text: string, secondary = true) =>
    h(
      'button',
      { type: 'button', class: secondary ? 'button button--secondary' : 'button', id: `${idPrefix}-${id}` },
      text,
      about.cloneNode(true),
    );

  const items: HTMLElement[] = [];
  if (appointment.status === 'held' && appointment.holdExpiresAt) {
    const accept = button('appointment-accept', t('appointments:mine.offer.accept'), false);
    accept.addEventListener('click', () =>
      run(
        accept,
        () => acceptOffer(id, keys.accept, { language }),
        (booked) => actions.changed(t('appointments:mine.offer.accepted', { service, when: appointmentWhen(booked, context) })),
      ),
    );
    const decline = button('appointment-decline', t('appointments:mine.offer.decline'));
    decline.addEventListener('click', () =>
      run(
        decline,
        () => cancelAppointment(id, keys.cancel, { language }),
        () => actions.changed(t('appointments:mine.offer.declined')),
      ),
    );
    items.push(accept, decline);
  }
  if (appointment.status === 'booked' || appointment.status === 'arrived') {
    items.push(
      h(
        'a',
        { href: icsHref(id), download: 'appointment.ics', class: 'button button--secondary', id: `appointment-ics-${id}` },
        t('appointments:mine.ics'),
        about.cloneNode(true),
      ),
    );
  }
  if (canCheckIn(appointment, now)) {
    const check = button('appointment-check-in', t('appointments:mine.checkIn'), false);
    check.addEventListener('click', () =>
      run(
        check,
        () => checkIn(id, keys.checkIn, { language }),
        (checked) => {
          // The queue page follows the ticket by its token, as for a walk-in's ticket.
          rememberTicketToken(checked.ticketToken);
          actions.changed(t('appointments:mine.checkedIn', { number: checked.ticket.number }), {
            href: '/queues',
            text: t('appointments:mine.followTicket'),
            id: 'appointments-ticket-link',
          });
        },
      ),
    );
    items.push(check);
  }
  if (appointment.status === 'booked') {
    items.push(
      h(
        'a',
        {
          href: `/appointments/reschedule?id=${encodeURIComponent(id)}`,
          class: 'button button--secondary',
          id: `appointment-reschedule-${id}`,
        },
        t('appointments:mine.reschedule'),
        about.cloneNode(true),
      ),
    );
    const cancel = button('appointment-cancel', t('appointments:mine.cancel'), true);
    cancel.classList.add('button--warning');
    cancel.addEventListener('click', () => confirmCancel());
    items.push(cancel);
  }

  const actionsRow = h('div', { class: 'appointment__actions' }, ...items);

  /** "Cancel … ?" with yes and no, in place of the buttons; focus goes to the question. */
  function confirmCancel(): void {
    const question = h(
      'p',
      { class: 'appointment__question', id: `appointment-cancel-question-${id}`, tabindex: '-1' },
      t('appointments:mine.cancelQuestion', { service, when }),
    );
    const yes = h(
      'button',
      { type: 'button', class: 'button button--warning', id: `appointment-cancel-confirm-${id}` },
      t('appointments:mine.cancelConfirm'),
    );
    const no = h(
      'button',
      { type: 'button', class: 'button button--secondary', id: `appointment-cancel-keep-${id}` },
      t('appointments:mine.cancelKeep'),
    );
    const confirmation = h(
      'div',
      { class: 'appointment__confirm', role: 'group', 'aria-labelledby': question.id },
      question,
      h('div', { class: 'appointment__actions' }, yes, no),
    );
    yes.addEventListener('click', () =>
      run(
        yes,
        () => cancelAppointment(id, keys.cancel, { language }),
        () => actions.changed(t('appointments:mine.cancelled')),
      ),
    );
    no.addEventListener('click', () => {
      confirmation.replaceWith(actionsRow);
      actionsRow.querySelector<HTMLElement>(`#appointment-cancel-${id}`)?.focus();
    });
    actionsRow.replaceWith(confirmation);
    question.focus();
  }

  const offer =
    appointment.status === 'held' && appointment.holdExpiresAt
      ? h(
          'p',
          { class: 'appointment__offer', id: `appointment-offer-${id}` },
          t('appointments:mine.offer.until', { time: format.time(new Date(appointment.holdExpiresAt)) }),
        )
      : null;
  const checkInLater =
    appointment.status === 'booked' &&
    !canCheckIn(appointment, now) &&
    format.cityDate(new Date(appointment.startsAt)) === format.cityDate(new Date(now))
      ? h('p', { class: 'muted' }, t('appointments:mine.checkInOpens'))
      : null;

  return h(
    'li',
    { class: 'appointment', id: `appointment-${id}`, 'data-appointment-id': id, 'data-status': appointment.status },
    h('h3', { class: 'appointment__title' }, service),
    offer,
    h(
      'dl',
      { class: 'details' },
      detailsRow(t('appointments:mine.details.when'), when, `appointment-when-${id}`),
      detailsRow(t('appointments:mine.details.official'), officialNameOf(appointment.officialId, context)),
      detailsRow(t('appointments:mine.details.place'), placeOf(appointment.counterId, appointment.mode, context)),
      detailsRow(t('appointments:mine.details.mode'), modeLabel(appointment.mode, context)),
      detailsRow(t('appointments:mine.details.status'), statusTag(appointment.status, context), `appointment-status-${id}`),
      appointment.caseNumber ? detailsRow(t('appointments:mine.details.caseNumber'), caseNumberText(appointment.caseNumber)) : null,
    ),
    checkInLater,
    items.length > 0 ? actionsRow : null,
    error,
  );
}
