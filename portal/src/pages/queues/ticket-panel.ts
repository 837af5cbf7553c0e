import { announce } from '../../a11y/announcer';
import { cancelTicket, endedStatuses, type TicketView } from '../../api/queues';
import { h } from '../../dom';
import { problemsOfError } from '../../forms/form-controller';
import { detailsRow } from '../complaints/complaint-rendering';
import type { CityPageContext } from '../page';
import { whenRemoved } from '../page-lifetime';
import { playCallSound, prepareSound } from './call-sound';
import { counterName, numberInText, placeText, serviceName, statusTag, waitText } from './queue-rendering';
import { followTicket } from './ticket-live';
import { forgetTicketToken, rememberSound, soundWanted } from './ticket-storage';

export interface ShownTicket {
  ticket: TicketView;
  /** The holder's token: it follows and cancels the ticket, and moves with it on a transfer. */
  token: string;
  /** Said politely once the panel is shown (taken, or shown again after a reload). */
  announcement: string;
  /** The person asked for this ticket just now: focus goes to the panel's heading. */
  moveFocus: boolean;
  /** Offers the form again once the ticket has ended. */
  takeAnother: () => void;
}

function soundToggle(context: CityPageContext): HTMLButtonElement {
  const { t } = context;
  const button = h(
    'button',
    { type: 'button', class: 'button button--secondary sound-toggle', id: 'queue-sound-toggle', 'aria-pressed': String(soundWanted()) },
    t('queues:ticket.sound.label'),
  );
  button.addEventListener('click', () => {
    const on = button.getAttribute('aria-pressed') !== 'true';
    button.setAttribute('aria-pressed', String(on));
    rememberSound(on);
    // The click is the gesture browsers ask for before audio; the chime lets the person hear what to expect.
    if (on) {
      prepareSound();
      playCallSound();
    }
    announce(t(on ? 'queues:ticket.sound.on' : 'queues:ticket.sound.off'));
  });
  return button;
}

/**
 * The ticket the person holds: the number large and clear, the counter, their place and wait, the status, and a
 * cancel button with a confirmation. It is kept current live (see ticket-live.ts) without moving anything under
 * the person: values change where they stand.
 */
