import type { FreeSlot } from '../appointments/appointment-view.types.js';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, type AuditContext } from '../audit/audit.service.js';
import type { AppointmentService, Official, WorkingHours } from '../city/city-pack.types.js';
import { CityService } from '../city/city.service.js';
import { DomainError } from '../common/domain-error.js';
import { OfficialSchedule } from './official-schedule.entity.js';
import { ScheduleException } from './schedule-exception.entity.js';
import { freeOf, localDateOf, localDates, scheduleIsValid, scheduleSlots, type TimeRange } from './slot-calendar.js';

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Appointment statuses that occupy an official's time (a hold only until it expires). */
const BUSY_SQL = `(status IN ('booked', 'arrived') OR (status = 'held' AND hold_expires_at > now()))`;

/**
 * Officials' working time: the pack's weekly schedules or an admin's replacement, minus exceptions (leave, public
 * holidays) and the appointments already made. All dates are the city's, in its time zone.
 */
@Injectable()
export class SchedulesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly city: CityService,
    private readonly audit: AuditService,
  ) {}

  /** The officials who give appointments for a service: of its department, at a counter that serves it. */
  officialsOf(service: AppointmentService): Official[] {
    const counters = new Set(this.city.pack.cityHall.counters.filter((c) => c.serviceIds.includes(service.id)).map((c) => c.id));
    return this.city.pack.officials.filter(
      (official) => official.departmentId === service.departmentId && counters.has(official.counterId),
    );
  }

  official(officialId: string): Official | undefined {
    return this.city.pack.officials.find((official) => official.id === officialId);
  }

  /** Free slots of a service between two local dates, both included, from now on. */
  async freeSlots(
    service: AppointmentService,
    from: string,
    to: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<FreeSlot[]> {
    const officials = this.officialsOf(service);
    if (officials.length === 0) return [];
    const dates = localDates(from, to);
    // One query for every official's replacement schedule, not one per official (a public route, read often: plain SQL).
    const replaced = await manager.query<{ official_id: string; weekly_schedule: WorkingHours[] }[]>(
      'SELECT official_id, weekly_schedule FROM official_schedule WHERE official_id = ANY($1)',
      [officials.map((official) => official.id)],
    );
    const schedules = new Map(replaced.map((row) => [row.official_id, row.weekly_schedule]));
    const all = officials.map((official) => ({
      official,
      slots: scheduleSlots(schedules.get(official.id) ?? official.weeklySchedule, dates, this.city.pack.timeZone, service.durationMinutes),
    }));
    const candidates = all.flatMap((entry) => entry.slots);
    if (candidates.length === 0) return [];
    const window = {
      startsAt: new Date(Math.min(...candidates.map((slot) => slot.startsAt.getTime()))),
      endsAt: new Date(Math.max(...candidates.map((slot) => slot.endsAt.getTime()))),
    };
    const busy = await this.busyRanges(
      officials.map((official) => official.id),
      window,
      manager,
    );
    const now = Date.now();
    const modes: FreeSlot['modes'] = service.virtualAllowed ? ['in_person', 'virtual'] : ['in_person'];
    // Sorted in plain string order (ISO instants and pack ids are ASCII): localeCompare's collation costs far more.
    return all
      .flatMap(({ official, slots }) =>
        freeOf(slots, busy.get(official.id) ?? [])
          .filter((slot) => slot.startsAt.getTime() > now)
          .map((slot) => ({ startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString(), officialId: official.id, modes })),
      )
      .sort((a, b) => byText(a.startsAt, b.startsAt) || byText(a.officialId, b.officialId));
  }

  /**
   * The slot of the official's grid that starts at `startsAt` and is not cut by an exception, or undefined. Whether
   * it is still free is the database's to say (the exclusion constraint), not this.
   */
  async slotAt(official: Official, durationMinutes: number, startsAt: Date, manager: EntityManager): Promise<TimeRange | undefined> {
    const { timeZone } = this.city.pack;
    const dates = [localDateOf(startsAt, timeZone)];
    const slot = scheduleSlots(await this.weeklySchedule(official, manager), dates, timeZone, durationMinutes).find(
      (candidate) => candidate.startsAt.getTime() === startsAt.getTime(),
    );
    if (!slot) return undefined;
    const [{ blocked } = { blocked: false }] = await manager.query<{ blocked: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM schedule_exception WHERE (official_id IS NULL OR official_id = $1) AND starts_at < $3 AND ends_at > $2) AS blocked`,
      [official.id, slot.startsAt, slot.endsAt],
    );
    return blocked ? undefined : slot;
  }

  /** The admin's replacement schedule, else the pack's. */
  async weeklySchedule(official: Official, manager: EntityManager = this.dataSource.manager): Promise<readonly WorkingHours[]> {
    const replaced = await manager.getRepository(OfficialSchedule).findOneBy({ officialId: official.id });
    return replaced?.weeklySchedule ?? official.weeklySchedule;
  }

  /** Exceptions and occupying appointments of some officials that overlap a window, per official. */
  private async busyRanges(officialIds: string[], window: TimeRange, manager: EntityManager): Promise<Map<string, TimeRange[]>> {
    const rows = await manager.query<{ official_id: string | null; starts_at: Date; ends_at: Date }[]>(
      `SELECT official_id, starts_at, ends_at FROM schedule_exception
        WHERE (official_id IS NULL OR official_id = ANY($1)) AND starts_at < $3 AND ends_at > $2
       UNION ALL
       SELECT official_id, starts_at, ends_at FROM appointment
        WHERE official_id = ANY($1) AND ${BUSY_SQL} AND starts_at < $3 AND ends_at > $2`,
      [officialIds, window.startsAt, window.endsAt],
    );
    const busy = new Map<string, TimeRange[]>(officialIds.map((id) => [id, []]));
    for (const row of rows) {
      const range = { startsAt: new Date(row.starts_at), endsAt: new Date(row.ends_at) };
      for (const id of row.official_id === null ? officialIds : [row.official_id]) busy.get(id)?.push(range);
    }
    return busy;
  }

  /** An admin's weekly schedule for an official, replacing the pack's until cleared. */
  async replaceSchedule(
    officialId: string,
    schedule: WorkingHours[],
    context: AuditContext,
  ): Promise<{ officialId: string; weeklySchedule: WorkingHours[] }> {
    if (!this.official(officialId)) throw new DomainError('NOT_FOUND');
    if (!scheduleIsValid(schedule)) throw new DomainError('SCHEDULE_INVALID');
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(OfficialSchedule).upsert({ officialId, weeklySchedule: schedule }, ['officialId']);
      await this.audit.record(context, { action: 'schedule.replaced', objectType: 'official', objectId: officialId }, manager);
    });
    return { officialId, weeklySchedule: schedule };
  }

  /** Back to the pack's schedule. */
  async clearSchedule(officialId: string, context: AuditContext): Promise<void> {
    if (!this.official(officialId)) throw new DomainError('NOT_FOUND');
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(OfficialSchedule).delete({ officialId });
      await this.audit.record(context, { action: 'schedule.cleared', objectType: 'official', objectId: officialId }, manager);
    });
  }

  async addException(
    entry: { officialId: string | null; startsAt: Date; endsAt: Date; reason: string },
    context: AuditContext,
  ): Promise<ScheduleException> {
    if (entry.officialId !== null && !this.official(entry.officialId)) throw new DomainError('APPOINTMENT_UNKNOWN_OFFICIAL');
    if (entry.endsAt <= entry.startsAt) throw new DomainError('SCHEDULE_INVALID');
    return this.dataSource.transaction(async (manager) => {
      const saved = await manager.getRepository(ScheduleException).save(manager.getRepository(ScheduleException).create(entry));
      await this.audit.record(
        context,
        { action: 'schedule.exception_added', objectType: 'schedule_exception', objectId: saved.id },
        manager,
      );
      return saved;
    });
  }

  async removeException(id: string, context: AuditContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const removed = await manager.getRepository(ScheduleException).delete({ id });
      if (!removed.affected) throw new DomainError('NOT_FOUND');
      await this.audit.record(context, { action: 'schedule.exception_removed', objectType: 'schedule_exception', objectId: id }, manager);
    });
  }

  listExceptions(): Promise<ScheduleException[]> {
    return this.dataSource.getRepository(ScheduleException).find({ where: {}, order: { startsAt: 'ASC' }, take: 500 });
  }
}
