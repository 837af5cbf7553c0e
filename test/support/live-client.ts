import { io, type Socket } from 'socket.io-client';
import type { LiveEvents } from '../../api/src/live/live-events.types.js';
import type { TestClient } from './http-client.js';

/**
 * A socket on `/live` as the portal opens it — the person's session cookie, the portal's origin — resolved once the
 * server has admitted it (`live.ready`) or refused it (`live.refused`, whose code is then returned).
 */
export function openLive(baseUrl: string, who?: TestClient, origin = baseUrl): Promise<{ socket: Socket; refused?: string }> {
  const socket = io(`${baseUrl}/live`, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: { origin, ...(who?.cookie ? { cookie: who.cookie } : {}) },
  });
  return new Promise((resolve, reject) => {
    socket.once('live.ready', () => resolve({ socket }));
    socket.once('live.refused', ({ code }: { code: string }) => resolve({ socket, refused: code }));
    socket.once('connect_error', reject);
  });
}

/** An admitted socket; fails when the server refuses it. */
export async function connectLive(baseUrl: string, who?: TestClient): Promise<Socket> {
  const { socket, refused } = await openLive(baseUrl, who);
  if (refused) throw new Error(`the live socket was refused: ${refused}`);
  return socket;
}

/** A message with an acknowledgement, as the portal sends `watch` and the consultation's messages. */
export const ask = <T = { ok: boolean; code?: string }>(socket: Socket, event: string, body: unknown): Promise<T> =>
  socket.timeout(5000).emitWithAck(event, body) as Promise<T>;

/** Every event of that name from now on (an event can arrive before the HTTP answer of the change that caused it). */
export function collect<E extends keyof LiveEvents>(socket: Socket, event: E): LiveEvents[E][] {
  const seen: LiveEvents[E][] = [];
  socket.on(event, ((payload: LiveEvents[E]) => seen.push(payload)) as never);
  return seen;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

/** The first collected event that matches, once it has come; fails after 5 s. */
export async function arrived<T>(seen: T[], matches: (payload: T) => boolean = () => true): Promise<T> {
  for (const deadline = Date.now() + 5000; Date.now() < deadline; await tick()) {
    const found = seen.find(matches);
    if (found !== undefined) return found;
  }
  throw new Error('the event did not come within 5 s');
}

/** The collected events once there are at least `count`; fails after 5 s. */
export async function until<T>(seen: T[], count: number): Promise<T[]> {
  for (const deadline = Date.now() + 5000; Date.now() < deadline; await tick()) {
    if (seen.length >= count) return seen;
  }
  throw new Error(`only ${seen.length} of ${count} events within 5 s`);
}
