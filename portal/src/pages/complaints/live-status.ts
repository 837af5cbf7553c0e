import { announce } from '../../a11y/announcer';
import type { Complaint } from '../../api/complaints';
import { onLiveEvent, onLiveResumed, watchLive } from '../../live/live-events';
import type { CityPageContext } from '../page';
import { whenRemoved } from '../page-lifetime';
import { historyList, statusLabel, statusTag } from './complaint-rendering';

interface ShownComplaint {
  /** The page's root: listening stops when it leaves the document. */
  page: HTMLElement;
  complaint: Complaint;
  /** Ids of the status value and of the history list the page shows, replaced in place. */
  statusId: string;
  historyId: string;
  reload: () => Promise<Complaint>;
  /** A tracking token shown on this page (signed out); signed in, the person's own room already hears it. */
  trackingToken?: string;
}

/**
 * Keeps a shown complaint's status and history current while the page is open: when an official moves it (or
 * when the connection comes back after a break, in case it moved meanwhile), the status and the history are
 * replaced where they stand (focus stays where it is) and the change is announced politely.
 */
export function keepComplaintCurrent(shown: ShownComplaint, context: CityPageContext): void {
  const { complaint } = shown;
  const forget = shown.trackingToken ? watchLive('complaint', shown.trackingToken) : () => undefined;
  let current = complaint;
  const refresh = () => {
    shown.reload().then(
      (fresh) => {
        if (fresh.status === current.status && fresh.history.length === current.history.length) return;
        current = fresh;
        document.getElementById(shown.statusId)?.replaceChildren(statusTag(fresh.status, context));
        const history = document.getElementById(shown.historyId);
        history?.replaceWith(historyList(fresh, context, shown.historyId, history.getAttribute('aria-labelledby') ?? ''));
        announce(context.t('complaints:live.updated', { caseNumber: fresh.caseNumber, status: statusLabel(fresh.status, context) }));
      },
      // The page still shows what it had; a reload shows the rest.
      () => undefined,
    );
  };
  const stopEvents = onLiveEvent('complaint.updated', (event) => {
    if (event.id === complaint.id) refresh();
  });
  const stopResumed = onLiveResumed(refresh);
  whenRemoved(shown.page, () => {
    stopEvents();
    stopResumed();
    forget();
  });
}
