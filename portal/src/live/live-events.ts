import type { Socket } from 'socket.io-client';
import { LIVE_NAMESPACE, LIVE_PATH, type LiveEventName, type LiveEvents } from '../../../api/src/live/live-events.types';
import { onSessionChange } from '../auth/session';

/**
 * Live events from the API (socket.io namespace `/live`). One connection for the whole portal, opened on the first
 * subscription and closed with the last; socket.io's client is loaded only then, so pages without live parts do
 * not pay for it. The server decides the rooms from the session cookie; signing in or out reconnects.
 */
type Handler<E extends LiveEventName> = (payload: LiveEvents[E]) => void;
type AnyHandler = (payload: never) => void;

const handlers = new Map<LiveEventName, Set<AnyHandler>>();
/** What this page watches beyond its identity's rooms (`watch` messages), asked again after every reconnection. */
const watches = new Map<string, { kind: string; key: string }>();
/** Called when the socket is admitted again after a break: what happened meanwhile was not heard. */
const resumedHandlers = new Set<() => void>();
/** Sockets admitted at least once: a later `live.ready` is a resumption. */
const admittedBefore = new WeakSet<Socket>();
/** Sockets the server has admitted (`live.ready`): a watch asked earlier would race the handshake. */
const ready = new WeakSet<Socket>();
let connection: Promise<Socket> | null = null;
let stopWatchingSession: (() => void) | null = null;

export function onLiveEvent<E extends LiveEventName>(event: E, handler: Handler<E>): () => void {
  const forEvent = handlers.get(event) ?? new Set();
  handlers.set(event, forEvent);
  forEvent.add(handler);
  // socket.io's client types its listeners loosely; the payload's type comes from LiveEvents.
  const listener = handler as unknown as (...args: unknown[]) => void;
  const name: string = event;
  void connect().then((socket) => socket.on(name, listener));
  return () => {
    forEvent.delete(handler);
    void connection?.then((socket) => socket.off(name, listener));
    if ([...handlers.values()].every((set) => set.size === 0)) disconnect();
  };
}

/**
 * Runs `handler` each time the connection comes back after a break (a dropped network, a restarted server):
 * events sent meanwhile were missed, so a page reloads what it shows. Returns the function that stops it.
 */
export function onLiveResumed(handler: () => void): () => void {
  resumedHandlers.add(handler);
  return () => resumedHandlers.delete(handler);
}

/**
 * Asks the server to let this socket hear about something a key entitles it to (a complaint's tracking token, a
 * queue ticket's token, a hall's board). Returns the function that forgets it (the room is left on the next
 * reconnection; until then its events are simply not listened to).
 */
export function watchLive(kind: string, key: string): () => void {
  const id = `${kind}\u0000${key}`;
  watches.set(id, { kind, key });
  void connect().then((socket) => {
    if (ready.has(socket)) socket.emit('watch', { kind, key });
  });
  return () => watches.delete(id);
}

/** Waits until the server has admitted the socket (`live.ready`): a message sent before would race the handshake. */
function admitted(socket: Socket): Promise<void> {
  if (ready.has(socket)) return Promise.resolve();
  return new Promise((resolve) => socket.once('live.ready', () => resolve()));
}

/**
 * Sends a message the server acknowledges (a consultation's join, message, typing, read, signal) once the socket is
 * admitted, and resolves to the acknowledgement; rejects after `timeoutMs` without one (the connection dropped).
 * Needs a subscription (onLiveEvent) held meanwhile, which keeps the connection open.
 */
export async function requestLive<T>(event: string, body: unknown, timeoutMs = 10_000): Promise<T> {
  const socket = await connect();
  await admitted(socket);
  return (await socket.timeout(timeoutMs).emitWithAck(event, body)) as T;
}

function connect(): Promise<Socket> {
  connection ??= import('socket.io-client').then(({ io }) => {
    const socket = io(LIVE_NAMESPACE, { path: LIVE_PATH, transports: ['websocket', 'polling'] });
    // Rooms do not survive a new connection: ask again for everything watched.
    socket.on('live.ready', () => {
      ready.add(socket);
      if (admittedBefore.has(socket)) for (const resumed of resumedHandlers) resumed();
      admittedBefore.add(socket);
      // `html[data-live="ready"]` once the server has admitted the socket and granted what was watched by then.
      void Promise.all([...watches.values()].map((watch) => socket.emitWithAck('watch', watch))).then(() => {
        document.documentElement.dataset.live = 'ready';
      });
    });
    socket.on('disconnect', () => {
      ready.delete(socket);
      delete document.documentElement.dataset.live;
    });
    stopWatchingSession = onSessionChange(() => {
      // The rooms follow the session: a new handshake carries the new cookie.
      socket.disconnect().connect();
    });
    return socket;
  });
  return connection;
}

function disconnect(): void {
  const closing = connection;
  connection = null;
  stopWatchingSession?.();
  stopWatchingSession = null;
  void closing?.then((socket) => socket.disconnect());
}
