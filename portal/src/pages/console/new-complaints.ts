import { announce } from '../../a11y/announcer';
import { h } from '../../dom';
import { onLiveEvent } from '../../live/live-events';
import type { PageContext } from '../page';

/**
 * New complaints of the department, as they are filed. Rows never move under the person reading them: the
 * arrival is announced politely and a button offers to show them, which loads the list again (`show`).
 * Returns the function that stops listening.
 */
export function watchNewComplaints(slot: HTMLElement, context: PageContext, show: () => void): () => void {
  const { t } = context;
  let count = 0;
  const button = h('button', { type: 'button', class: 'button button--secondary', id: 'inbox-new-button' });
  button.addEventListener('click', () => {
    count = 0;
    slot.replaceChildren();
    show();
  });
  return onLiveEvent('complaint.filed', () => {
    count += 1;
    button.textContent = t('console:inbox.live.show', { count });
    if (!button.isConnected) slot.replaceChildren(button);
    announce(t('console:inbox.live.arrived', { count }));
  });
}
