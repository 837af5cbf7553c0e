import { announce } from '../../a11y/announcer';
import { ApiError } from '../../api/client';
import {
  callNext,
  getCounterLine,
  setCounterOpen,
  stepTicket,
  transferTicket,
  type CounterLineView,
  type DeskAction,
  type TicketView,
} from '../../api/queues';
import { sessionEnded } from '../../auth/session-ended';
import { h, localized } from '../../dom';
import { problemsOfError } from '../../forms/form-controller';
import { onLiveEvent, watchLive } from '../../live/live-events';
import type { CityPageContext, PageModule } from '../page';
import { whenRemoved } from '../page-lifetime';
import { counterNameText, counterOf, numberInText, serviceNameText } from '../queues/queue-rendering';
import { listConsultations, openConsultation, roomHref } from '../consultations/consultation-api';
import { mountConsultationPanel } from '../consultations/consultation-panel';
import { accessView } from './console-access';
import { deskTickets, type DeskHandlers } from './counter-desk';
import { waitingLine } from './counter-line';

const stepResults = { recall: 'recalled', serve: 'serving', 'no-show': 'noshow', complete: 'done' } as const;

/**
 * Replaces a part of the page and gives focus back to the control that had it, when the new part has one with
 * the same id: a live refresh must not move the official's focus.
 */
function replaceKeepingFocus(container: HTMLElement, child: HTMLElement): void {
  const focused =
    document.activeElement instanceof HTMLElement && container.contains(document.activeElement) ? document.activeElement.id : '';
  container.replaceChildren(child);
  if (focused) document.getElementById(focused)?.focus({ preventScroll: true });
}

/** The consultation with a called ticket's holder, beside the line: hidden until one is opened. */
function consultationSlot(context: CityPageContext): { root: HTMLElement; show: (id: string) => void } {
  const box = h('div', { id: 'counter-consultation' });
  const link = h('a', { id: 'counter-consultation-page-link' }, context.t('consultations:console.openPage'));
  const root = section('counter-consultation-section', context.t('consultations:console.currentHeading'), h('p', null, link), box);
  root.hidden = true;
  return {
    root,
    show: (id) => {
      root.hidden = false;
      link.setAttribute('href', roomHref(id));
      if (box.querySelector(`[data-consultation-id="${CSS.escape(id)}"]`)) return;
      mountConsultationPanel(box, { consultationId: id, headingLevel: 3 }, context);
    },
  };
}

function section(id: string, heading: string, ...children: Node[]): HTMLElement {
  return h(
    'section',
    { class: 'case-section', id, 'aria-labelledby': `${id}-heading` },
    h('h2', { id: `${id}-heading` }, heading),
    ...children,
  );
}

/**
 * The officials' console for one counter (`?id=`): open or close it, call the next ticket, take each called
 * ticket through its steps or transfer it, and see the waiting line, which stays current live. Each result is
 * said in a banner above the heading that takes focus; live changes never move focus.
 */
