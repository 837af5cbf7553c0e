import { h } from '../../dom';
import type { CityPageContext } from '../page';
import { signedOutPrompt } from '../page-states';

/**
 * A page for signed-in citizens seen without a session: the shared prompt to sign in, with the tracking code as
 * the way in without an account.
 */
export function complaintSignedOutPrompt(heading: string, intro: string, idPrefix: string, context: CityPageContext): HTMLElement {
  const { t } = context;
  const tracking = h(
    'p',
    null,
    `${t('complaints:signedOut.tracking')} `,
    h('a', { href: '/complaints/track' }, t('complaints:signedOut.trackLink')),
  );
  return signedOutPrompt({ heading, intro, idPrefix, alternative: tracking }, context);
}
