import type { Me } from '../../api/identity';
import { h, isolate } from '../../dom';
import type { PageContext } from '../page';

/** What the sign-in and registration pages say to someone who is already signed in. */
export function signedInAlready(heading: string, person: Me, { t }: PageContext): HTMLElement {
  return h(
    'div',
    { class: 'page page--form' },
    h('h1', null, heading),
    h('p', null, t('account:signedInAlready.body', { name: isolate(person.displayName) })),
    h('p', null, h('a', { href: '/account', class: 'link-arrow' }, t('account:signedInAlready.account'))),
  );
}