function render(context: CityPageContext): HTMLElement {
  const { t, language } = context;
  const counterId = new URLSearchParams(window.location.search).get('id')?.trim() ?? '';
  const counter = counterOf(counterId, context);
  const heading = h('h1', null, t('queues:console.counter.heading'));
  const denied = accessView(t('queues:console.counter.heading'), context);
  if (denied) return denied;

  const noticeSlot = h('div', { class: 'case-notice-slot' });
  const body = h('div', { class: 'counter-body', id: 'counter-body' });
  const back = h(
    'p',
    null,
    h('a', { href: '/console/counters', class: 'back-link', id: 'counter-back-link' }, t('queues:console.counter.back')),
  );
  const page = h('div', { class: 'page page--console page--counter' }, noticeSlot, heading, back, body);
  if (!counter) {
    body.append(
      h(
        'p',
        { class: 'alert', id: 'counter-load-error' },
        t(counterId ? 'queues:console.counter.notFound' : 'queues:console.counter.noId'),
      ),
    );
    return page;
  }
  heading.replaceChildren(localized('span', context.localize(counter.name), language));

  const intercept = sessionEnded(context);
  const stateText = h('p', { id: 'counter-state' });
  const toggle = h('button', { type: 'button', class: 'button button--secondary', id: 'counter-open-toggle' });
  const callButton = h('button', { type: 'button', class: 'button', id: 'counter-call-next' }, t('queues:console.counter.callNext'));
  const current = h('div', { id: 'counter-current' });
  const line = h('div', { id: 'counter-line' });
  const consultation = consultationSlot(context);
  let shown: CounterLineView | null = null;
  let busy = false;

  const notice = (message: string, problem = false) => {
    const banner = problem
      ? h(
          'div',
          { class: 'alert', id: 'counter-problem', role: 'alert', tabindex: '-1' },
          h('h2', { class: 'notification-banner__title' }, t('queues:console.counter.problem')),
          h('p', null, message),
        )
      : h(
          'div',
          { class: 'notification-banner', id: 'counter-notice', role: 'status', tabindex: '-1', 'aria-labelledby': 'counter-notice-title' },
          h('h2', { class: 'notification-banner__title', id: 'counter-notice-title' }, t('queues:console.counter.notice')),
          h('p', { class: 'notification-banner__text' }, message),
        );
    noticeSlot.replaceChildren(banner);
    banner.focus();
  };

  const show = (view: CounterLineView) => {
    shown = view;
    stateText.textContent = t(view.open ? 'queues:console.counter.isOpen' : 'queues:console.counter.isClosed');
    stateText.dataset.open = String(view.open);
    toggle.textContent = t(view.open ? 'queues:console.counter.close' : 'queues:console.counter.open');
    replaceKeepingFocus(current, deskTickets(view.tickets, context, handlers));
    replaceKeepingFocus(line, waitingLine(view.tickets, context));
  };

  const failed = (error: unknown) => {
    if (intercept(error)) return;
    const code = error instanceof ApiError ? error.code : '';
    const known = { FORBIDDEN: 'forbidden', NOT_FOUND: 'notFound' } as const;
    const key = code === 'FORBIDDEN' || code === 'NOT_FOUND' ? known[code] : null;
    const [problem] = key ? [] : problemsOfError(error, {});
    body.replaceChildren(
      h(
        'div',
        { class: 'alert', id: 'counter-load-error', role: 'alert' },
        h(
          'p',
          { id: key === 'forbidden' ? 'counter-forbidden' : null },
          t(key ? `queues:console.counter.${key}` : 'queues:console.counter.loadFailed'),
        ),
        problem && 'message' in problem ? h('p', { class: 'alert__detail' }, problem.message) : null,
      ),
    );
  };

  const reload = async (): Promise<boolean> => {
    try {
      show(await getCounterLine(counter.id, { language }));
      return true;
    } catch (error: unknown) {
      failed(error);
      return false;
    }
  };

  /** Runs an official's action, then shows the counter as it is now and says what happened (or what stopped it). */
  const act = (send: () => Promise<string>) => {
    if (busy) return;
    busy = true;
    body.setAttribute('aria-busy', 'true');
    announce(t('shell.working'));
    send()
      .then(
        async (message) => {
          if (await reload()) notice(message);
        },
        async (error: unknown) => {
          if (intercept(error)) return;
          const code = error instanceof ApiError ? error.code : '';
          if (code === 'QUEUE_EMPTY') {
            notice(t('queues:console.counter.empty'));
            return;
          }
          await reload();
          if (code === 'QUEUE_INVALID_TRANSITION') {
            notice(t('queues:console.counter.conflict'), true);
            return;
          }
          const [problem] = problemsOfError(error, {});
          notice(problem && 'message' in problem ? problem.message : t('account:form.unexpectedError'), true);
        },
      )
      .finally(() => {
        busy = false;
        body.removeAttribute('aria-busy');
      });
  };

  const handlers: DeskHandlers = {
    step: (ticket: TicketView, action: DeskAction) =>
      act(async () => {
        const moved = await stepTicket(ticket.id, action, { language });
        return t(`queues:console.current.${stepResults[action]}`, { number: numberInText(moved.number) });
      }),
    transfer: (ticket, target) =>
      act(async () => {
        const next = await transferTicket(ticket.id, target, { language });
        return t('queues:console.current.transfer.done', {
          number: numberInText(ticket.number),
          counter: counterNameText(target.counterId, context),
          service: serviceNameText(target.serviceId, context),
          newNumber: numberInText(next.number),
        });
      }),
    consult: (ticket) =>
      act(async () => {
        const opened = await openConsultation({ ticketId: ticket.id }, { language });
        consultation.show(opened.id);
        return t('consultations:console.opened');
      }),
  };

  toggle.addEventListener('click', () => {
    const open = !shown?.open;
    act(async () => {
      await setCounterOpen(counter.id, open, { language });
      return t(open ? 'queues:console.counter.opened' : 'queues:console.counter.closed');
    });
  });
  callButton.addEventListener('click', () =>
    act(async () => t('queues:console.counter.called', { number: numberInText((await callNext(counter.id, { language })).number) })),
  );

  // The line changes as citizens take tickets and other desks call: shown again in place, its length said politely.
  const forget = watchLive('counter', counter.id);
  const stop = onLiveEvent('queue.changed', (changed) => {
    if (changed.id !== counter.id || busy) return;
    const before = shown?.tickets.filter((ticket) => ticket.status === 'waiting').length;
    void reload().then(() => {
      if (before !== changed.waiting) announce(t('queues:console.line.live', { count: changed.waiting }));
    });
  });
  whenRemoved(page, () => {
    stop();
    forget();
  });

  body.setAttribute('aria-busy', 'true');
  body.append(h('p', { class: 'loading' }, t('queues:console.counter.loading')));
  void reload().then((loaded) => {
    body.removeAttribute('aria-busy');
    if (!loaded) return;
    // A consultation still open with a ticket at this desk (after a reload) is shown again.
    listConsultations({ language }).then(
      (mine) => {
        const ticketIds = new Set(shown?.tickets.map((ticket) => ticket.id));
        const open = mine.find(
          (candidate) => candidate.state !== 'ended' && candidate.subject.type === 'ticket' && ticketIds.has(candidate.subject.id),
        );
        if (open) consultation.show(open.id);
      },
      () => undefined,
    );
    body.replaceChildren(
      section('counter-state-section', t('queues:console.counter.stateHeading'), stateText, h('div', { class: 'form__actions' }, toggle)),
      section('counter-current-section', t('queues:console.current.heading'), h('div', { class: 'form__actions' }, callButton), current),
      consultation.root,
      section('counter-line-section', t('queues:console.line.heading'), line),
    );
  });
  return page;
}

export const counterPage: PageModule = { requiresCity: true, render };
