import { randomBytes } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Logger } from 'pino';
import type { Namespace, Socket } from 'socket.io';
import type { UserAccount } from '../accounts/user-account.entity.js';
import { DomainError } from '../common/domain-error.js';
import { LOGGER } from '../common/error-responder.js';
import { LIVE_NAMESPACE } from '../live/live-events.types.js';
import { hallRoom, hiddersRoom } from '../live/live-rooms.js';
import { PresenceService } from './presence.service.js';
import type { PresenceAck, PresenceJoined, VisitorPosition } from './presence.types.js';

/** A visitor hides at most this many others at once (each is a room the socket holds). */
const MAX_HIDDEN = 200;

/** What this gateway keeps on a `/live` socket, beside what LiveGateway set at the handshake (`person`). */
interface PresenceSocketData {
  person?: UserAccount;
  /** Set while presence is on: the ephemeral id and where the visitor stands. Memory only. */
  presence?: VisitorPosition & { hidden: string[] };
}

const dataOf = (socket: { data: unknown }): PresenceSocketData => socket.data as PresenceSocketData;

const positionOf = ({ visitorId, lat, lon, headingDegrees }: VisitorPosition): VisitorPosition => ({ visitorId, lat, lon, headingDegrees });

/**
 * Visitors' presence in the virtual hall, on the `/live` namespace beside LiveGateway. Opt-in and for signed-in
 * people only: `presence.join` turns it on with a fresh random visitor id, and the socket joins the hall's room;
 * others hear `presence.joined`, `presence.moved` and `presence.left` with that id only. Every message is
 * acknowledged `{ ok: true, … }` or `{ ok: false, code }`. Rooms are shared through the Redis adapter, and the
 * present visitors are read from the sockets of every instance (`fetchSockets`), so the bubble holds across them.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class PresenceGateway {
  /** Set by Nest when the gateway starts: the same namespace as LiveGateway's. */
  @WebSocketServer()
  readonly namespace!: Namespace;

  constructor(
    private readonly presence: PresenceService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  private get hall(): string {
    return hallRoom(this.presence.hallId);
  }

  /** Turns presence on at a spot on the floor (pushed out of others' bubbles); the ack says who else is here. */
  @SubscribeMessage('presence.join')
  join(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<PresenceAck<PresenceJoined>> {
    return this.answer(socket, async () => {
      // Joining again moves you: it counts against the same rate as moves.
      if (!this.presence.allowMove(socket.id)) throw new DomainError('RATE_LIMITED');
      const spot = this.presence.spotOf(body);
      const data = dataOf(socket);
      const current = this.current(socket);
      const others = await this.othersThan(socket);
      const placed = this.presence.placeAt(spot, current, others);
      if (!placed.ok) throw new DomainError(placed.code);
      const you: VisitorPosition = {
        visitorId: current?.visitorId ?? randomBytes(8).toString('hex'),
        ...placed.at,
        headingDegrees: spot.headingDegrees,
      };
      data.presence = { ...you, hidden: data.presence?.hidden ?? [] };
      await socket.join(this.hall);
      if (current) {
        socket.to(this.hall).except(hiddersRoom(you.visitorId)).emit('presence.moved', you);
      } else {
        socket.once('disconnect', () => this.left(socket));
        socket.to(this.hall).emit('presence.joined', you);
      }
      return { you, visitors: others.filter((other) => !data.presence?.hidden.includes(other.visitorId)) };
    });
  }

  /**
   * A new spot: dropped above MOVES_PER_SECOND (RATE_LIMITED), refused outside the hall or in a bubble that cannot
   * be stepped out of; otherwise told to the others present but those who hid this visitor. The ack has the spot taken.
   */
  @SubscribeMessage('presence.move')
  move(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<PresenceAck<{ you: VisitorPosition }>> {
    return this.answer(socket, async () => {
      const current = this.present(socket);
      if (!this.presence.allowMove(socket.id)) throw new DomainError('RATE_LIMITED');
      const spot = this.presence.spotOf(body);
      const placed = this.presence.placeAt(spot, current, await this.othersThan(socket));
      if (!placed.ok) throw new DomainError(placed.code);
      const you = { visitorId: current.visitorId, ...placed.at, headingDegrees: spot.headingDegrees };
      Object.assign(current, you);
      socket.to(this.hall).except(hiddersRoom(you.visitorId)).emit('presence.moved', you);
      return { you };
    });
  }

  /** Turns presence off: the others hear `presence.left` at once. */
  @SubscribeMessage('presence.leave')
  leave(@ConnectedSocket() socket: Socket): Promise<PresenceAck> {
    return this.answer(socket, () => {
      if (this.current(socket)) this.left(socket);
      return Promise.resolve({});
    });
  }

  /** This socket stops hearing that visitor's moves; they are not told. */
  @SubscribeMessage('presence.hide')
  hide(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<PresenceAck> {
    return this.answer(socket, async () => {
      const current = this.present(socket);
      await this.hideFor(socket, current, this.presence.visitorIdOf(body));
      return {};
    });
  }

  /** Reports a visitor present now (stored with both account ids, audited, no position) and hides them. */
  @SubscribeMessage('presence.report')
  report(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<PresenceAck> {
    return this.answer(socket, async (person) => {
      const current = this.present(socket);
      const visitorId = this.presence.visitorIdOf(body);
      const present = await this.namespace.in(this.hall).fetchSockets();
      const reported = present.find((other) => dataOf(other).presence?.visitorId === visitorId && other.id !== socket.id);
      const reportedId = reported ? dataOf(reported).person?.id : undefined;
      if (!reportedId) throw new DomainError('NOT_FOUND');
      await this.presence.report(person, reportedId, body);
      await this.hideFor(socket, current, visitorId);
      return {};
    });
  }

  /** An official or an admin turns everyone's presence off; every visitor hears why (`presence.cleared`). */
  @SubscribeMessage('presence.clear')
  clear(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<PresenceAck> {
    return this.answer(socket, async (person) => {
      const reason = await this.presence.clear(person, body);
      this.namespace.to(this.hall).emit('presence.cleared', { reason });
      this.namespace.in(this.hall).socketsLeave(this.hall);
      return {};
    });
  }

  private async hideFor(socket: Socket, current: PresenceSocketData['presence'] & object, visitorId: string): Promise<void> {
    if (current.hidden.includes(visitorId)) return;
    if (current.hidden.length >= MAX_HIDDEN) throw new DomainError('RATE_LIMITED');
    current.hidden.push(visitorId);
    await socket.join(hiddersRoom(visitorId));
  }

  /** Presence off for this socket: its rooms left, its position forgotten, the others told. */
  private left(socket: Socket): void {
    const current = dataOf(socket).presence;
    if (!current) return;
    dataOf(socket).presence = undefined;
    for (const visitorId of current.hidden) void socket.leave(hiddersRoom(visitorId));
    void socket.leave(this.hall);
    this.namespace.to(this.hall).emit('presence.left', { visitorId: current.visitorId });
  }

  /** This socket's presence, or null; a socket put out of the hall by a clear (perhaps on another instance) has none. */
  private current(socket: Socket): (VisitorPosition & { hidden: string[] }) | null {
    const data = dataOf(socket);
    if (data.presence && !socket.rooms.has(this.hall)) data.presence = undefined;
    return data.presence ?? null;
  }

  private present(socket: Socket): VisitorPosition & { hidden: string[] } {
    const current = this.current(socket);
    if (!current) throw new DomainError('PRESENCE_NOT_ON');
    return current;
  }

  /** Every other visitor present in the hall, on any instance. */
  private async othersThan(socket: Socket): Promise<VisitorPosition[]> {
    const present = await this.namespace.in(this.hall).fetchSockets();
    return present.flatMap((other) => {
      const position = dataOf(other).presence;
      return other.id !== socket.id && position ? [positionOf(position)] : [];
    });
  }

  /** Runs a handler for a signed-in socket and turns what it throws into `{ ok: false, code }`. */
  private async answer<T extends object>(socket: Socket, work: (person: UserAccount) => Promise<T>): Promise<PresenceAck<T>> {
    const person = dataOf(socket).person;
    try {
      if (!person) throw new DomainError('AUTH_REQUIRED');
      return { ok: true, ...(await work(person)) };
    } catch (error) {
      if (error instanceof DomainError) return { ok: false, code: error.code };
      this.logger.error({ err: (error as Error).message }, 'presence socket message failed');
      return { ok: false, code: 'INTERNAL_ERROR' };
    }
  }
}
