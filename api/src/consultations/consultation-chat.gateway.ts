import { Inject } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Logger } from 'pino';
import type { Namespace, Socket } from 'socket.io';
import type { UserAccount } from '../accounts/user-account.entity.js';
import { DomainError } from '../common/domain-error.js';
import { LOGGER } from '../common/error-responder.js';
import { APP_CONFIG } from '../config/app-config.token.js';
import type { AppConfig } from '../config/environment.js';
import { LIVE_NAMESPACE, type LiveEventName, type LiveEvents } from '../live/live-events.types.js';
import { consultationRoom, consultationSideRoom, personRoom } from '../live/live-rooms.js';
import { ConsultationChatService, type Joined } from './consultation-chat.service.js';
import type { ConsultationAck, ConsultationMessageView, ConsultationRole } from './consultation-view.types.js';

/** One typing indicator per socket and consultation in this time; more are acknowledged and dropped. */
const TYPING_EVERY_MS = 2_000;

/** What this gateway keeps on a `/live` socket, beside what LiveGateway set at the handshake (`person`). */
interface ChatSocketData {
  person?: UserAccount;
  /** The consultations this socket joined and as whom. */
  consultations?: Record<string, ConsultationRole>;
  typingAt?: Record<string, number>;
}

const fieldsOf = (body: unknown): Record<string, unknown> =>
  typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};

