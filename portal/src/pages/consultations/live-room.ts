import { announce } from '../../a11y/announcer';
import { ApiError } from '../../api/client';
import { h, isolate } from '../../dom';
import { errorText } from '../../i18n/i18n';
import type { CityPageContext } from '../page';
import { getConsultation, type ConsultationRole, type ConsultationView } from './consultation-api';
import { ConsultationChat, SendRefused } from './consultation-chat';
import type { ConsultationDetails } from './consultation-details';
import { messageForm, type MessageForm } from './message-form';
import { authorName, MessageList } from './message-list';
import { officialTools, type OfficialTools } from './official-tools';
import { reportControl } from './report-dialog';
import { voiceCall, type VoiceCall } from './voice-call';

export interface LiveRoom {
  first: ConsultationView;
  details: ConsultationDetails;
  /** Where the room goes (the panel's body). */
  body: HTMLElement;
  level: number;
  onChange: ((consultation: ConsultationView) => void) | undefined;
  /** The room cannot be joined for another reason than its end: the panel says so. */
  missing: (error: unknown) => void;
  /** The room is closed to this person (ended meanwhile, or removed): the panel shows the transcript with `notice`. */
  readOnly: (notice: string | null) => void;
}

/**
 * The live room: joins it over the socket and keeps the conversation current until the end — messages, typing,
 * receipts, moderation, the call — saying each change politely. Returns the function that leaves it.
 */
