/**
 * Events of the socket.io namespace `/live` and what they carry. Pure types, shared with the portal. Rooms are
 * chosen by the server from the session (see live-rooms.ts), never by the client.
 */
import type { ComplaintStatus } from '../complaints/complaint-view.types.js';
import type {
  ConsultationMessageView,
  ConsultationOutcome,
  ConsultationRole,
  ConsultationState,
  ConsultationSubject,
} from '../consultations/consultation-view.types.js';
import type { LocalizedText } from '../city/city-pack.types.js';
import type { DocumentState, RejectionReason, SubmissionState } from '../documents/document-states.js';
import type { BoardView, CounterState, CounterView, TicketStatus } from '../queues/queue-view.types.js';
import type { PresenceClearReason, VisitorPosition } from '../presence/presence.types.js';

export interface LiveEvents {
  /** To officials of the complaint's department (and admins). */
  'complaint.filed': { id: string; caseNumber: string; serviceId: string; createdAt: string };
  /** To officials of its department, its filer and its followers. */
  'complaint.updated': { id: string; caseNumber: string; status: ComplaintStatus; updatedAt: string };
  /** To a waiting ticket's watchers and holder, when its place in line moved. */
  'ticket.position': { ticketId: string; position: number; estimatedWaitMinutes: number };
  /** To a ticket's watchers and holder: come to the counter (again, on a recall). */
  'ticket.called': { ticketId: string; number: string; counterId: string; counterName: LocalizedText; recalled: boolean };
  /** To a ticket's watchers and holder: any other step (serving, done, no-show, transferred, cancelled). */
  'ticket.updated': { ticketId: string; status: TicketStatus; transferredToId: string | null };
  /** To a hall's board watchers: what the board shows now. */
  'board.changed': BoardView;
  /** To a hall's board watchers: a counter opened, closed, or started or stopped serving. */
  'official.state': { hallId: string; counterId: string; state: CounterState };
  /** To the officials watching a counter: its summary now (the console asks for the line). */
  'queue.changed': CounterView;
  /** To a waiting citizen (their person room): a freed slot is held for them until `holdExpiresAt`; accept to book it. */
  /** To a file's owner, and to officials of its department once they may see it: the file's new state. */
  'document.state': {
    id: string;
    caseId: string;
    submissionId: string | null;
    requirementId: string | null;
    state: DocumentState;
    rejectionReason: RejectionReason | null;
    updatedAt: string;
  };
  /** To a submission's owner, and to officials of its department once submitted: its new state. */
  'submission.updated': {
    id: string;
    caseNumber: string;
    serviceId: string;
    state: SubmissionState;
    reviewReason: string | null;
    updatedAt: string;
  };
  'appointment.offered': {
    appointmentId: string;
    serviceId: string;
    officialId: string;
    startsAt: string;
    endsAt: string;
    holdExpiresAt: string;
  };
  /** To the citizen (their person room): an official opened a consultation for them; join it with `consultation.join`. */
  'consultation.opened': { consultationId: string; caseNumber: string; subject: ConsultationSubject };
  /** To a consultation's room (see docs/api/consultations.md): a stored message, in `seq` order. */
  'consultation.message': ConsultationMessageView;
  /** To the room but the sender: someone joined (an admin as `supervisor`). */
  'consultation.joined': { consultationId: string; role: ConsultationRole; name: string | null };
  /** To the room and both people's rooms: the consultation went live or ended. */
  'consultation.state': { consultationId: string; state: ConsultationState; outcome: ConsultationOutcome | null };
  /** To the room but the sender: the other side is typing (not stored). */
  'consultation.typing': { consultationId: string; role: ConsultationRole };
  /** To the room but the sender: a participant has read up to `seq`. */
  'consultation.read': { consultationId: string; role: ConsultationRole; seq: number };
  /** To the other participant only: WebRTC offer, answer or ICE candidate, relayed as sent. */
  'consultation.signal': { consultationId: string; from: ConsultationRole; data: unknown };
  /** To the room: the official muted or unmuted the citizen, or removed them (whose sockets then leave the room). */
  'consultation.moderated': { consultationId: string; muted: boolean; removed: boolean };
  /** To the others present in the hall (see docs/api/live.md, presence): a visitor turned presence on. Never an account id or name. */
  'presence.joined': VisitorPosition;
  /** To the others present in the hall but those who hid the visitor: where the visitor is now (held in memory only). */
  'presence.moved': VisitorPosition;
  /** To the others present in the hall: a visitor turned presence off, left or disconnected. */
  'presence.left': { visitorId: string };
  /** To everyone present in the hall: an official cleared it; presence is off for all, and this says why. */
  'presence.cleared': { reason: PresenceClearReason };
}

export type LiveEventName = keyof LiveEvents;

/** The namespace and the path the server listens on. */
export const LIVE_NAMESPACE = '/live';
export const LIVE_PATH = '/socket.io';
