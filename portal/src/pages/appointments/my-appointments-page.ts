import { announce } from '../../a11y/announcer';
import { listMyAppointments, listMyWaitlist, type AppointmentView, type WaitlistView } from '../../api/appointments';
import { sessionEnded } from '../../auth/session-ended';
import { h } from '../../dom';
import { onLiveEvent } from '../../live/live-events';
import type { CityPageContext, PageModule } from '../page';
import { consultationsOnCase } from '../consultations/consultations-on-case';
import { whenRemoved } from '../page-lifetime';
import { appointmentAccessView } from './appointment-access';
import { appointmentCard, type CardActions } from './appointment-card';
import { serviceNameOf, whenText } from './appointment-rendering';
import { loadFailure } from '../page-states';

interface Lists {
  offers: AppointmentView[];
  upcoming: AppointmentView[];
  past: AppointmentView[];
}

/** Offers still open; coming appointments; the rest, latest first. The API lists them soonest first. */
function sorted(appointments: readonly AppointmentView[], now: number): Lists {
  const lists: Lists = { offers: [], upcoming: [], past: [] };
  for (const appointment of appointments) {
    const ended = new Date(appointment.endsAt).getTime() <= now;
    if (appointment.status === 'held' && appointment.holdExpiresAt && new Date(appointment.holdExpiresAt).getTime() > now)
      lists.offers.push(appointment);
    else if ((appointment.status === 'booked' || appointment.status === 'arrived') && !ended) lists.upcoming.push(appointment);
    else lists.past.push(appointment);
  }
  lists.past.reverse();
  return lists;
}

function section(id: string, heading: string, content: HTMLElement): HTMLElement {
  return h(
    'section',
    { class: 'appointments-section', id, 'aria-labelledby': `${id}-heading` },
    h('h2', { id: `${id}-heading`, tabindex: '-1' }, heading),
    content,
  );
}

/** A list of appointment cards, or what to say when there are none (null: leave the section out). */
function cardsSection(id: string, heading: string, cards: HTMLElement[], empty: string | null): HTMLElement | null {
  if (cards.length > 0) return section(id, heading, h('ul', { class: 'appointment-list', id: `${id}-list` }, ...cards));
  return empty === null ? null : section(id, heading, h('p', { id: `${id}-empty` }, empty));
}

function waitlistSection(places: readonly WaitlistView[], context: CityPageContext): HTMLElement | null {
  const { t, format } = context;
  if (places.length === 0) return null;
  const items = places.map((place) =>
    h(
      'li',
      { 'data-waitlist-id': place.id, 'data-status': place.status },
      t(place.status === 'offered' ? 'appointments:mine.offered' : 'appointments:mine.waiting', {
        service: serviceNameOf(place.serviceId, context),
        day: format.day(place.day),
      }),
    ),
  );
  return section(
    'appointments-waitlist',
    t('appointments:mine.waitlistHeading'),
    h('ul', { class: 'bullet-list', id: 'appointments-waitlist-list' }, ...items),
  );
}

function render(context: CityPageContext): HTMLElement {
  const { t, language } = context;
  const denied = appointmentAccessView(t('appointments:mine.heading'), 'appointments', context);
  if (denied) return denied;

  const notice = h('div', { class: 'appointments-notice', id: 'appointments-notice-region' });
  const body = h(
    'div',
    { class: 'appointments-body', id: 'appointments-body', 'aria-busy': 'true' },
    h('p', { class: 'loading' }, t('appointments:mine.loading')),
  );
  const page = h(
    'div',
    { class: 'page page--appointments' },
    h('h1', null, t('appointments:mine.heading')),
    h('p', { class: 'lead' }, t('appointments:mine.intro')),
    h('p', null, h('a', { href: '/appointments/new', class: 'button', id: 'appointments-new-link' }, t('appointments:mine.book'))),
    notice,
    // An official's consultation about a virtual appointment: "Join your consultation" as it opens, transcripts after.
    consultationsOnCase((consultation) => consultation.subject.type === 'appointment', context),
    body,
  );
  const intercept = sessionEnded(context);

  const actions: CardActions = {
    changed: (text, link) => {
      const message = h(
        'div',
        { class: 'notification-banner', id: 'appointments-notice', tabindex: '-1' },
        h(
          'p',
          { class: 'notification-banner__text' },
          text,
          link ? h('br') : null,
          link ? h('a', { href: link.href, id: link.id }, link.text) : null,
        ),
      );
      notice.replaceChildren(message);
      message.focus();
      void load();
    },
  };

  async function load(): Promise<void> {
    body.setAttribute('aria-busy', 'true');
    try {
      const [appointments, places] = await Promise.all([listMyAppointments({ language }), listMyWaitlist({ language })]);
      const lists = sorted(appointments, Date.now());
      const cards = (list: AppointmentView[]) => list.map((appointment) => appointmentCard(appointment, context, actions));
      body.replaceChildren(
        ...[
          cardsSection('appointments-offers', t('appointments:mine.offersHeading'), cards(lists.offers), null),
          cardsSection(
            'appointments-upcoming',
            t('appointments:mine.upcomingHeading'),
            cards(lists.upcoming),
            t('appointments:mine.noUpcoming'),
          ),
          waitlistSection(places, context),
          cardsSection('appointments-past', t('appointments:mine.pastHeading'), cards(lists.past), t('appointments:mine.noPast')),
        ].filter((element) => element !== null),
      );
    } catch (error) {
      if (intercept(error)) return;
      body.replaceChildren(
        loadFailure({ id: 'appointments', message: t('appointments:loadFailed'), error, retry: () => void load() }, context),
      );
    } finally {
      body.removeAttribute('aria-busy');
    }
  }

  // A waitlist offer arrives live: shown where it belongs and said politely, without taking focus.
  const stop = onLiveEvent('appointment.offered', (offer) => {
    void load().then(() =>
      announce(
        t('appointments:mine.offer.announce', {
          service: serviceNameOf(offer.serviceId, context),
          when: whenText(offer.startsAt, offer.endsAt, context),
          until: context.format.time(new Date(offer.holdExpiresAt)),
        }),
      ),
    );
  });
  whenRemoved(page, stop);
  void load();
  return page;
}

export const myAppointmentsPage: PageModule = { requiresCity: true, render };
