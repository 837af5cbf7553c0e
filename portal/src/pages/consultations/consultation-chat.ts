import type { LiveEvents } from '../../../../api/src/live/live-events.types';
import { onLiveEvent, onLiveResumed } from '../../live/live-events';
import { socketCalls, type ConsultationMessageView, type ConsultationRole, type Joined } from './consultation-api';

/** What the chat tells the panel; the panel renders, the chat keeps the order and the exactly-once promise. */
export interface ChatListener {
  /** Joined (again): the consultation as it is now; `catchUp` holds what was missed while away (after a reconnection). */
  joined: (joined: Joined, catchUp: ConsultationMessageView[], again: boolean) => void;
  /** Joining was refused (`NOT_FOUND`, `CONSULTATION_NOT_OPEN`, `CONSULTATION_REMOVED`…), or the socket gave no answer. */
  joinFailed: (code: string) => void;
  /** A message not shown before, heard live or in an acknowledgement. */
  message: (message: ConsultationMessageView) => void;
  typing: (role: ConsultationRole) => void;
  read: (role: ConsultationRole, seq: number) => void;
  state: (event: LiveEvents['consultation.state']) => void;
  moderated: (event: LiveEvents['consultation.moderated']) => void;
  otherJoined: (event: LiveEvents['consultation.joined']) => void;
  signal: (event: LiveEvents['consultation.signal']) => void;
}

/** A send the server refused for good (muted, too long, ended…): the message is not kept for a retry. */
export class SendRefused extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/**
 * One person's side of a consultation's chat over the `/live` socket. Messages are shown once each, by `seq`: the
 * highest gapless `seq` shown is remembered, and a rejoin after a reconnection asks for everything after it. A message
 * sent keeps its `clientId` until acknowledged; sends that got no answer are sent again, with the same id, after the
 * rejoin, so the server stores each exactly once.
 */
export class ConsultationChat {
  private readonly seen = new Set<number>();
  /** Every seq up to this one has been shown: what a rejoin asks to start after. */
  private gapless = 0;
  private readonly unanswered = new Map<string, string>();
  private readonly stops: (() => void)[] = [];
  private joinedOnce = false;
  private stopped = false;

  constructor(
    readonly consultationId: string,
    private readonly listener: ChatListener,
  ) {}

  start(): void {
    const mine = (event: { consultationId: string }) => event.consultationId === this.consultationId;
    this.stops.push(
      onLiveEvent('consultation.message', (message) => {
        if (mine(message)) this.deliver(message);
      }),
      onLiveEvent('consultation.typing', (event) => {
        if (mine(event)) this.listener.typing(event.role);
      }),
      onLiveEvent('consultation.read', (event) => {
        if (mine(event)) this.listener.read(event.role, event.seq);
      }),
      onLiveEvent('consultation.state', (event) => {
        if (mine(event)) this.listener.state(event);
      }),
      onLiveEvent('consultation.moderated', (event) => {
        if (mine(event)) this.listener.moderated(event);
      }),
      onLiveEvent('consultation.joined', (event) => {
        if (mine(event)) this.listener.otherJoined(event);
      }),
      onLiveEvent('consultation.signal', (event) => {
        if (mine(event)) this.listener.signal(event);
      }),
      // Rooms do not survive a new connection: join again, hear what was missed, send what got no answer.
      onLiveResumed(() => void this.join()),
    );
    void this.join();
  }

  stop(): void {
    this.stopped = true;
    for (const stop of this.stops.splice(0)) stop();
  }

  /** The highest seq shown with none missing before it. */
  get lastSeenSeq(): number {
    return this.gapless;
  }

  private deliver(message: ConsultationMessageView): void {
    this.unanswered.delete(message.clientId);
    if (this.seen.has(message.seq)) return;
    this.seen.add(message.seq);
    while (this.seen.has(this.gapless + 1)) this.gapless += 1;
    this.listener.message(message);
  }

  private async join(): Promise<void> {
    if (this.stopped) return;
    const again = this.joinedOnce;
    let answer: Awaited<ReturnType<typeof socketCalls.join>>;
    try {
      answer = await socketCalls.join(this.consultationId, this.gapless);
    } catch {
      // No answer in time: the connection dropped again, and its return joins again.
      if (!again) this.listener.joinFailed('NETWORK_ERROR');
      return;
    }
    if (this.stopped) return;
    if (!answer.ok) {
      this.listener.joinFailed(answer.code);
      return;
    }
    this.joinedOnce = true;
    const fresh = answer.messages.filter((message) => !this.seen.has(message.seq));
    // The first time, the panel is built on joining and then filled; after a break it exists, and is told what it
    // missed once the messages are in, so one summary is said rather than each message over the other.
    if (!again) this.listener.joined(answer, [], false);
    for (const message of answer.messages) this.deliver(message);
    if (again) this.listener.joined(answer, fresh, true);
    for (const [clientId, text] of [...this.unanswered]) void this.transmit(clientId, text).catch(() => undefined);
  }

  /**
   * Sends a message; resolves once the server stored it (it is then shown through `message`). Rejects with
   * SendRefused for a refusal; a lost connection leaves it waiting, sent again after the rejoin.
   */
  send(text: string): { clientId: string; sent: Promise<void> } {
    const clientId = crypto.randomUUID();
    this.unanswered.set(clientId, text);
    return { clientId, sent: this.transmit(clientId, text) };
  }

  private async transmit(clientId: string, text: string): Promise<void> {
    let answer: Awaited<ReturnType<typeof socketCalls.message>>;
    try {
      answer = await socketCalls.message(this.consultationId, clientId, text);
    } catch {
      return; // still unanswered: sent again on the rejoin
    }
    if (!answer.ok) {
      this.unanswered.delete(clientId);
      throw new SendRefused(answer.code);
    }
    this.deliver(answer.message);
  }

  /** Whether a message is still waiting for the server's acknowledgement. */
  isUnanswered(clientId: string): boolean {
    return this.unanswered.has(clientId);
  }

  typing(): void {
    void socketCalls.typing(this.consultationId).catch(() => undefined);
  }

  read(seq: number): void {
    void socketCalls.read(this.consultationId, seq).catch(() => undefined);
  }

  signal(data: object): Promise<boolean> {
    return socketCalls.signal(this.consultationId, data).then(
      (answer) => answer.ok,
      () => false,
    );
  }
}
