import { ApiError } from '../../api/client';
import { endedStatuses, listCounters, trackTicket, type IssuedTicket, type TicketView } from '../../api/queues';
import { h } from '../../dom';
import { problemsOfError } from '../../forms/form-controller';
import { consultationsOnCase } from '../consultations/consultations-on-case';
import type { CityPageContext, PageModule } from '../page';
import { counterNameText, numberInText, placeText } from './queue-rendering';
import { ticketForm } from './ticket-form';
import { ticketPanel } from './ticket-panel';
import { forgetTicketToken, rememberTicketToken, storedTicketToken } from './ticket-storage';

/** A load that failed: what went wrong, and a button that tries again (focused when the person asked for it). */
function loadError(message: string, error: unknown, retry: () => void, context: CityPageContext): HTMLElement[] {
  const [problem] = problemsOfError(error, {});
  const button = h('button', { type: 'button', class: 'button button--secondary', id: 'queue-retry' }, context.t('queues:take.retry'));
  button.addEventListener('click', retry);
  return [
    h(
      'div',
      { class: 'alert', id: 'queue-load-error', role: 'alert' },
      h('p', null, message),
      problem && 'message' in problem ? h('p', { class: 'alert__detail' }, problem.message) : null,
    ),
    h('p', null, button),
  ];
}

function render(context: CityPageContext): HTMLElement {
  const { t, language } = context;
  const intro = h('p', { class: 'lead', id: 'queue-intro' }, t('queues:take.intro'));
  const body = h('div', { class: 'queue-body', id: 'queue-body' });
  const page = h(
    'div',
    { class: 'page page--form page--queue' },
    h('h1', null, t('queues:take.heading')),
    intro,
    body,
    h('p', null, h('a', { href: '/queues/board', class: 'link-arrow', id: 'queue-board-link' }, t('queues:take.board'))),
  );

  const words = (ticket: TicketView) => ({
    number: numberInText(ticket.number),
    counter: counterNameText(ticket.counterId, context),
    place: placeText(ticket, context),
  });

  const showTicket = (ticket: TicketView, token: string, announcement: string, moveFocus: boolean) => {
    intro.hidden = true;
    body.replaceChildren(
      ticketPanel({ ticket, token, announcement, moveFocus, takeAnother: () => void showForm(true) }, context),
      // Signed in, the holder hears when the official at the counter opens a consultation on this ticket.
      consultationsOnCase((consultation) => consultation.subject.type === 'ticket' && consultation.subject.id === ticket.id, context),
    );
  };

  const taken = (issued: IssuedTicket) => {
    rememberTicketToken(issued.ticketToken);
    showTicket(issued.ticket, issued.ticketToken, t('queues:ticket.taken', words(issued.ticket)), true);
  };

  /** The counters and the form; `moveFocus` after "Take another ticket", so focus does not fall to the page's end. */
  const showForm = async (moveFocus: boolean) => {
    intro.hidden = false;
    body.setAttribute('aria-busy', 'true');
    body.replaceChildren(h('p', { class: 'loading' }, t('queues:take.loading')));
    try {
      const counters = await listCounters({ language });
      body.replaceChildren(counters.length > 0 ? ticketForm(counters, context, taken) : h('p', null, t('queues:take.noCounters')));
      if (moveFocus) body.querySelector<HTMLInputElement>('input')?.focus();
    } catch (error: unknown) {
      body.replaceChildren(...loadError(t('queues:take.loadFailed'), error, () => void showForm(true), context));
      if (moveFocus) document.getElementById('queue-retry')?.focus();
    } finally {
      body.removeAttribute('aria-busy');
    }
  };

  /** A ticket this device follows is shown again, until it has ended; then it is forgotten. */
  const showStored = async (token: string) => {
    body.setAttribute('aria-busy', 'true');
    body.replaceChildren(h('p', { class: 'loading' }, t('queues:take.checking')));
    try {
      const ticket = await trackTicket(token, { language });
      body.removeAttribute('aria-busy');
      if (endedStatuses.includes(ticket.status)) {
        forgetTicketToken();
        await showForm(false);
        return;
      }
      showTicket(ticket, token, t('queues:ticket.restored', words(ticket)), false);
    } catch (error: unknown) {
      body.removeAttribute('aria-busy');
      if (error instanceof ApiError && error.code === 'NOT_FOUND') {
        forgetTicketToken();
        await showForm(false);
        return;
      }
      body.replaceChildren(...loadError(t('queues:take.loadFailed'), error, () => void showStored(token), context));
    }
  };

  const token = storedTicketToken();
  void (token ? showStored(token) : showForm(false));
  return page;
}

export const takeTicketPage: PageModule = { requiresCity: true, render };
