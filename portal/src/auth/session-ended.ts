import { ApiError } from '../api/client';
import type { PageContext } from '../pages/page';
import { signedOut } from './session';

/** The address of sign-in that comes back to this page afterwards. */
export function signInHereHref(): string {
  return `/sign-in?next=${encodeURIComponent(window.location.pathname + window.location.search)}`;
}

/**
 * For a page's requests: a session that has ended answers 401 AUTH_REQUIRED; the person is sent to sign in, and
 * back to this page afterwards. Returns whether it took care of the error.
 */
export function sessionEnded(context: PageContext): (error: unknown) => boolean {
  return (error) => {
    if (!(error instanceof ApiError) || error.code !== 'AUTH_REQUIRED') return false;
    signedOut();
    context.navigate(signInHereHref(), context.t('account:form.sessionEnded'));
    return true;
  };
}
