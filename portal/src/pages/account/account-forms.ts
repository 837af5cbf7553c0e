import { ApiError } from '../../api/client';
import { signedOut } from '../../auth/session';
import type { PageContext } from '../page';

/**
 * For the account's forms: a session that has ended (idle for 30 minutes, or ended elsewhere) answers
 * 401 AUTH_REQUIRED; the person is sent to sign in, and back here afterwards.
 */
export function sessionEnded(context: PageContext): (error: unknown) => boolean {
  return (error) => {
    if (!(error instanceof ApiError) || error.code !== 'AUTH_REQUIRED') return false;
    signedOut();
    context.navigate('/sign-in?next=%2Faccount', context.t('account:form.sessionEnded'));
    return true;
  };
}