export function joinRoom(room: LiveRoom, context: CityPageContext): () => void {
  const { t, language } = context;
  const { first, details, body, level } = room;
  let current = first;
  let role: ConsultationRole | null = null;
  let list: MessageList | null = null;
  let form: MessageForm | null = null;
  let tools: OfficialTools | null = null;
  let voice: VoiceCall | null = null;
  let readTimer: number | undefined;
  const result = h('p', { class: 'chat-result', id: 'consultation-result', hidden: true });
  const connection = h('p', { class: 'notice', id: 'consultation-connection', hidden: true });

  const tell = (message: string) => {
    result.textContent = message;
    result.hidden = false;
    announce(message);
  };

  const closedReason = (consultation: ConsultationView): string | null => {
    if (consultation.state === 'ended') return t('consultations:panel.endedNotice');
    if (role === 'citizen' && consultation.citizen.removed) return t('consultations:panel.removedNotice');
    if (role === 'citizen' && consultation.citizen.muted) return t('consultations:panel.mutedNotice');
    return null;
  };

  const show = (consultation: ConsultationView) => {
    current = consultation;
    details.show(consultation);
    form?.setClosed(closedReason(consultation));
    tools?.show(consultation);
    if (consultation.state === 'ended') voice?.stop();
    room.onChange?.(consultation);
  };

  /** Tells the other side what this person has read, once the page is in view. */
  const markRead = () => {
    window.clearTimeout(readTimer);
    readTimer = window.setTimeout(() => {
      if (document.visibilityState === 'visible' && chat.lastSeenSeq > 0 && role !== 'supervisor') chat.read(chat.lastSeenSeq);
    }, 300);
  };

  const build = (joinedAs: ConsultationRole) => {
    role = joinedAs;
    list = new MessageList(joinedAs, level, context);
    const participant = joinedAs !== 'supervisor';
    form = participant
      ? messageForm(
          {
            level,
            typing: () => chat.typing(),
            cannedLanguage: joinedAs === 'official' ? (current.citizen.language ?? context.city.languages[0] ?? language) : null,
            send: async (text) => {
              const { clientId, sent } = chat.send(text);
              if (chat.isUnanswered(clientId)) list?.addPending(clientId, text);
              try {
                await sent;
                return null;
              } catch (error: unknown) {
                list?.dropPending(clientId);
                const code = error instanceof SendRefused ? error.code : 'UNEXPECTED';
                const reason = errorText(code) ?? t('account:form.unexpectedError');
                announce(t('consultations:announce.sendFailed', { reason }));
                return reason;
              }
            },
          },
          context,
        )
      : null;
    tools = joinedAs === 'official' ? officialTools({ consultation: current, level, told: tell, changed: show }, context) : null;
    voice = participant && current.voice ? voiceCall(current, (data) => chat.signal(data), level, context) : null;
    body.removeAttribute('aria-busy');
    body.replaceChildren(
      details.root,
      connection,
      result,
      list.root,
      ...(form ? [form.root] : []),
      ...(voice ? [voice.root] : []),
      ...(participant ? [h('div', { class: 'chat-actions' }, reportControl(current.id, tell, context))] : []),
      ...(tools ? [tools.root] : []),
    );
  };

  const chat = new ConsultationChat(first.id, {
    joined: (joined, catchUp, again) => {
      if (!list) build(joined.role);
      list?.seenUpTo(joined.consultation);
      show(joined.consultation);
      connection.hidden = true;
      if (again) {
        const missed = catchUp.filter((message) => message.authorRole !== role).length;
        announce(missed > 0 ? t('consultations:announce.caughtUp', { count: missed }) : t('consultations:panel.reconnected'));
      }
      markRead();
    },
    joinFailed: (code) => {
      if (list) return;
      if (code === 'CONSULTATION_NOT_OPEN' || code === 'CONSULTATION_REMOVED') {
        room.readOnly(code === 'CONSULTATION_REMOVED' ? t('consultations:panel.removedNotice') : null);
        return;
      }
      room.missing(new ApiError(404, code, code));
    },
    message: (message) => {
      list?.add(message);
      if (message.authorRole === role) return;
      announce(
        t('consultations:announce.message', {
          name: isolate(authorName(message.authorRole, message.authorName, role ?? 'citizen', context)),
          text: message.text,
        }),
      );
      markRead();
    },
    typing: (who) => list?.typing(who),
    read: (who, seq) => {
      if (who !== role) list?.markSeen(seq);
    },
    state: (event) => {
      if (event.state === 'live') {
        show({ ...current, state: 'live' });
        announce(t('consultations:announce.live'));
        return;
      }
      // Ended: shown at once, then as stored (with the note); the room is closed, so this side leaves it.
      show({ ...current, state: 'ended', outcome: event.outcome });
      getConsultation(first.id, { language }).then(show, () => undefined);
      announce(t('consultations:announce.ended', { outcome: event.outcome ? t(`consultations:outcome.${event.outcome}`) : '' }));
      leave();
    },
    moderated: (event) => {
      show({ ...current, citizen: { ...current.citizen, muted: event.muted, removed: event.removed } });
      if (role !== 'citizen') return;
      announce(
        t(
          event.removed
            ? 'consultations:announce.removed'
            : event.muted
              ? 'consultations:announce.muted'
              : 'consultations:announce.unmuted',
        ),
      );
      if (event.removed) leave();
    },
    otherJoined: (event) => {
      const name = event.name ?? t(`consultations:role.${event.role}`);
      announce(t('consultations:announce.joined', { name: isolate(name) }));
    },
    signal: (event) => voice?.receive(event.data),
  });

  // The portal's socket marks `html[data-live]` while admitted: without it, the room says it is reconnecting.
  const watcher = new MutationObserver(() => {
    if (!list || current.state === 'ended') return;
    const down = document.documentElement.dataset.live !== 'ready';
    if (down && connection.hidden) {
      connection.textContent = t('consultations:panel.reconnecting');
      connection.hidden = false;
      announce(connection.textContent);
    }
  });
  watcher.observe(document.documentElement, { attributes: true, attributeFilter: ['data-live'] });
  const visible = () => markRead();
  document.addEventListener('visibilitychange', visible);
  function leave(): void {
    watcher.disconnect();
    document.removeEventListener('visibilitychange', visible);
    window.clearTimeout(readTimer);
    voice?.stop();
    chat.stop();
  }
  chat.start();
  return leave;
}
