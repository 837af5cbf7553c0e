import type { UserAccount } from '../accounts/user-account.entity.js';
import type { ConsultationMessage } from './consultation-message.entity.js';
import type { ConsultationMessageView, ConsultationRole, ConsultationView, IceServer } from './consultation-view.types.js';
import type { Consultation } from './consultation.entity.js';

/** Voice as the city configured it: the servers are given only when calls are offered. */
export interface VoiceSettings {
  voiceEnabled: boolean;
  iceServers: IceServer[];
}

/** Which side a person is on: the citizen, the official who opened it, an admin as supervisor; null for anyone else. */
export function sideOf(consultation: Consultation, person: UserAccount): ConsultationRole | null {
  if (consultation.citizenId === person.id) return 'citizen';
  if (consultation.officialId === person.id) return 'official';
  return person.role === 'admin' ? 'supervisor' : null;
}

/** A person's name as others see it; null once they erased their account. */
export const shownName = (person: UserAccount | null | undefined): string | null =>
  person && person.anonymisedAt === null ? person.displayName : null;

/** The consultation with its case, citizen and official loaded. */
export function consultationView(consultation: Consultation, voice: VoiceSettings): ConsultationView {
  return {
    id: consultation.id,
    caseNumber: consultation.civicCase?.caseNumber ?? '',
    subject: { type: consultation.subjectType, id: consultation.subjectId },
    departmentId: consultation.departmentId,
    state: consultation.state,
    outcome: consultation.outcome,
    outcomeNote: consultation.outcomeNote,
    citizen: {
      name: shownName(consultation.citizen),
      // The official's canned replies are offered in it; the city's first language once the citizen erased their account.
      language: consultation.citizen && consultation.citizen.anonymisedAt === null ? consultation.citizen.preferredLanguage : null,
      joined: consultation.citizenJoinedAt !== null,
      muted: consultation.citizenMuted,
      removed: consultation.citizenRemoved,
      lastReadSeq: consultation.citizenReadSeq,
    },
    official: {
      name: shownName(consultation.official) ?? '',
      joined: consultation.officialJoinedAt !== null,
      lastReadSeq: consultation.officialReadSeq,
    },
    lastSeq: consultation.lastSeq,
    voice: voice.voiceEnabled,
    iceServers: voice.voiceEnabled ? voice.iceServers : [],
    createdAt: consultation.createdAt.toISOString(),
    liveAt: consultation.liveAt?.toISOString() ?? null,
    endedAt: consultation.endedAt?.toISOString() ?? null,
  };
}

/** A message with its author loaded. */
export function messageView(message: ConsultationMessage): ConsultationMessageView {
  return {
    id: message.id,
    consultationId: message.consultationId,
    seq: message.seq,
    authorRole: message.authorRole,
    authorName: shownName(message.author),
    text: message.text,
    at: message.at.toISOString(),
    clientId: message.clientId,
  };
}
