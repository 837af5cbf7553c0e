import { Inject, type OnModuleDestroy } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayConnection,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import type { UserAccount } from '../accounts/user-account.entity.js';
import type { Namespace, Socket } from 'socket.io';
import { readSessionTokenFrom } from '../auth/session-cookie.js';
import { SessionsService } from '../auth/sessions.service.js';
import { CityService } from '../city/city.service.js';
import { APP_CONFIG } from '../config/app-config.token.js';
import type { AppConfig } from '../config/environment.js';
import { LIVE_NAMESPACE } from './live-events.types.js';
import { LiveWatches } from './live-watches.js';
import { roomsOf } from './live-rooms.js';

/** How often sockets are checked against their sessions: a signed-out or expired session stops hearing within this. */
const SWEEP_EVERY_MS = 60_000;

/** Rooms one socket may watch on top of those of its identity. */
const MAX_WATCHES = 20;

interface SocketData {
  /** Set for a signed-in socket; the sweep checks it is still live. */
  sessionId?: string;
  person?: UserAccount;
  /** How many watches it holds; unset until the handshake has been handled. */
  watching?: number;
}

type WatchAnswer = { ok: true } | { ok: false; code: 'VALIDATION_FAILED' | 'RATE_LIMITED' | 'NOT_FOUND' };

function watchRequestOf(body: unknown): { kind: string; key: string } | null {
  if (typeof body !== 'object' || body === null) return null;
  const { kind, key } = body as Record<string, unknown>;
  const fits = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 200;
  return fits(kind) && fits(key) ? { kind, key } : null;
}

/**
 * The `/live` namespace. A socket is let in only from this site's own pages (a socket from another site would
 * carry the person's cookie: cross-site WebSocket hijacking). With a live session it joins the rooms its
 * person's identity gives it; anyone may then ask to watch what a token or a public id entitles them to
 * (`watch`). A client never names a room.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection, OnModuleDestroy {
  /** Set by Nest when the gateway starts. */
  @WebSocketServer()
  readonly namespace!: Namespace;
  private sweep: NodeJS.Timeout | undefined;

  constructor(
    private readonly sessions: SessionsService,
    private readonly city: CityService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly watches: LiveWatches,
  ) {}

  afterInit(): void {
    this.sweep = setInterval(() => void this.dropEndedSessions(), SWEEP_EVERY_MS);
    this.sweep.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweep);
  }

  async handleConnection(socket: Socket): Promise<void> {
    const { headers } = socket.handshake;
    const forwardedProto = this.config.trustProxy
      ? String(headers['x-forwarded-proto'] ?? '')
          .split(',')[0]
          ?.trim()
      : undefined;
    const protocol = forwardedProto || (socket.handshake.secure ? 'https' : 'http');
    if (headers.origin !== undefined && headers.origin !== `${protocol}://${headers.host ?? ''}`) {
      socket.emit('live.refused', { code: 'CSRF_REJECTED' });
      socket.disconnect(true);
      return;
    }
    const token = readSessionTokenFrom(headers.cookie, protocol === 'https');
    const active = token ? await this.sessions.resolve(token) : undefined;
    const data = socket.data as SocketData;
    if (active) {
      data.sessionId = active.sessionId;
      data.person = active.user;
      await socket.join(
        roomsOf(
          active.user,
          this.city.pack.departments.map((department) => department.id),
        ),
      );
    }
    socket.emit('live.ready', { signedIn: active !== undefined });
  }

  /**
   * A client asks to watch something it names — a ticket by its token, a hall's board, a counter it runs. The
   * registered resolver decides; the answer is `{ ok: true }` or `{ ok: false, code }`.
   */
  @SubscribeMessage('watch')
  async watch(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<WatchAnswer> {
    const data = socket.data as SocketData;
    const request = watchRequestOf(body);
    if (!request) return { ok: false, code: 'VALIDATION_FAILED' };
    if ((data.watching ?? 0) >= MAX_WATCHES) return { ok: false, code: 'RATE_LIMITED' };
    const room = await this.watches.roomFor(request.kind, request.key, data.person);
    if (!room) return { ok: false, code: 'NOT_FOUND' };
    data.watching = (data.watching ?? 0) + 1;
    await socket.join(room);
    return { ok: true };
  }

  /** Disconnects this instance's sockets whose session has ended (sign-out, expiry, idle time, erasure). */
  async dropEndedSessions(): Promise<void> {
    const sockets = [...this.namespace.sockets.values()].filter((socket) => (socket.data as SocketData).sessionId !== undefined);
    if (sockets.length === 0) return;
    const sessionIdOf = (socket: Socket): string => (socket.data as SocketData).sessionId ?? '';
    const live = await this.sessions.stillLive(sockets.map(sessionIdOf)).catch(() => undefined);
    if (!live) return;
    for (const socket of sockets) if (!live.has(sessionIdOf(socket))) socket.disconnect(true);
  }
}
