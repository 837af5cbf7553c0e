import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { UserAccount } from '../accounts/user-account.entity.js';
import { AuditService, type AuditContext } from '../audit/audit.service.js';
import { CasesService } from '../cases/cases.service.js';
import { CivicCase } from '../cases/civic-case.entity.js';
import type { AppointmentService, Official } from '../city/city-pack.types.js';
import { CityService } from '../city/city.service.js';
import { DomainError } from '../common/domain-error.js';
import { type IdempotentAnswer, IdempotencyService } from '../idempotency/idempotency.service.js';
import type { WriteRequest } from '../idempotency/idempotent-write.js';
import { QueuesService } from '../queues/queues.service.js';
import type { IssuedTicket } from '../queues/queue-view.types.js';
import { SchedulesService } from '../schedules/schedules.service.js';
import { asSlotConflict } from './appointment-errors.js';
import { assertMove } from './appointment-lifecycle.js';
import { AppointmentReader, isStaffOf } from './appointment-reader.js';
import { Appointment } from './appointment.entity.js';
import { appointmentView } from './appointment.view.js';
import type { AppointmentStatus, AppointmentView, CheckedIn } from './appointment-view.types.js';
import type { CreateAppointmentDto } from './dto/create-appointment.dto.js';
import type { RescheduleAppointmentDto } from './dto/reschedule-appointment.dto.js';
import { type Offer, WaitlistService } from './waitlist.service.js';

/** Check-in opens this long before the start and closes at the end. */
export const CHECK_IN_OPENS_MINUTES = 30;