/**
 * The consultation chat on the `/live` namespace, beside LiveGateway (which admits sockets and sets their person).
 * Every message is acknowledged with `{ ok: true, … }` or `{ ok: false, code }`; rooms are joined only through
 * `consultation.join`, which checks who the person is to the consultation.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class ConsultationChatGateway {
  /** Set by Nest when the gateway starts: the same namespace as LiveGateway's. */
  @WebSocketServer()
  readonly namespace!: Namespace;

  constructor(
    private readonly chat: ConsultationChatService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Joins the room; the ack carries the consultation and every message after `lastSeenSeq`, so a reconnect misses nothing. */
  @SubscribeMessage('consultation.join')
  join(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<ConsultationAck<Omit<Joined, 'becameLive' | 'people'>>> {
    return this.answer(socket, async (person) => {
      const { consultationId, lastSeenSeq } = fieldsOf(body);
      const joined = await this.chat.join(person, consultationId, lastSeenSeq);
      const id = joined.consultation.id;
      await socket.join([consultationRoom(id), ...(joined.role === 'supervisor' ? [] : [consultationSideRoom(id, joined.role)])]);
      const data = socket.data as ChatSocketData;
      data.consultations = { ...data.consultations, [id]: joined.role };
      this.toOthers(socket, id, 'consultation.joined', { consultationId: id, role: joined.role, name: person.displayName });
      if (joined.becameLive) {
        const rooms = [consultationRoom(id), ...joined.people.map(personRoom)];
        this.emit(rooms, 'consultation.state', { consultationId: id, state: 'live', outcome: null });
      }
      return { role: joined.role, consultation: joined.consultation, messages: joined.messages };
    });
  }

  /** Stores the message once per `clientId` and tells the room; the ack carries the stored message either way. */
  @SubscribeMessage('consultation.message')
  message(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<ConsultationAck<{ message: ConsultationMessageView }>> {
    return this.answer(socket, async (person) => {
      const { consultationId, clientId, text } = fieldsOf(body);
      const { message, fresh } = await this.chat.send(person, consultationId, clientId, text);
      if (fresh) this.emit([consultationRoom(String(consultationId))], 'consultation.message', message);
      return { message };
    });
  }

  /** Tells the others that this side is typing; not stored, at most once per 2 seconds per socket. */
  @SubscribeMessage('consultation.typing')
  typing(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<ConsultationAck> {
    return this.answer(socket, () => {
      const { id, role } = this.joinedAs(socket, body);
      const data = socket.data as ChatSocketData;
      const now = Date.now();
      if (now - (data.typingAt?.[id] ?? 0) >= TYPING_EVERY_MS) {
        data.typingAt = { ...data.typingAt, [id]: now };
        this.toOthers(socket, id, 'consultation.typing', { consultationId: id, role });
      }
      return Promise.resolve({});
    });
  }

  /** A read receipt: stored per participant and told to the others. */
  @SubscribeMessage('consultation.read')
  read(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<ConsultationAck<{ seq: number }>> {
    return this.answer(socket, async (person) => {
      const { id, role } = this.joinedAs(socket, body);
      const seq = await this.chat.markRead(person, role, id, fieldsOf(body).seq);
      if (role !== 'supervisor') this.toOthers(socket, id, 'consultation.read', { consultationId: id, role, seq });
      return { seq };
    });
  }

  /** WebRTC signalling (offer, answer, ICE candidates) relayed to the other participant only, when the city offers voice. */
  @SubscribeMessage('consultation.signal')
  signal(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<ConsultationAck> {
    return this.answer(socket, () => {
      if (!this.config.voiceEnabled) throw new DomainError('CONSULTATION_VOICE_DISABLED');
      const { id, role } = this.joinedAs(socket, body);
      const { to, data } = fieldsOf(body);
      if (role === 'supervisor') throw new DomainError('FORBIDDEN');
      const other = role === 'citizen' ? 'official' : 'citizen';
      if ((to !== undefined && to !== other) || typeof data !== 'object' || data === null) {
        throw new DomainError(
          'VALIDATION_FAILED',
          {},
          { fields: [{ field: to !== undefined && to !== other ? 'to' : 'data', rules: ['isValid'] }] },
        );
      }
      this.emit([consultationSideRoom(id, other)], 'consultation.signal', { consultationId: id, from: role, data }, socket);
      return Promise.resolve({});
    });
  }

  /** An ended consultation's room is closed: every socket leaves it. */
  close(consultationId: string): void {
    this.evict(consultationRoom(consultationId), consultationId);
  }

  /** The sockets in `room` leave every room of the consultation (a removed citizen's, or all on the end). */
  evict(room: string, consultationId: string): void {
    const rooms = [
      consultationRoom(consultationId),
      consultationSideRoom(consultationId, 'citizen'),
      consultationSideRoom(consultationId, 'official'),
    ];
    this.namespace.in(room).socketsLeave(rooms);
  }

  /** The consultation and role this socket joined as; NOT_FOUND unless it is in that room now. */
  private joinedAs(socket: Socket, body: unknown): { id: string; role: ConsultationRole } {
    const id = fieldsOf(body).consultationId;
    const role = typeof id === 'string' ? (socket.data as ChatSocketData).consultations?.[id] : undefined;
    if (typeof id !== 'string' || !role || !socket.rooms.has(consultationRoom(id))) throw new DomainError('NOT_FOUND');
    return { id, role };
  }

  /** To the rooms; with `sender`, not to that socket. */
  private emit<E extends LiveEventName>(rooms: string[], event: E, payload: LiveEvents[E], sender?: Socket): void {
    (sender ? sender.to(rooms) : this.namespace.to(rooms)).emit(event, payload);
  }

  private toOthers<E extends LiveEventName>(socket: Socket, consultationId: string, event: E, payload: LiveEvents[E]): void {
    this.emit([consultationRoom(consultationId)], event, payload, socket);
  }

  /** Runs a handler for a signed-in socket and turns what it throws into `{ ok: false, code }`. */
  private async answer<T extends object>(socket: Socket, work: (person: UserAccount) => Promise<T>): Promise<ConsultationAck<T>> {
    const person = (socket.data as ChatSocketData).person;
    try {
      if (!person) throw new DomainError('NOT_FOUND');
      return { ok: true, ...(await work(person)) };
    } catch (error) {
      if (error instanceof DomainError) return { ok: false, code: error.code };
      this.logger.error({ err: (error as Error).message }, 'consultation socket message failed');
      return { ok: false, code: 'INTERNAL_ERROR' };
    }
  }
}
