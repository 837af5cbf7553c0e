/**
 * Visitors' presence in the virtual city hall: pure types and limits, shared with the portal. See docs/api/live.md.
 */

/** Nobody may come closer than this to another present visitor (metres, on the hall's floor). */
export const PERSONAL_SPACE_METRES = 1.2;

/** The server takes at most this many moves per socket in any second; the portal sends at most 5. */
export const MOVES_PER_SECOND = 10;

/** The portal's own pace: one position per this many milliseconds at most (5 a second). */
export const MOVE_EVERY_MS = 200;

/** Why a visitor is reported: codes, translated by the portal (`twin:presence.reasons.<code>`). */
export const presenceReportReasons = ['following', 'blocking', 'disruptive', 'other'] as const;
export type PresenceReportReason = (typeof presenceReportReasons)[number];

/** Why an official cleared the hall, told to every visitor in their own language (`twin:presence.cleared.<code>`). */
export const presenceClearReasons = ['closing', 'misconduct', 'maintenance', 'event'] as const;
export type PresenceClearReason = (typeof presenceClearReasons)[number];

/**
 * A visitor as others see them: an ephemeral id drawn at random each time presence is turned on (never the
 * account's id or name) and where they stand on the hall's floor.
 */
export interface VisitorPosition {
  visitorId: string;
  lat: number;
  lon: number;
  /** Degrees clockwise from north. */
  headingDegrees: number;
}

/** Every presence message is acknowledged with this. */
export type PresenceAck<T = object> = ({ ok: true } & T) | { ok: false; code: string };

/** The acknowledgement of `presence.join`: who you are to the others, where you were placed, who is here. */
export interface PresenceJoined {
  you: VisitorPosition;
  visitors: VisitorPosition[];
}
