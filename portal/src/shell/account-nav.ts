import type { Me } from '../api/identity';
import { h } from '../dom';
import { t } from '../i18n/i18n';

/** Pages after which "Sign in" should not bring the person back to where they were. */
const noReturn = new Set(['/sign-in', '/register']);

export interface AccountNavActions {
  signOut: (button: HTMLButtonElement) => void;
}

/** `/sign-in`, with `?next=` the page the person is on, so signing in brings them back to it. */
export function signInHref(path: string): string {
  return noReturn.has(path) ? '/sign-in' : `/sign-in?next=${encodeURIComponent(path)}`;
}

/**
 * The header's account controls, inside the header tools: a "Sign in" link when signed out; the person's
 * name, linking to their account, and a "Sign out" button when signed in. The name is isolated (<bdi>) so
 * a name in another script keeps its own direction.
 */
export function renderAccountNav(container: HTMLElement, person: Me | null, path: string, actions: AccountNavActions): void {
  if (!person) {
    container.replaceChildren(
      h(
        'a',
        { class: 'account-nav__link', id: 'sign-in-link', href: signInHref(path), 'aria-current': path === '/sign-in' ? 'page' : null },
        t('shell.account.signIn'),
      ),
    );
    return;
  }
  const signOut = h('button', { type: 'button', class: 'account-nav__button', id: 'sign-out-button' }, t('shell.account.signOut'));
  signOut.addEventListener('click', () => actions.signOut(signOut));
  container.replaceChildren(
    h(
      'a',
      { class: 'account-nav__link', id: 'account-link', href: '/account', 'aria-current': path === '/account' ? 'page' : null },
      h('bdi', null, person.displayName),
      h('span', { class: 'visually-hidden' }, ` ${t('shell.account.yourAccount')}`),
    ),
    signOut,
  );
}
