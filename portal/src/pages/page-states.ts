import { signInHereHref } from '../auth/session-ended';
import { h } from '../dom';
import { problemsOfError } from '../forms/form-controller';
import type { PageContext } from './page';

/** The states every page that loads something shares: signed out where a session is needed, and a failed load. */

export interface SignedOutOptions {
  /** The page's own h1, so the page is still named when it cannot be used. */
  heading: string;
  /** Why it needs a session. */
  intro: string;
  /** The sign-in link's id is `<idPrefix>-sign-in-link`. */
  idPrefix: string;
  /** A way in without an account, where the page has one (a complaint's tracking code). */
  alternative?: HTMLElement;
}

/** For a signed-out visitor: the page's h1, why it needs a session, sign-in that comes back here (`?next=`), and registering. */
export function signedOutPrompt({ heading, intro, idPrefix, alternative }: SignedOutOptions, { t }: PageContext): HTMLElement {
  return h(
    'div',
    { class: 'page page--prose' },
    h('h1', null, heading),
    h('p', { class: 'lead' }, intro),
    h('p', null, h('a', { href: signInHereHref(), class: 'button', id: `${idPrefix}-sign-in-link` }, t('pageStates.signIn'))),
    h('p', null, `${t('pageStates.noAccount')} `, h('a', { href: '/register' }, t('pageStates.register'))),
    alternative ?? null,
  );
}

export interface LoadFailureOptions {
  /** The block is `#<id>-load-error`, its button `#<id>-retry`. */
  id: string;
  /** What could not be loaded, in the page's words. */
  message: string;
  error: unknown;
  /** Offers "Try again" when given. */
  retry?: () => void;
}

/** What shows when something could not be loaded: what failed, why when the API said, and a button to try again. */
export function loadFailure({ id, message, error, retry }: LoadFailureOptions, { t }: PageContext): HTMLElement {
  const [problem] = problemsOfError(error, {});
  let again: HTMLElement | null = null;
  if (retry) {
    again = h('button', { type: 'button', class: 'button button--secondary', id: `${id}-retry` }, t('pageStates.retry'));
    again.addEventListener('click', retry);
  }
  return h(
    'div',
    { class: 'alert', id: `${id}-load-error`, role: 'alert' },
    h('p', null, message),
    problem && 'message' in problem ? h('p', { class: 'alert__detail' }, problem.message) : null,
    again ? h('p', null, again) : null,
  );
}
