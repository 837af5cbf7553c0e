import type {
  ConsultationAck,
  ConsultationMessageView,
  ConsultationOutcome,
  ConsultationRole,
  ConsultationSubject,
  ConsultationTranscript,
  ConsultationView,
} from '../../../../api/src/consultations/consultation-view.types';
import { getJson, sendJson, type RequestOptions } from '../../api/client';
import { requestLive } from '../../live/live-events';

/** The consultation routes and socket messages of docs/api/consultations.md; the types are the API's own. */

export type {
  ConsultationMessageView,
  ConsultationOutcome,
  ConsultationRole,
  ConsultationSubject,
  ConsultationTranscript,
  ConsultationView,
};
export { CONSULTATION_MESSAGE_MAX_LENGTH, CONSULTATION_OUTCOMES } from '../../../../api/src/consultations/consultation-view.types';

/** The API answers NOT_FOUND for anything but a UUID. */
export const consultationIdShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where a consultation's room is, as a link. */
export const roomHref = (id: string) => `/consultations/room?id=${encodeURIComponent(id)}`;

const path = (id: string) => `/api/consultations/${encodeURIComponent(id)}`;

export type ConsultationOpening = { appointmentId: string } | { ticketId: string } | { complaintId: string };

export const openConsultation = (subject: ConsultationOpening, options: RequestOptions) =>
  sendJson<ConsultationView>('POST', '/api/consultations', subject, options);

export const listConsultations = (options: RequestOptions) => getJson<ConsultationView[]>('/api/consultations', options);

export const getConsultation = (id: string, options: RequestOptions) => getJson<ConsultationView>(path(id), options);

export const getTranscript = (id: string, options: RequestOptions) => getJson<ConsultationTranscript>(`${path(id)}/transcript`, options);

export const endConsultation = (id: string, body: { outcome: ConsultationOutcome; note?: string }, options: RequestOptions) =>
  sendJson<ConsultationView>('POST', `${path(id)}/end`, body, options);

export const reportConsultation = (id: string, reason: string, options: RequestOptions) =>
  sendJson<{ id: string; at: string }>('POST', `${path(id)}/report`, { reason }, options);

export const muteCitizen = (id: string, muted: boolean, options: RequestOptions) =>
  sendJson<ConsultationView>('POST', `${path(id)}/mute`, { muted }, options);

export const removeCitizen = (id: string, options: RequestOptions) => sendJson<unknown>('POST', `${path(id)}/remove`, undefined, options);

/** What joining the room answers: who this person is in it, the consultation, and every message after `lastSeenSeq`. */
export interface Joined {
  role: ConsultationRole;
  consultation: ConsultationView;
  messages: ConsultationMessageView[];
}

/** The socket messages of the room; each resolves to the server's acknowledgement (`{ ok: false, code }` on a refusal). */
export const socketCalls = {
  join: (consultationId: string, lastSeenSeq: number) =>
    requestLive<ConsultationAck<Joined>>('consultation.join', { consultationId, lastSeenSeq }),
  message: (consultationId: string, clientId: string, text: string) =>
    requestLive<ConsultationAck<{ message: ConsultationMessageView }>>('consultation.message', { consultationId, clientId, text }),
  typing: (consultationId: string) => requestLive<ConsultationAck>('consultation.typing', { consultationId }),
  read: (consultationId: string, seq: number) =>
    requestLive<ConsultationAck<{ seq: number }>>('consultation.read', { consultationId, seq }),
  signal: (consultationId: string, data: object) => requestLive<ConsultationAck>('consultation.signal', { consultationId, data }),
};
