import { Injectable } from '@nestjs/common';
import { LiveEventsService } from '../live/live-events.service.js';
import { consultationRoom, consultationSideRoom, personRoom } from '../live/live-rooms.js';
import { ConsultationChatGateway } from './consultation-chat.gateway.js';
import type { ConsultationOutcome } from './consultation-view.types.js';
import type { Consultation } from './consultation.entity.js';

/** What the HTTP side tells a consultation's room: it ended, or the citizen was muted or removed. After the change has committed. */
@Injectable()
export class ConsultationRoomEvents {
  constructor(
    private readonly live: LiveEventsService,
    private readonly gateway: ConsultationChatGateway,
  ) {}

  /** Everyone in the room and both people on their other devices hear it; then the room is closed. */
  ended(consultation: Consultation, outcome: ConsultationOutcome): void {
    const people = [consultation.citizenId, consultation.officialId].filter((id): id is string => id !== null);
    this.live.publish([consultationRoom(consultation.id), ...people.map(personRoom)], 'consultation.state', {
      consultationId: consultation.id,
      state: 'ended',
      outcome,
    });
    this.gateway.close(consultation.id);
  }

  moderated(consultation: Consultation): void {
    this.live.publish([consultationRoom(consultation.id)], 'consultation.moderated', {
      consultationId: consultation.id,
      muted: consultation.citizenMuted,
      removed: consultation.citizenRemoved,
    });
    if (consultation.citizenRemoved) this.gateway.evict(consultationSideRoom(consultation.id, 'citizen'), consultation.id);
  }
}
