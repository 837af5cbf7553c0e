import type { Me } from '../../api/identity';
import { signInHereHref } from '../../auth/session-ended';
import { h } from '../../dom';
import type { PageContext } from '../page';

/** The officials' pages are for officials and admins; the API checks again on every request. */
export function isStaff(person: Me | null): person is Me {
  return person?.role === 'official' || person?.role === 'admin';
}

/**
 * What someone who may not use the officials' pages sees instead, with the page's own h1: signed out, a way to
 * sign in and come back; signed in as a citizen, a plain "not for your account" and where to go instead.
 * Null for officials and admins. No request is made for either, so nothing can loop.
 */
export function accessView(heading: string, context: PageContext): HTMLElement | null {
  const { t, person } = context;
  if (isStaff(person)) return null;
  if (!person) {
    return h(
      'div',
      { class: 'page page--prose page--console' },
      h('h1', null, heading),
      h('p', { class: 'lead' }, t('console:access.signedOut.intro')),
      h('p', null, h('a', { href: signInHereHref(), class: 'button', id: 'console-sign-in-link' }, t('console:access.signedOut.signIn'))),
    );
  }
  return h(
    'div',
    { class: 'page page--prose page--console' },
    h('h1', null, heading),
    h('p', { class: 'lead', id: 'console-not-staff' }, t('console:access.notStaff.intro')),
    h(
      'ul',
      { class: 'link-list' },
      h('li', null, h('a', { href: '/complaints/track' }, t('console:access.notStaff.track'))),
      h('li', null, h('a', { href: '/' }, t('console:access.notStaff.home'))),
    ),
  );
}
