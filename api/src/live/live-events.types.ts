/**
 * Events of the socket.io namespace `/live` and what they carry. Pure types, shared with the portal. Rooms are
 * chosen by the server from the session (see live-rooms.ts), never by the client.
 */
import type { ComplaintStatus } from '../complaints/complaint-view.types.js';
import type { LocalizedText } from '../city/city-pack.types.js';
import type { DocumentState, RejectionReason, SubmissionState } from '../documents/document-states.js';
import type { BoardView, CounterState, CounterView, TicketStatus } from '../queues/queue-view.types.js';

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
}

export type LiveEventName = keyof LiveEvents;

/** The namespace and the path the server listens on. */
export const LIVE_NAMESPACE = '/live';
export const LIVE_PATH = '/socket.io';
