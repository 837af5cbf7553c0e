import { announce } from '../../a11y/announcer';
import { joinWaitlist } from '../../api/appointments';
import { h } from '../../dom';
import { problemsOfError } from '../../forms/form-controller';
import type { CityPageContext } from '../page';

/**
 * "No time that suits you?": a place on the waiting list of the service for the chosen day. When a booked time of
 * that day frees up, the API offers it to the first waiter for 15 minutes (My appointments shows the offer live).
 */
export function waitlistOffer(serviceId: string, date: string, context: CityPageContext): HTMLElement {
  const { t, format, language } = context;
  // Success is announced; an error is an alert, read out as it appears.
  const result = h('div', { class: 'slot-waitlist__result', id: 'slot-waitlist-result' });
  const join = h(
    'button',
    { type: 'button', class: 'button button--secondary', id: 'slot-waitlist-join' },
    t('appointments:picker.waitlist.join'),
  );
  let busy = false;
  join.addEventListener('click', () => {
    if (busy) return;
    busy = true;
    join.setAttribute('aria-disabled', 'true');
    joinWaitlist(serviceId, date, { language }).then(
      () => {
        const text = t('appointments:picker.waitlist.joined', { day: format.day(date) });
        result.replaceChildren(h('p', { class: 'success-message', id: 'slot-waitlist-joined' }, text));
        join.remove();
        announce(text);
      },
      (error: unknown) => {
        busy = false;
        join.removeAttribute('aria-disabled');
        const [problem] = problemsOfError(error, {});
        const text = problem && 'message' in problem ? problem.message : t('appointments:mine.actionFailed');
        result.replaceChildren(h('p', { class: 'alert', id: 'slot-waitlist-error', role: 'alert' }, text));
      },
    );
  });
  return h(
    'section',
    { class: 'slot-waitlist', id: 'slot-waitlist', 'aria-labelledby': 'slot-waitlist-heading' },
    h('h3', { id: 'slot-waitlist-heading' }, t('appointments:picker.waitlist.heading')),
    h('p', null, t('appointments:picker.waitlist.intro')),
    h('div', { class: 'form__actions' }, join),
    result,
  );
}
