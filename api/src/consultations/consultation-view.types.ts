/**
 * Consultations as the API and the `/live` socket answer them. Pure types with no imports of the API's runtime, so
 * the portal shares them.
 */

export const CONSULTATION_STATES = ['waiting', 'live', 'ended'] as const;
/** `waiting` until both sides have joined, then `live`; `ended` by the official, with an outcome. */
export type ConsultationState = (typeof CONSULTATION_STATES)[number];

export const CONSULTATION_OUTCOMES = ['resolved', 'follow_up_booked', 'document_requested', 'no_show', 'other'] as const;
export type ConsultationOutcome = (typeof CONSULTATION_OUTCOMES)[number];

export const CONSULTATION_SUBJECTS = ['appointment', 'ticket', 'complaint'] as const;
/** What the consultation was opened from; all three hang on a case. */
export type ConsultationSubject = (typeof CONSULTATION_SUBJECTS)[number];

/** Who wrote a message: the two participants, or an admin sitting in as supervisor. */
export const CONSULTATION_ROLES = ['citizen', 'official', 'supervisor'] as const;
export type ConsultationRole = (typeof CONSULTATION_ROLES)[number];

/** The longest message, in characters (UTF-16 code units, as JavaScript counts them). */
export const CONSULTATION_MESSAGE_MAX_LENGTH = 2000;

/** An RTCIceServer as the browser takes it. */
export interface IceServer {
  urls: string | string[];
  username?: string;
  credential?: string;
}

export interface ConsultationView {
  id: string;
  caseNumber: string;
  subject: { type: ConsultationSubject; id: string };
  departmentId: string;
  state: ConsultationState;
  outcome: ConsultationOutcome | null;
  outcomeNote: string | null;
  /**
   * The citizen's display name and preferred language (for the official's canned replies), both null once they erased
   * their account; whether the official muted or removed them.
   */
  citizen: { name: string | null; language: string | null; joined: boolean; muted: boolean; removed: boolean; lastReadSeq: number };
  official: { name: string; joined: boolean; lastReadSeq: number };
  /** The sequence number of the newest message (0 before the first). */
  lastSeq: number;
  /** Whether the city offers voice calls; `iceServers` are then the STUN/TURN servers to use (may be empty on one network). */
  voice: boolean;
  iceServers: IceServer[];
  createdAt: string;
  liveAt: string | null;
  endedAt: string | null;
}

/** One message as broadcast, acknowledged and kept in the transcript. */
export interface ConsultationMessageView {
  id: string;
  /** Which room it belongs to: a socket may still be in another consultation's room when a page moves on. */
  consultationId: string;
  /** 1, 2, 3… per consultation, gapless, in the order the server stored them. */
  seq: number;
  authorRole: ConsultationRole;
  /** Null for a citizen who has since erased their account: the words stay on the city's record, the name does not. */
  authorName: string | null;
  text: string;
  at: string;
  /** The sender's own id for the message (a UUID): a retried send with the same id returns this message. */
  clientId: string;
}

export interface ConsultationTranscript {
  consultationId: string;
  caseNumber: string;
  messages: ConsultationMessageView[];
}

/** The answer to every socket message of a consultation. */
export type ConsultationAck<T = object> = ({ ok: true } & T) | { ok: false; code: string };
