import { signInHereHref } from '../../auth/session-ended';
import { h } from '../../dom';
import type { CityPageContext } from '../page';

/**
 * A page for signed-in citizens seen without a session: its h1, why it needs one, a link to sign in that
 * comes back here (`?next=`), and the tracking code as the way in without an account.
 */
export function signedOutPrompt(heading: string, intro: string, idPrefix: string, { t }: CityPageContext): HTMLElement {
  return h(
    'div',
    { class: 'page page--prose' },
    h('h1', null, heading),
    h('p', { class: 'lead' }, intro),
    h('p', null, h('a', { href: signInHereHref(), class: 'button', id: `${idPrefix}-sign-in-link` }, t('complaints:signedOut.signIn'))),
    h('p', null, `${t('complaints:signedOut.noAccount')} `, h('a', { href: '/register' }, t('complaints:signedOut.register'))),
    h('p', null, `${t('complaints:signedOut.tracking')} `, h('a', { href: '/complaints/track' }, t('complaints:signedOut.trackLink'))),
  );
}
