import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { UserAccount } from '../accounts/user-account.entity.js';
import { CityService } from '../city/city.service.js';
import { DomainError } from '../common/domain-error.js';
import { addDays, dayBounds, daysBetween, localDateOf } from '../schedules/slot-calendar.js';
import { Appointment } from './appointment.entity.js';
import { appointmentView } from './appointment.view.js';
import type { AppointmentView } from './appointment-view.types.js';
import type { CalendarQuery } from './dto/date-range.query.js';

/** The longest range of dates one request may ask for: slots and calendars. */
export const MAX_RANGE_DAYS = 31;
const LIST_LIMIT = 500;

/** Who may see an appointment: its citizen, officials of its department, admins. */
export function maySee(appointment: Appointment, user: UserAccount): boolean {
  return appointment.citizenId === user.id || isStaffOf(appointment, user);
}

export function isStaffOf(appointment: Appointment, user: UserAccount): boolean {
  return user.role === 'admin' || (user.role === 'official' && user.departmentId === appointment.departmentId);
}

/** Throws APPOINTMENT_RANGE_TOO_LONG unless `from` ≤ `to` and the range has at most 31 days. */
export function checkRange(from: string, to: string): void {
  const days = daysBetween(from, to);
  if (!(days >= 0 && days < MAX_RANGE_DAYS)) throw new DomainError('APPOINTMENT_RANGE_TOO_LONG', { limit: MAX_RANGE_DAYS });
}

/** Reading appointments, with the access rules: anything not theirs to see is NOT_FOUND. */
@Injectable()
export class AppointmentReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly city: CityService,
  ) {}

  /**
   * A citizen's own appointments, soonest first; an official's calendar (an admin's: every department) for a range
   * of dates, this week by default, optionally one official's. A linked official sees their own appointments unless
   * they ask for the whole department; `mine` from an account that is no pack official is VALIDATION_FAILED.
   */
  async list(user: UserAccount, query: CalendarQuery): Promise<AppointmentView[]> {
    const rows = this.dataSource
      .getRepository(Appointment)
      .createQueryBuilder('appointment')
      .leftJoinAndSelect('appointment.civicCase', 'civicCase')
      .where(`appointment.status <> 'expired'`)
      .orderBy('appointment.starts_at', 'ASC')
      .addOrderBy('appointment.id', 'ASC')
      .limit(LIST_LIMIT);
    if (user.role === 'citizen') {
      rows.andWhere('appointment.citizen_id = :me', { me: user.id });
    } else {
      const from = query.from ?? localDateOf(new Date(), this.city.pack.timeZone);
      const to = query.to ?? addDays(from, 6);
      checkRange(from, to);
      const { startsAt, endsAt } = dayBounds(from, to, this.city.pack.timeZone);
      rows.andWhere('appointment.starts_at < :endsAt AND appointment.ends_at > :startsAt', { startsAt, endsAt });
      if (user.role === 'official') rows.andWhere('appointment.department_id = :department', { department: user.departmentId });
      if ((query.scope ?? (user.officialId ? 'mine' : 'department')) === 'mine') {
        if (!user.officialId) throw new DomainError('VALIDATION_FAILED', {}, { fields: [{ field: 'scope', rules: ['linkedOfficial'] }] });
        rows.andWhere('appointment.official_id = :mine', { mine: user.officialId });
      }
      if (query.officialId) rows.andWhere('appointment.official_id = :official', { official: query.officialId });
    }
    return (await rows.getMany()).map(appointmentView);
  }

  async get(id: string, user: UserAccount): Promise<AppointmentView> {
    return appointmentView(await this.visible(id, user));
  }

  /** The appointment with its case, for someone who may see it; NOT_FOUND otherwise. */
  async visible(id: string, user: UserAccount): Promise<Appointment> {
    const appointment = await this.dataSource.getRepository(Appointment).findOne({ where: { id }, relations: { civicCase: true } });
    if (!appointment || !maySee(appointment, user)) throw new DomainError('NOT_FOUND');
    return appointment;
  }

  /** The appointment locked for a change, for someone allowed by `may`; NOT_FOUND otherwise. */
  async locked(manager: EntityManager, id: string, may: (appointment: Appointment) => boolean): Promise<Appointment> {
    const appointment = await manager.getRepository(Appointment).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!appointment || !may(appointment)) throw new DomainError('NOT_FOUND');
    return appointment;
  }

  /** The appointment as it is now in the transaction, with its case, as the API shows it. */
  async viewIn(manager: EntityManager, id: string): Promise<AppointmentView> {
    return appointmentView(await manager.getRepository(Appointment).findOneOrFail({ where: { id }, relations: { civicCase: true } }));
  }
}
