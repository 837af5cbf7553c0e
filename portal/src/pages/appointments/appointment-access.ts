import { h } from '../../dom';
import type { CityPageContext } from '../page';
import { signedOutPrompt } from '../page-states';

/**
 * What someone who cannot book sees instead of a citizen's appointment page, with the page's own h1: signed out, a
 * way to sign in that comes back here (`?next=`, query included); officials and admins, where their calendar is.
 * Null for citizens. `idPrefix` names the sign-in link (`#<prefix>-sign-in-link`).
 */
export function appointmentAccessView(heading: string, idPrefix: string, context: CityPageContext): HTMLElement | null {
  const { t, person } = context;
  if (person?.role === 'citizen') return null;
  if (!person) {
    return signedOutPrompt({ heading, intro: t('appointments:signedOut.intro'), idPrefix }, context);
  }
  return h(
    'div',
    { class: 'page page--prose' },
    h('h1', null, heading),
    h('p', { class: 'lead', id: 'appointments-staff' }, t('appointments:staff.intro')),
    h(
      'p',
      null,
      h('a', { href: '/console/calendar', class: 'link-arrow', id: 'appointments-calendar-link' }, t('appointments:staff.calendar')),
    ),
  );
}
