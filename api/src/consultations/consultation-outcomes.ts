import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { UserAccount } from '../accounts/user-account.entity.js';
import { Appointment } from '../appointments/appointment.entity.js';
import { AppointmentsService } from '../appointments/appointments.service.js';
import type { AuditContext } from '../audit/audit.service.js';
import { LOGGER } from '../common/error-responder.js';
import { ComplaintsService } from '../complaints/complaints.service.js';
import type { ConsultationOutcome } from './consultation-view.types.js';
import type { Consultation } from './consultation.entity.js';

/**
 * Tells the subject how its consultation ended, through its own module's service (which checks, audits and
 * announces): a complaint gets a public note in its history; a virtual appointment is fulfilled — or a no-show. A
 * ticket is left to the counter, whose official completes it as for any visit. Run after the end has committed: the
 * end stands even if this fails, which is logged.
 */
@Injectable()
export class ConsultationOutcomes {
  constructor(
    private readonly dataSource: DataSource,
    private readonly complaints: ComplaintsService,
    private readonly appointments: AppointmentsService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async apply(consultation: Consultation, outcome: ConsultationOutcome, staff: UserAccount, context: AuditContext): Promise<void> {
    try {
      if (consultation.subjectType === 'complaint') {
        await this.complaints.update(consultation.subjectId, { note: `Consultation ended: ${outcome}`, public: true }, staff, context);
      }
      if (consultation.subjectType === 'appointment') await this.settleAppointment(consultation.subjectId, outcome, staff, context);
    } catch (error) {
      this.logger.warn({ err: (error as Error).message, consultationId: consultation.id }, 'consultation outcome not applied');
    }
  }

  /** booked → arrived → fulfilled (the citizen came, on the screen), or → noshow; an appointment already settled is left. */
  private async settleAppointment(id: string, outcome: ConsultationOutcome, staff: UserAccount, context: AuditContext): Promise<void> {
    const { status } = await this.dataSource.getRepository(Appointment).findOneByOrFail({ id });
    if (status !== 'booked' && status !== 'arrived') return;
    if (outcome === 'no_show') {
      await this.appointments.setStatus(id, 'noshow', staff, context);
      return;
    }
    if (status === 'booked') await this.appointments.setStatus(id, 'arrived', staff, context);
    await this.appointments.setStatus(id, 'fulfilled', staff, context);
  }
}
