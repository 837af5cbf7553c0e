import { h } from '../../dom';
import type { CityPageContext } from '../page';
import type { ConsultationMessageView, ConsultationRole, ConsultationView } from './consultation-api';

/** A heading element of the level asked for (the panel sits under an h1 on its page, deeper inside the console). */
export function heading(level: number, attributes: Record<string, string>, ...children: (Node | string)[]): HTMLElement {
  const tag = `h${Math.min(Math.max(level, 2), 6)}` as 'h2';
  return h(tag, attributes, ...children);
}

/** The name a message's author goes by in the room: "You" for one's own, else their name (or what stands for it). */
export function authorName(role: ConsultationRole, name: string | null, me: ConsultationRole, context: CityPageContext): string {
  if (role === me) return context.t('consultations:messages.you');
  return name ?? (role === 'citizen' ? context.t('consultations:panel.formerCitizen') : context.t(`consultations:role.${role}`));
}

/**
 * The message history: one list item per message in `seq` order, each with a heading (who, as what, when), so a
 * screen reader moves message by message with its heading keys. Texts are set as text with `dir="auto"`, names in
 * <bdi>, so a Korean or Latin line inside Arabic (and the reverse) keeps its own direction. One's own messages say
 * whether they are on their way, sent, or seen by the other side.
 */
export class MessageList {
  readonly root: HTMLElement;
  private readonly list: HTMLOListElement;
  private readonly empty: HTMLElement;
  private readonly typingLine: HTMLElement;
  private typingTimer: number | undefined;
  private otherReadSeq = 0;

  constructor(
    private readonly me: ConsultationRole,
    private readonly level: number,
    private readonly context: CityPageContext,
  ) {
    const { t } = context;
    this.list = h('ol', { class: 'chat-messages', id: 'consultation-messages' });
    this.empty = h('p', { id: 'consultation-messages-empty' }, t('consultations:messages.empty'));
    this.typingLine = h('p', { class: 'chat-typing', id: 'consultation-typing' });
    this.root = h(
      'section',
      { class: 'chat-history', 'aria-labelledby': 'consultation-messages-heading' },
      heading(level, { id: 'consultation-messages-heading' }, t('consultations:messages.heading')),
      this.empty,
      this.list,
      this.typingLine,
    );
  }

  /** Where the other side has read up to, from the consultation or a read receipt. */
  seenUpTo(consultation: ConsultationView): void {
    const other = this.me === 'citizen' ? consultation.official.lastReadSeq : consultation.citizen.lastReadSeq;
    this.markSeen(other);
  }

  markSeen(seq: number): void {
    this.otherReadSeq = Math.max(this.otherReadSeq, seq);
    for (const item of this.list.querySelectorAll<HTMLElement>('li[data-mine="true"][data-seq]')) this.showStatus(item);
  }

  private showStatus(item: HTMLElement): void {
    const status = item.querySelector('.chat-message__status');
    if (!status) return;
    const seen = Number(item.dataset.seq) <= this.otherReadSeq;
    status.textContent = this.context.t(seen ? 'consultations:messages.seen' : 'consultations:messages.sent');
    item.dataset.seen = String(seen);
  }

  /** A stored message, put in its place by `seq`; a pending copy of one's own (same clientId) gives way to it. */
  add(message: ConsultationMessageView): void {
    this.list.querySelector(`li[data-client-id="${CSS.escape(message.clientId)}"]:not([data-seq])`)?.remove();
    const item = this.item(message.authorRole, message.authorName, message.text, new Date(message.at));
    item.dataset.seq = String(message.seq);
    item.dataset.clientId = message.clientId;
    item.id = `consultation-message-${message.seq}`;
    if (message.authorRole === this.me) this.showStatus(item);
    const later = [...this.list.querySelectorAll<HTMLElement>('li[data-seq]')].find((other) => Number(other.dataset.seq) > message.seq);
    // Pending messages stay last, after every stored one.
    this.list.insertBefore(item, later ?? this.list.querySelector('li:not([data-seq])'));
    this.empty.hidden = true;
    if (message.authorRole !== this.me) this.typing(null);
  }

  /** One's own message on its way: shown at the end until the server has stored it. */
  addPending(clientId: string, text: string): void {
    const item = this.item(this.me, null, text, new Date());
    item.dataset.clientId = clientId;
    const status = item.querySelector('.chat-message__status');
    if (status) status.textContent = this.context.t('consultations:messages.sending');
    this.list.append(item);
    this.empty.hidden = true;
  }

  /** A send the server refused: its pending copy goes. */
  dropPending(clientId: string): void {
    this.list.querySelector(`li[data-client-id="${CSS.escape(clientId)}"]:not([data-seq])`)?.remove();
    this.empty.hidden = this.list.childElementCount > 0;
  }

  /** "Official is typing…" for a few seconds, or cleared. Shown, not announced: it would talk over everything. */
  typing(role: ConsultationRole | null): void {
    window.clearTimeout(this.typingTimer);
    if (role === null) {
      this.typingLine.textContent = '';
      return;
    }
    this.typingLine.textContent = this.context.t('consultations:messages.typing', { role: this.context.t(`consultations:role.${role}`) });
    this.typingTimer = window.setTimeout(() => (this.typingLine.textContent = ''), 4_000);
  }

  private item(role: ConsultationRole, name: string | null, text: string, at: Date): HTMLLIElement {
    const { t, format } = this.context;
    const mine = role === this.me;
    return h(
      'li',
      { class: `chat-message chat-message--${mine ? 'mine' : 'theirs'}`, 'data-mine': String(mine), 'data-role': role },
      heading(
        this.level + 1,
        { class: 'chat-message__heading' },
        h('bdi', { class: 'chat-message__author' }, authorName(role, name, this.me, this.context)),
        h('span', { class: 'chat-message__role' }, ` (${t(`consultations:role.${role}`)})`),
        ' ',
        h('time', { class: 'chat-message__time', datetime: at.toISOString() }, format.time(at)),
      ),
      h('p', { class: 'chat-message__text', dir: 'auto' }, text),
      mine ? h('p', { class: 'chat-message__status' }) : null,
    );
  }
}
