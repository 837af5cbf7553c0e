import { announce, announceAssertively } from '../../a11y/announcer';
import { trackTicket, type TicketView } from '../../api/queues';
import { onLiveEvent, onLiveResumed, watchLive } from '../../live/live-events';
import type { CityPageContext } from '../page';
import { counterNameText, nameInText, numberInText, placeText, statusLabel } from './queue-rendering';

/** Position changes are spoken at most this often; the latest is always the one said. */
const positionInterval = 10_000;

export interface FollowedTicket {
  /** The holder's token: the watch's key, and after a transfer the way to the new ticket. */
  token: string;
  current: () => TicketView;
  /** Shows a new state of the ticket in place. */
  update: (ticket: TicketView) => void;
  /** The ticket was called (or called again): the optional sound. */
  onCalled: () => void;
}

/**
 * Announces the latest position politely, no more than once per interval: a busy line would otherwise speak over
 * everything the person does. A change within the interval is said when it ends, as it is then.
 */
function throttledPosition(say: () => string | null): { request: () => void; stop: () => void } {
  let lastSaid = 0;
  let timer: number | undefined;
  const fire = () => {
    timer = undefined;
    const message = say();
    if (message === null) return;
    lastSaid = Date.now();
    announce(message);
  };
  return {
    request: () => {
      const wait = lastSaid + positionInterval - Date.now();
      if (wait <= 0) fire();
      else timer ??= window.setTimeout(fire, wait);
    },
    stop: () => window.clearTimeout(timer),
  };
}

/**
 * Follows a ticket live by its token: its place in line (polite, throttled), the call (assertive: it must
 * interrupt), and every other step (polite). A transfer moves the token to the new ticket, which is then watched
 * instead. Returns the function that stops following.
 */
export function followTicket(followed: FollowedTicket, context: CityPageContext): () => void {
  const { t, language } = context;
  let forget = watchLive('ticket', followed.token);
  const position = throttledPosition(() => {
    const ticket = followed.current();
    if (ticket.status !== 'waiting') return null;
    return t('queues:ticket.live.position', { number: numberInText(ticket.number), place: placeText(ticket, context) });
  });

  const mine = (ticketId: string) => ticketId === followed.current().id;

  const stops = [
    // Back after a break: what happened meanwhile was not heard, so the ticket is asked for again.
    onLiveResumed(() => {
      trackTicket(followed.token, { language }).then(
        (ticket) => followed.update(ticket),
        () => undefined,
      );
    }),
    onLiveEvent('ticket.position', (event) => {
      if (!mine(event.ticketId)) return;
      followed.update({ ...followed.current(), position: event.position, estimatedWaitMinutes: event.estimatedWaitMinutes });
      position.request();
    }),
    onLiveEvent('ticket.called', (event) => {
      if (!mine(event.ticketId)) return;
      followed.update({ ...followed.current(), status: 'called', position: null, estimatedWaitMinutes: null });
      const words = { number: numberInText(event.number), counter: nameInText(event.counterName, context) };
      announceAssertively(t(event.recalled ? 'queues:ticket.live.recalled' : 'queues:ticket.live.called', words));
      followed.onCalled();
    }),
    onLiveEvent('ticket.updated', (event) => {
      if (!mine(event.ticketId)) return;
      if (event.status === 'transferred' && event.transferredToId) {
        // The token now names the new ticket: show it, and watch it (rooms are per ticket).
        trackTicket(followed.token, { language }).then(
          (next) => {
            forget();
            forget = watchLive('ticket', followed.token);
            followed.update(next);
            announce(
              t('queues:ticket.live.transferred', {
                counter: counterNameText(next.counterId, context),
                number: numberInText(next.number),
              }),
            );
          },
          // The page keeps what it had; a reload shows the rest.
          () => undefined,
        );
        return;
      }
      const ticket = { ...followed.current(), status: event.status, position: null, estimatedWaitMinutes: null };
      followed.update(ticket);
      announce(t('queues:ticket.live.updated', { number: numberInText(ticket.number), status: statusLabel(ticket.status, context) }));
    }),
  ];

  return () => {
    position.stop();
    forget();
    for (const stop of stops) stop();
  };
}
