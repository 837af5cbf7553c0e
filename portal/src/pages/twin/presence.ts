import type { GeoPoint } from '../../../../api/src/city/city-pack.types';
import {
  MOVE_EVERY_MS,
  PERSONAL_SPACE_METRES,
  type PresenceAck,
  type PresenceClearReason,
  type PresenceJoined,
  type PresenceReportReason,
  type VisitorPosition,
} from '../../../../api/src/presence/presence.types';
import { onLiveEvent, onLiveResumed, requestLive } from '../../live/live-events';
import { offset } from './places';

/** Another visitor as this page knows them: numbered in the order first seen here ("Visitor 3"). */
export interface Visitor extends VisitorPosition {
  number: number;
}

export interface HallPresenceEvents {
  /** Who is here or where they stand changed (you included). */
  onChange: () => void;
  /** An official cleared the hall: presence is off. */
  onCleared: (reason: PresenceClearReason) => void;
  /** A move the server refused (a stable error code). */
  onRefused: (code: string) => void;
}

const METRES_PER_DEGREE = 111_320;

function eastNorth(from: GeoPoint, to: GeoPoint): { east: number; north: number } {
  return {
    east: (to.lon - from.lon) * METRES_PER_DEGREE * Math.cos((from.lat * Math.PI) / 180),
    north: (to.lat - from.lat) * METRES_PER_DEGREE,
  };
}

/**
 * Where another visitor is drawn: where they are, or on the edge of your bubble when a late or out-of-order
 * position would put them inside it (the server refuses that; this is the client's side of the same promise).
 */
export function drawnAt(other: GeoPoint, you: GeoPoint | null): GeoPoint {
  if (!you) return other;
  const { east, north } = eastNorth(you, other);
  const distance = Math.hypot(east, north);
  if (distance >= PERSONAL_SPACE_METRES) return other;
  const bearing = distance < 1e-6 ? 0 : (Math.atan2(east, north) * 180) / Math.PI;
  return offset(you, bearing, PERSONAL_SPACE_METRES + 0.01);
}

/**
 * The page's side of visitors' presence (docs/twin.md): turning it on and off, walking at most 5 steps a second,
 * the others present, hiding and reporting them, and clearing the hall for officials. Positions live in this
 * object only.
 */
export class HallPresence {
  you: VisitorPosition | null = null;
  readonly visitors = new Map<string, Visitor>();
  private readonly hidden = new Set<string>();
  private numbered = 0;
  private readonly numbers = new Map<string, number>();
  private pending: Omit<VisitorPosition, 'visitorId'> | null = null;
  private sending = false;
  private lastSentAt = 0;
  private timer: number | undefined;
  private readonly stops: (() => void)[];

  constructor(private readonly events: HallPresenceEvents) {
    this.stops = [
      onLiveEvent('presence.joined', (visitor) => this.seen(visitor)),
      onLiveEvent('presence.moved', (visitor) => this.seen(visitor)),
      onLiveEvent('presence.left', ({ visitorId }) => {
        if (this.visitors.delete(visitorId)) this.events.onChange();
      }),
      onLiveEvent('presence.cleared', ({ reason }) => {
        if (!this.you) return;
        this.reset();
        this.events.onCleared(reason);
      }),
      // A new connection starts without presence: turned on again where you stood.
      onLiveResumed(() => {
        const was = this.you;
        if (!was) return;
        void this.join(was).then((code) => {
          if (!code) return;
          // Signed out meanwhile, or the spot is taken: presence is off, and the page says why.
          this.reset();
          this.events.onRefused(code);
          this.events.onChange();
        });
      }),
    ];
  }

  get on(): boolean {
    return this.you !== null;
  }

  /** Where you are headed: the last step asked for, or where the server put you. */
  here(): Omit<VisitorPosition, 'visitorId'> | null {
    return this.pending ?? this.you;
  }

  numberOf(visitorId: string): number {
    const known = this.numbers.get(visitorId);
    if (known !== undefined) return known;
    this.numbered += 1;
    this.numbers.set(visitorId, this.numbered);
    return this.numbered;
  }

  /** Turns presence on at `spot`; resolves to null, or the code that refused it. */
  async join(spot: Omit<VisitorPosition, 'visitorId'>): Promise<string | null> {
    const ack = await requestLive<PresenceAck<PresenceJoined>>('presence.join', spot).catch(() => ({
      ok: false as const,
      code: 'NOT_READY',
    }));
    if (!ack.ok) return ack.code;
    this.you = ack.you;
    this.visitors.clear();
    for (const visitor of ack.visitors) this.seen(visitor, false);
    this.events.onChange();
    return null;
  }

  async leave(): Promise<void> {
    this.reset();
    this.events.onChange();
    await requestLive('presence.leave', {}).catch(() => undefined);
  }

  /** A step: sent at once, or with the next slot when the last was under MOVE_EVERY_MS ago (only the latest is sent). */
  walkTo(spot: Omit<VisitorPosition, 'visitorId'>): void {
    if (!this.you) return;
    this.pending = spot;
    this.flush();
  }

  /** You no longer see them; they are not told. */
  async hide(visitorId: string): Promise<void> {
    this.hidden.add(visitorId);
    this.visitors.delete(visitorId);
    this.events.onChange();
    await requestLive('presence.hide', { visitorId }).catch(() => undefined);
  }

  /** Reports a visitor (the server hides them too); resolves to null, or the code that refused it. */
  async report(visitorId: string, reason: PresenceReportReason): Promise<string | null> {
    const ack = await requestLive<PresenceAck>('presence.report', { visitorId, reason }).catch(() => ({
      ok: false as const,
      code: 'NOT_READY',
    }));
    if (!ack.ok) return ack.code;
    await this.hide(visitorId);
    return null;
  }

  /** Officials and admins: everyone's presence off, told why. Resolves to null, or the code that refused it. */
  async clear(reason: PresenceClearReason): Promise<string | null> {
    const ack = await requestLive<PresenceAck>('presence.clear', { reason }).catch(() => ({ ok: false as const, code: 'NOT_READY' }));
    return ack.ok ? null : ack.code;
  }

  destroy(): void {
    if (this.you) void requestLive('presence.leave', {}, 2000).catch(() => undefined);
    this.reset();
    for (const stop of this.stops) stop();
  }

  private seen(visitor: VisitorPosition, tell = true): void {
    if (!this.you || this.hidden.has(visitor.visitorId) || visitor.visitorId === this.you.visitorId) return;
    this.visitors.set(visitor.visitorId, { ...visitor, number: this.numberOf(visitor.visitorId) });
    if (tell) this.events.onChange();
  }

  private reset(): void {
    this.you = null;
    this.pending = null;
    this.visitors.clear();
    window.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private flush(): void {
    if (this.sending || !this.pending || this.timer !== undefined) return;
    const wait = this.lastSentAt + MOVE_EVERY_MS - Date.now();
    if (wait > 0) {
      this.timer = window.setTimeout(() => {
        this.timer = undefined;
        this.flush();
      }, wait);
      return;
    }
    const spot = this.pending;
    this.pending = null;
    this.lastSentAt = Date.now();
    this.sending = true;
    requestLive<PresenceAck<{ you: VisitorPosition }>>('presence.move', spot)
      .then((ack) => {
        if (!this.you) return;
        if (ack.ok) this.you = ack.you;
        else this.events.onRefused(ack.code);
        this.events.onChange();
      })
      .catch(() => undefined)
      .finally(() => {
        this.sending = false;
        this.flush();
      });
  }
}
