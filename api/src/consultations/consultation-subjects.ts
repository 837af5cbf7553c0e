import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UserAccount } from '../accounts/user-account.entity.js';
import { Appointment } from '../appointments/appointment.entity.js';
import { CHECK_IN_OPENS_MINUTES } from '../appointments/appointments.service.js';
import { CasesService } from '../cases/cases.service.js';
import { CivicCase } from '../cases/civic-case.entity.js';
import { CityService } from '../city/city.service.js';
import { DomainError } from '../common/domain-error.js';
import { Complaint } from '../complaints/complaint.entity.js';
import { QueueTicket } from '../queues/queue-ticket.entity.js';
import type { ConsultationSubject } from './consultation-view.types.js';
import type { OpenConsultationDto } from './dto/open-consultation.dto.js';

/** What a consultation is opened on: the subject, its case, its department and the citizen to talk to. */
export interface ResolvedSubject {
  type: ConsultationSubject;
  id: string;
  caseId: string;
  departmentId: string;
  citizenId: string;
}

/**
 * Turns an appointment, ticket or complaint into what a consultation needs, locking its row for the opening
 * transaction. Staff of another department get NOT_FOUND, as for an id that does not exist; a subject that is not in
 * a state to consult about gets CONSULTATION_CANNOT_OPEN with the reason in `details`.
 */
@Injectable()
export class ConsultationSubjects {
  constructor(
    private readonly city: CityService,
    private readonly cases: CasesService,
  ) {}

  async resolve(manager: EntityManager, dto: OpenConsultationDto, staff: UserAccount): Promise<ResolvedSubject> {
    const given = [dto.appointmentId, dto.ticketId, dto.complaintId].filter((id) => id !== undefined);
    if (given.length !== 1) {
      const fields = ['appointmentId', 'ticketId', 'complaintId'].map((field) => ({ field, rules: ['exactlyOne'] }));
      throw new DomainError('VALIDATION_FAILED', {}, { fields });
    }
    const subject = dto.appointmentId
      ? await this.appointment(manager, dto.appointmentId, staff)
      : dto.ticketId
        ? await this.ticket(manager, dto.ticketId, staff)
        : await this.complaint(manager, dto.complaintId ?? '', staff);
    const citizen = await manager.getRepository(UserAccount).findOneBy({ id: subject.citizenId });
    if (!citizen || citizen.id === staff.id || citizen.disabledAt !== null) cannotOpen('no_citizen');
    return subject;
  }

  /** A virtual appointment from 30 minutes before its start (as check-in) until its end. */
  private async appointment(manager: EntityManager, id: string, staff: UserAccount): Promise<ResolvedSubject> {
    const appointment = await manager.getRepository(Appointment).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!appointment || !isStaffOf(staff, appointment.departmentId)) throw new DomainError('NOT_FOUND');
    if (appointment.mode !== 'virtual') cannotOpen('not_virtual');
    if (!['booked', 'arrived'].includes(appointment.status) || !appointment.caseId) cannotOpen('not_booked');
    const now = Date.now();
    if (now < appointment.startsAt.getTime() - CHECK_IN_OPENS_MINUTES * 60_000 || now >= appointment.endsAt.getTime()) {
      cannotOpen('not_due');
    }
    return {
      type: 'appointment',
      id,
      caseId: appointment.caseId,
      departmentId: appointment.departmentId,
      citizenId: appointment.citizenId,
    };
  }

  /**
   * A ticket called to (or served at) the counter, held by an account. A walk-in ticket has no case yet: one is
   * opened for its holder and the ticket joins it, so the transcript has a case to hang on.
   */
  private async ticket(manager: EntityManager, id: string, staff: UserAccount): Promise<ResolvedSubject> {
    const ticket = await manager.getRepository(QueueTicket).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    const departmentId = ticket ? this.city.service(ticket.serviceId)?.departmentId : undefined;
    if (!ticket || !departmentId || !isStaffOf(staff, departmentId)) throw new DomainError('NOT_FOUND');
    if (!['called', 'serving'].includes(ticket.status)) cannotOpen('not_called');
    if (!ticket.holderId) cannotOpen('no_citizen');
    let caseId = ticket.caseId;
    if (!caseId) {
      caseId = (await this.cases.open(manager, ticket.holderId)).civicCase.id;
      await manager.getRepository(QueueTicket).update({ id }, { caseId });
    }
    return { type: 'ticket', id, caseId, departmentId, citizenId: ticket.holderId };
  }

  /** A complaint filed with an account: the official invites its filer. */
  private async complaint(manager: EntityManager, id: string, staff: UserAccount): Promise<ResolvedSubject> {
    const complaint = await manager.getRepository(Complaint).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!complaint || !isStaffOf(staff, complaint.departmentId)) throw new DomainError('NOT_FOUND');
    const ownerId = (await manager.getRepository(CivicCase).findOneBy({ id: complaint.caseId }))?.ownerId;
    if (!ownerId) cannotOpen('no_citizen');
    return { type: 'complaint', id, caseId: complaint.caseId, departmentId: complaint.departmentId, citizenId: ownerId };
  }
}

const isStaffOf = (person: UserAccount, departmentId: string): boolean =>
  person.role === 'admin' || (person.role === 'official' && person.departmentId === departmentId);

function cannotOpen(reason: string): never {
  throw new DomainError('CONSULTATION_CANNOT_OPEN', {}, { reason });
}
