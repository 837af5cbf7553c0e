import { Module } from '@nestjs/common';
import { AppointmentsModule } from '../appointments/appointments.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { ComplaintsModule } from '../complaints/complaints.module.js';
import { ConsultationChatGateway } from './consultation-chat.gateway.js';
import { ConsultationChatService } from './consultation-chat.service.js';
import { ConsultationOutcomes } from './consultation-outcomes.js';
import { ConsultationRoomEvents } from './consultation-room-events.js';
import { ConsultationSubjects } from './consultation-subjects.js';
import { ConsultationsController } from './consultations.controller.js';
import { ConsultationsService } from './consultations.service.js';

/** Virtual consultations: rooms opened from an appointment, a ticket or a complaint; text chat and voice signalling on `/live`. */
@Module({
  imports: [CasesModule, ComplaintsModule, AppointmentsModule],
  controllers: [ConsultationsController],
  providers: [
    ConsultationsService,
    ConsultationChatService,
    ConsultationChatGateway,
    ConsultationSubjects,
    ConsultationOutcomes,
    ConsultationRoomEvents,
  ],
  exports: [ConsultationsService],
})
export class ConsultationsModule {}