/** Booking and moving appointments. Every write runs once per Idempotency-Key; the database refuses overlaps. */
@Injectable()
export class AppointmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly city: CityService,
    private readonly cases: CasesService,
    private readonly schedules: SchedulesService,
    private readonly reader: AppointmentReader,
    private readonly waitlist: WaitlistService,
    private readonly queues: QueuesService,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditService,
  ) {}

  /** Books a free slot for a signed-in citizen, on a new case or one of theirs. */
  async book(
    dto: CreateAppointmentDto,
    citizen: UserAccount,
    request: WriteRequest,
    context: AuditContext,
  ): Promise<IdempotentAnswer<AppointmentView>> {
    const service = this.appointmentService(dto.serviceId);
    const official = this.officialFor(service, dto.officialId);
    if (dto.mode === 'virtual' && !service.virtualAllowed) throw new DomainError('APPOINTMENT_MODE_NOT_OFFERED');
    const startsAt = new Date(dto.startsAt);
    const offers: Offer[] = [];
    const answer = await this.write(citizen, request, 201, async (manager) => {
      const slot = await this.futureSlot(manager, service, official, startsAt, offers);
      // Opening a case locks the city's case-number counter until commit, which serialises every filing and booking:
      // the audit goes before it and the answer is built from the insert, so the lock is held for as few statements as can be.
      const id = randomUUID();
      await this.audit.record(context, { action: 'appointment.booked', objectType: 'appointment', objectId: id }, manager);
      const civicCase = dto.caseNumber
        ? await this.caseOf(manager, dto.caseNumber, citizen)
        : (await this.cases.open(manager, citizen.id)).civicCase;
      const [inserted] = await manager
        .query<{ created_at: Date; updated_at: Date }[]>(
          `INSERT INTO appointment (id, case_id, citizen_id, service_id, department_id, official_id, counter_id, mode, status, starts_at, ends_at)
           VALUES ($10, $1, $2, $3, $4, $5, $6, $7, 'booked', $8, $9) RETURNING created_at, updated_at`,
          [
            civicCase.id,
            citizen.id,
            service.id,
            service.departmentId,
            official.id,
            official.counterId,
            dto.mode,
            slot.startsAt,
            slot.endsAt,
            id,
          ],
        )
        .catch((error: unknown) => {
          throw asSlotConflict(error);
        });
      if (!inserted) throw new Error('an appointment was not inserted');
      return appointmentView(
        manager.getRepository(Appointment).create({
          id,
          civicCase,
          serviceId: service.id,
          departmentId: service.departmentId,
          officialId: official.id,
          counterId: official.counterId,
          mode: dto.mode,
          status: 'booked',
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          holdExpiresAt: null,
          createdAt: inserted.created_at,
          updatedAt: inserted.updated_at,
        }),
      );
    });
    if (!answer.replayed) this.waitlist.announce(...offers);
    return answer;
  }

  /** Cancels a booking (its citizen or staff of its department) or declines a hold; the freed slot goes to the waitlist. */
  async cancel(id: string, user: UserAccount, request: WriteRequest, context: AuditContext): Promise<IdempotentAnswer<AppointmentView>> {
    const offers: Offer[] = [];
    const answer = await this.write(user, request, 200, async (manager) => {
      const appointment = await this.reader.locked(manager, id, (found) => found.citizenId === user.id || isStaffOf(found, user));
      assertMove(appointment.status, 'cancelled');
      await this.move(manager, appointment, 'cancelled');
      await this.audit.record(context, { action: 'appointment.cancelled', objectType: 'appointment', objectId: id }, manager);
      await this.offerFreed(manager, appointment, offers);
      return this.reader.viewIn(manager, id);
    });
    if (!answer.replayed) this.waitlist.announce(...offers);
    return answer;
  }

  /**
   * Moves a booking to another free slot of its service, with the same official unless another is named: one
   * UPDATE, so the new time is taken and the old one freed together, or nothing changes.
   */
  async reschedule(
    id: string,
    dto: RescheduleAppointmentDto,
    citizen: UserAccount,
    request: WriteRequest,
    context: AuditContext,
  ): Promise<IdempotentAnswer<AppointmentView>> {
    const offers: Offer[] = [];
    const answer = await this.write(citizen, request, 200, async (manager) => {
      const appointment = await this.reader.locked(manager, id, (found) => found.citizenId === citizen.id);
      if (appointment.status !== 'booked')
        throw new DomainError('APPOINTMENT_INVALID_TRANSITION', {}, { from: appointment.status, to: 'booked' });
      const service = this.appointmentService(appointment.serviceId);
      const official = this.officialFor(service, dto.officialId ?? appointment.officialId);
      const slot = await this.futureSlot(manager, service, official, new Date(dto.startsAt), offers);
      const freed = { ...appointment };
      await manager
        .getRepository(Appointment)
        .update(
          { id },
          {
            officialId: official.id,
            counterId: official.counterId,
            startsAt: slot.startsAt,
            endsAt: slot.endsAt,
            revision: () => 'revision + 1',
          },
        )
        .catch((error: unknown) => {
          throw asSlotConflict(error);
        });
      await this.audit.record(context, { action: 'appointment.rescheduled', objectType: 'appointment', objectId: id }, manager);
      await this.offerFreed(manager, freed, offers);
      return this.reader.viewIn(manager, id);
    });
    if (!answer.replayed) this.waitlist.announce(...offers);
    return answer;
  }

  /** Books a slot held for the citizen from the waitlist, while the hold lasts. */
  async accept(id: string, citizen: UserAccount, request: WriteRequest, context: AuditContext): Promise<IdempotentAnswer<AppointmentView>> {
    return this.write(citizen, request, 200, async (manager) => {
      const appointment = await this.reader.locked(manager, id, (found) => found.citizenId === citizen.id);
      assertMove(appointment.status, 'booked');
      if ((appointment.holdExpiresAt?.getTime() ?? 0) <= Date.now()) throw new DomainError('APPOINTMENT_HOLD_EXPIRED');
      const { civicCase } = await this.cases.open(manager, citizen.id);
      await manager
        .getRepository(Appointment)
        .update({ id }, { status: 'booked', caseId: civicCase.id, revision: () => 'revision + 1' })
        .catch((error: unknown) => {
          throw asSlotConflict(error);
        });
      await this.audit.record(context, { action: 'appointment.accepted', objectType: 'appointment', objectId: id }, manager);
      return this.reader.viewIn(manager, id);
    });
  }

  /** An official's step on the day: arrived, fulfilled, no-show. */
  async setStatus(
    id: string,
    status: 'arrived' | 'fulfilled' | 'noshow',
    official: UserAccount,
    context: AuditContext,
  ): Promise<AppointmentView> {
    return this.dataSource.transaction(async (manager) => {
      const appointment = await this.reader.locked(manager, id, (found) => isStaffOf(found, official));
      assertMove(appointment.status, status);
      await this.move(manager, appointment, status);
      await this.audit.record(context, { action: `appointment.${status}`, objectType: 'appointment', objectId: id }, manager);
      return this.reader.viewIn(manager, id);
    });
  }

  /**
   * The citizen is here (or in the virtual hall): from 30 minutes before the start until its end, the appointment
   * becomes `arrived` and the queue of its counter issues a priority ticket, in one transaction.
   */
  async checkIn(id: string, citizen: UserAccount, request: WriteRequest, context: AuditContext): Promise<IdempotentAnswer<CheckedIn>> {
    let issued: IssuedTicket | undefined;
    const answer = await this.write(citizen, request, 200, async (manager) => {
      const appointment = await this.reader.locked(manager, id, (found) => found.citizenId === citizen.id);
      assertMove(appointment.status, 'arrived');
      const now = Date.now();
      if (now < appointment.startsAt.getTime() - CHECK_IN_OPENS_MINUTES * 60_000) {
        throw new DomainError(
          'APPOINTMENT_TOO_EARLY_TO_CHECK_IN',
          { minutes: CHECK_IN_OPENS_MINUTES },
          { opensAt: new Date(appointment.startsAt.getTime() - CHECK_IN_OPENS_MINUTES * 60_000).toISOString() },
        );
      }
      if (now >= appointment.endsAt.getTime()) throw new DomainError('APPOINTMENT_CHECK_IN_CLOSED');
      await this.move(manager, appointment, 'arrived');
      issued = await this.queues.issueAppointmentTicket(manager, {
        appointmentId: id,
        counterId: appointment.counterId,
        serviceId: appointment.serviceId,
        caseId: appointment.caseId,
        holderId: citizen.id,
      });
      await this.audit.record(context, { action: 'appointment.checked_in', objectType: 'appointment', objectId: id }, manager);
      return { appointment: await this.reader.viewIn(manager, id), ticket: issued.ticket, ticketToken: issued.ticketToken };
    });
    if (!answer.replayed && issued) await this.queues.announceIssued(issued);
    return answer;
  }

  private write<T>(
    user: UserAccount,
    request: WriteRequest,
    status: number,
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<IdempotentAnswer<T>> {
    return this.idempotency.run(user.id, request.key, { method: 'POST', route: request.route, body: request.body }, status, work);
  }

  private async move(manager: EntityManager, appointment: Appointment, status: AppointmentStatus): Promise<void> {
    await manager.getRepository(Appointment).update({ id: appointment.id }, { status, revision: () => 'revision + 1' });
  }

  /** A freed booking's time, or a declined hold's, offered to the next waiter of its service and day. */
  private async offerFreed(manager: EntityManager, freed: Appointment, offers: Offer[]): Promise<void> {
    if (freed.status !== 'booked' && freed.status !== 'held') return;
    offers.push(...(await this.waitlist.expireHolds(manager, freed.officialId)));
    const offer = await this.waitlist.offerFreedSlot(manager, freed);
    if (offer) offers.push(offer);
  }

  /**
   * A slot of the official's grid, in the future and not cut by an exception. The official's holds that ran out
   * are passed on first, so the next waiter keeps their turn (the slot may then be theirs: 409 SLOT_TAKEN).
   */
  private async futureSlot(manager: EntityManager, service: AppointmentService, official: Official, startsAt: Date, offers: Offer[]) {
    const slot =
      startsAt.getTime() > Date.now() ? await this.schedules.slotAt(official, service.durationMinutes, startsAt, manager) : undefined;
    if (!slot) throw new DomainError('APPOINTMENT_NOT_A_SLOT');
    offers.push(...(await this.waitlist.expireHolds(manager, official.id)));
    return slot;
  }

  private appointmentService(serviceId: string): AppointmentService {
    const service = this.city.service(serviceId);
    if (service?.kind !== 'appointment') throw new DomainError('APPOINTMENT_UNKNOWN_SERVICE');
    return service;
  }

  private officialFor(service: AppointmentService, officialId: string): Official {
    const official = this.schedules.officialsOf(service).find((candidate) => candidate.id === officialId);
    if (!official) throw new DomainError('APPOINTMENT_UNKNOWN_OFFICIAL');
    return official;
  }

  private async caseOf(manager: EntityManager, caseNumber: string, citizen: UserAccount): Promise<CivicCase> {
    const civicCase = await manager.getRepository(CivicCase).findOneBy({ caseNumber, ownerId: citizen.id });
    if (!civicCase) throw new DomainError('APPOINTMENT_UNKNOWN_CASE');
    return civicCase;
  }
}
