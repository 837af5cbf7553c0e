import { ApiError } from '../../api/client';
import { h } from '../../dom';
import type { CityPageContext } from '../page';
import { whenRemoved } from '../page-lifetime';
import { getConsultation, getTranscript, type ConsultationRole, type ConsultationView } from './consultation-api';
import { consultationDetails, type ConsultationDetails } from './consultation-details';
import { heading, MessageList } from './message-list';
import { joinRoom } from './live-room';
import './consultation-panel.css';

export interface ConsultationPanelOptions {
  consultationId: string;
  /** The level of the panel's own heading (2 under a page's h1; 3 inside a page's section). Default 2. */
  headingLevel?: number;
  /** Told when the consultation is known, and on every change of state (e.g. to put its case number in a title). */
  onChange?: (consultation: ConsultationView) => void;
  /** Told when the consultation cannot be shown at all: `NOT_FOUND` (not there, or not this person's), or another code. */
  onMissing?: (code: string) => void;
}

export interface ConsultationPanel {
  readonly root: HTMLElement;
  /** Leaves the room: hangs up, stops listening. Also done by itself once `root` leaves the document. */
  stop: () => void;
}

/**
 * Mounts a consultation's room into `container` (replacing what it holds): the conversation for its citizen, its
 * official or a supervisor, live over the `/live` socket; after the end, the transcript read-only. The same room on
 * the plain page (/consultations/room), beside the console's queue and inside the 3D hall:
 *
 *   const panel = mountConsultationPanel(element, { consultationId, headingLevel: 3 }, context);
 *   // … panel.stop() when done, or just remove the element
 *
 * It never moves focus on its own: new messages and changes are said politely through the announcer. One panel per
 * page: its elements have fixed ids (`#consultation-panel`, `#consultation-message`…), which tests and labels use.
 */
export function mountConsultationPanel(
  container: HTMLElement,
  options: ConsultationPanelOptions,
  context: CityPageContext,
): ConsultationPanel {
  const { t, language } = context;
  const level = options.headingLevel ?? 2;
  const body = h('div', { class: 'chat-panel__body', 'aria-busy': 'true' }, h('p', { class: 'loading' }, t('consultations:room.loading')));
  const root = h(
    'section',
    {
      class: 'chat-panel',
      id: 'consultation-panel',
      'aria-labelledby': 'consultation-panel-heading',
      'data-consultation-id': options.consultationId,
    },
    heading(level, { id: 'consultation-panel-heading' }, t('consultations:panel.heading')),
    body,
  );
  container.replaceChildren(root);
  const stops: (() => void)[] = [];
  const stop = () => {
    for (const stopOne of stops.splice(0)) stopOne();
  };
  whenRemoved(root, stop);

  const missing = (error: unknown) => {
    body.removeAttribute('aria-busy');
    const code = error instanceof ApiError ? error.code : 'UNEXPECTED';
    body.replaceChildren(
      h(
        'p',
        { class: 'alert', id: 'consultation-load-error' },
        t(code === 'NOT_FOUND' ? 'consultations:room.notFound' : 'consultations:room.loadFailed'),
      ),
    );
    options.onMissing?.(code);
  };

  getConsultation(options.consultationId, { language }).then((consultation) => {
    const details = consultationDetails(consultation, context);
    options.onChange?.(consultation);
    if (consultation.state === 'ended') {
      showTranscript(consultation, details, null).catch(missing);
      return;
    }
    const readOnly = (notice: string | null) => {
      getConsultation(consultation.id, { language })
        .then((now) => {
          details.show(now);
          return showTranscript(now, details, notice);
        })
        .catch(missing);
    };
    stops.push(joinRoom({ first: consultation, details, body, level, onChange: options.onChange, missing, readOnly }, context));
  }, missing);

  /** Read-only: the transcript as stored, after the end or for a citizen removed from the room. */
  async function showTranscript(consultation: ConsultationView, details: ConsultationDetails, notice: string | null): Promise<void> {
    const transcript = await getTranscript(consultation.id, { language });
    const me: ConsultationRole =
      context.person?.role === 'admin' ? 'supervisor' : context.person?.role === 'official' ? 'official' : 'citizen';
    const list = new MessageList(me, level, context);
    list.seenUpTo(consultation);
    for (const message of transcript.messages) list.add(message);
    body.removeAttribute('aria-busy');
    const shown = notice ?? t('consultations:panel.endedNotice');
    body.replaceChildren(details.root, h('p', { class: 'notice', id: 'consultation-ended-notice' }, shown), list.root);
  }

  return { root, stop };
}