export function ticketPanel(shown: ShownTicket, context: CityPageContext): HTMLElement {
  const { t, language } = context;
  let ticket = shown.ticket;
  const number = h('strong', { class: 'ticket-card__number', id: 'queue-ticket-number', dir: 'ltr' }, ticket.number);
  const values = {
    counter: h('span'),
    service: h('span'),
    position: h('span'),
    wait: h('span'),
    status: h('span'),
  };
  const cancel = h('button', { type: 'button', class: 'button button--warning', id: 'queue-ticket-cancel' }, t('queues:ticket.cancel'));
  const confirmSlot = h('div', { class: 'ticket-confirm-slot' });
  const errorSlot = h('div', { class: 'ticket-error-slot' });
  const endedSlot = h('div', { class: 'ticket-ended-slot' });
  const actions = h('div', { class: 'form__actions' }, cancel);

  const heading = h('h2', { id: 'queue-ticket-heading', tabindex: '-1' }, t('queues:ticket.heading'));
  const panel = h(
    'section',
    { class: 'ticket-card', id: 'queue-ticket', 'aria-labelledby': 'queue-ticket-heading' },
    heading,
    h('p', { class: 'ticket-card__label', id: 'queue-ticket-number-label' }, t('queues:ticket.numberLabel')),
    h('p', { class: 'ticket-card__value' }, number),
    h(
      'dl',
      { class: 'details' },
      detailsRow(t('queues:ticket.counter'), values.counter, 'queue-ticket-counter'),
      detailsRow(t('queues:ticket.service'), values.service, 'queue-ticket-service'),
      detailsRow(t('queues:ticket.position'), values.position, 'queue-ticket-position'),
      detailsRow(t('queues:ticket.wait'), values.wait, 'queue-ticket-wait'),
      detailsRow(t('queues:ticket.status'), values.status, 'queue-ticket-status'),
    ),
    h('p', null, t('queues:ticket.keepOpen')),
    h('p', null, soundToggle(context)),
    errorSlot,
    actions,
    confirmSlot,
    endedSlot,
  );

  const showEnded = (moveFocus: boolean) => {
    forgetTicketToken();
    actions.hidden = true;
    confirmSlot.replaceChildren();
    const another = h('button', { type: 'button', class: 'button', id: 'queue-take-another' }, t('queues:ticket.another'));
    another.addEventListener('click', shown.takeAnother);
    const message = h('p', { id: 'queue-ticket-ended', tabindex: '-1' }, t('queues:ticket.ended'));
    endedSlot.replaceChildren(message, h('div', { class: 'form__actions' }, another));
    if (moveFocus) message.focus();
  };

  /** Shows `next` in place; the values are replaced where they stand, so focus and reading position stay. */
  const update = (next: TicketView) => {
    ticket = next;
    number.textContent = ticket.number;
    values.counter.replaceChildren(counterName(ticket.counterId, context));
    values.service.replaceChildren(serviceName(ticket.serviceId, context));
    values.position.textContent = placeText(ticket, context);
    values.wait.textContent = waitText(ticket, context);
    values.status.replaceChildren(statusTag(ticket.status, context));
    if (endedStatuses.includes(ticket.status) && !endedSlot.hasChildNodes()) showEnded(false);
  };

  cancel.addEventListener('click', () => {
    const question = h(
      'p',
      { class: 'ticket-confirm__question', id: 'queue-ticket-cancel-question', tabindex: '-1' },
      t('queues:ticket.cancelQuestion', { number: numberInText(ticket.number) }),
    );
    const yes = h(
      'button',
      { type: 'button', class: 'button button--warning', id: 'queue-ticket-cancel-yes' },
      t('queues:ticket.cancelYes'),
    );
    const no = h(
      'button',
      { type: 'button', class: 'button button--secondary', id: 'queue-ticket-cancel-no' },
      t('queues:ticket.cancelNo'),
    );
    no.addEventListener('click', () => {
      confirmSlot.replaceChildren();
      actions.hidden = false;
      cancel.focus();
      announce(t('queues:ticket.kept', { number: numberInText(ticket.number) }));
    });
    yes.addEventListener('click', () => {
      if (yes.getAttribute('aria-disabled') === 'true') return;
      yes.setAttribute('aria-disabled', 'true');
      errorSlot.replaceChildren();
      cancelTicket(shown.token, { language }).then(
        (cancelled) => {
          update(cancelled);
          showEnded(true);
          announce(t('queues:ticket.cancelled', { number: numberInText(cancelled.number) }));
        },
        (error: unknown) => {
          yes.removeAttribute('aria-disabled');
          const [problem] = problemsOfError(error, {});
          const alert = h(
            'div',
            { class: 'alert', id: 'queue-ticket-error', role: 'alert', tabindex: '-1' },
            problem && 'message' in problem ? problem.message : t('account:form.unexpectedError'),
          );
          errorSlot.replaceChildren(alert);
          alert.focus();
        },
      );
    });
    actions.hidden = true;
    confirmSlot.replaceChildren(h('div', { class: 'ticket-confirm' }, question, h('div', { class: 'form__actions' }, yes, no)));
    question.focus();
  });

  update(ticket);
  const onCalled = () => {
    if (soundWanted()) playCallSound();
  };
  const stop = followTicket({ token: shown.token, current: () => ticket, update, onCalled }, context);
  whenRemoved(panel, stop);

  window.setTimeout(() => {
    if (!panel.isConnected) return;
    if (shown.moveFocus) heading.focus();
    announce(shown.announcement);
  }, 0);
  return panel;
}
