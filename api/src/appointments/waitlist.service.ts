import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { UserAccount } from '../accounts/user-account.entity.js';
import { AuditService, type AuditContext } from '../audit/audit.service.js';
import { CityService } from '../city/city.service.js';
import { DomainError } from '../common/domain-error.js';
import type { LiveEvents } from '../live/live-events.types.js';
import { LiveEventsService } from '../live/live-events.service.js';
import { personRoom } from '../live/live-rooms.js';
import { localDateOf } from '../schedules/slot-calendar.js';
import { Appointment } from './appointment.entity.js';
import type { WaitlistView } from './appointment-view.types.js';
import { WaitlistEntry } from './waitlist-entry.entity.js';

/** How long a freed slot is held for the first waiter before anyone may book it. */
export const HOLD_MINUTES = 15;

/** How often holds that ran out are looked for and passed on, when no booking of that official came first. */
const PASS_ON_EVERY_MS = 15_000;

/** A hold made in a transaction, to announce once it has committed. */
export interface Offer {
  citizenId: string;
  payload: LiveEvents['appointment.offered'];
}

/**
 * The waiting list per service and day: the first waiter is offered a slot that frees up; an offer declined or not
 * taken in time goes to the next one.
 */
@Injectable()
export class WaitlistService implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly city: CityService,
    private readonly audit: AuditService,
    private readonly live: LiveEventsService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.passOnExpiredHolds().catch(() => undefined), PASS_ON_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Every hold that ran out, anywhere, expired and passed on; each instance may run it (rows are claimed). */
  async passOnExpiredHolds(): Promise<void> {
    const offers = await this.dataSource.transaction((manager) => this.expireHolds(manager));
    this.announce(...offers);
  }

  /**
   * Expires the holds that ran out (of one official, or all) and offers each slot still ahead to the next waiter,
   * in the caller's transaction; returns the offers to announce after commit. Booking paths call it first, so a
   * waiter keeps their turn over someone who happens to book the moment a hold runs out.
   */
  async expireHolds(manager: EntityManager, officialId?: string): Promise<Offer[]> {
    const expired = await manager.query<{ id: string }[]>(
      `WITH expired AS (
         UPDATE appointment SET status = 'expired', updated_at = now(), revision = revision + 1
          WHERE id IN (SELECT id FROM appointment WHERE status = 'held' AND hold_expires_at <= now() AND ($1::text IS NULL OR official_id = $1)
                        ORDER BY hold_expires_at LIMIT 100 FOR UPDATE SKIP LOCKED)
          RETURNING id)
       SELECT id FROM expired`,
      [officialId ?? null],
    );
    if (expired.length === 0) return [];
    const holds = await manager
      .getRepository(Appointment)
      .find({ where: { id: In(expired.map((row) => row.id)) }, order: { startsAt: 'ASC' } });
    const offers: Offer[] = [];
    for (const hold of holds) {
      const offer = hold.startsAt.getTime() > Date.now() ? await this.offerFreedSlot(manager, hold) : null;
      if (offer) offers.push(offer);
    }
    return offers;
  }

  async join(serviceId: string, day: string, citizen: UserAccount, context: AuditContext): Promise<WaitlistView> {
    if (this.city.service(serviceId)?.kind !== 'appointment') throw new DomainError('APPOINTMENT_UNKNOWN_SERVICE');
    return this.dataSource.transaction(async (manager) => {
      const [inserted] = await manager.query<WaitlistEntry[]>(
        `INSERT INTO appointment_waitlist_entry (service_id, day, citizen_id) VALUES ($1, $2, $3)
         ON CONFLICT (service_id, day, citizen_id) WHERE status = 'waiting' DO NOTHING RETURNING id`,
        [serviceId, day, citizen.id],
      );
      if (!inserted) throw new DomainError('APPOINTMENT_ALREADY_WAITLISTED');
      const entry = await manager.getRepository(WaitlistEntry).findOneByOrFail({ id: inserted.id });
      await this.audit.record(
        context,
        { action: 'appointment.waitlisted', objectType: 'appointment_waitlist_entry', objectId: entry.id },
        manager,
      );
      return waitlistView(entry);
    });
  }

  /** The person's places on waiting lists, soonest day first. */
  async mine(citizen: UserAccount): Promise<WaitlistView[]> {
    const entries = await this.dataSource
      .getRepository(WaitlistEntry)
      .find({ where: { citizenId: citizen.id }, order: { day: 'ASC', createdAt: 'ASC' } });
    return entries.map(waitlistView);
  }

  /**
   * Offers a freed slot to the first waiter of its service and day who is free then: a `held` appointment in the
   * caller's transaction, which the exclusion constraint covers like a booking. Returns the offer to announce after
   * commit, or null when no one waits.
   */
  async offerFreedSlot(manager: EntityManager, freed: Appointment): Promise<Offer | null> {
    const day = localDateOf(freed.startsAt, this.city.pack.timeZone);
    // SKIP LOCKED: two slots freed at once go to two waiters, not both to the first.
    const [waiter] = await manager.query<{ id: string; citizen_id: string }[]>(
      `SELECT w.id, w.citizen_id FROM appointment_waitlist_entry w
        WHERE w.service_id = $1 AND w.day = $2 AND w.status = 'waiting' AND w.citizen_id <> $3
          AND NOT EXISTS (SELECT 1 FROM appointment a WHERE a.citizen_id = w.citizen_id AND a.status IN ('booked', 'arrived', 'held')
                            AND a.starts_at < $5 AND a.ends_at > $4)
        ORDER BY w.created_at, w.id LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [freed.serviceId, day, freed.citizenId, freed.startsAt, freed.endsAt],
    );
    if (!waiter) return null;
    const [hold] = await manager.query<{ id: string; hold_expires_at: Date }[]>(
      `INSERT INTO appointment (citizen_id, service_id, department_id, official_id, counter_id, mode, status, starts_at, ends_at, hold_expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'held', $7, $8, now() + make_interval(mins => $9))
       ON CONFLICT DO NOTHING RETURNING id, hold_expires_at`,
      [
        waiter.citizen_id,
        freed.serviceId,
        freed.departmentId,
        freed.officialId,
        freed.counterId,
        freed.mode,
        freed.startsAt,
        freed.endsAt,
        HOLD_MINUTES,
      ],
    );
    // The time is not wholly free after all (another appointment overlaps part of it): no offer, they keep waiting.
    if (!hold) return null;
    await manager.query(`UPDATE appointment_waitlist_entry SET status = 'offered', offered_appointment_id = $2 WHERE id = $1`, [
      waiter.id,
      hold.id,
    ]);
    return {
      citizenId: waiter.citizen_id,
      payload: {
        appointmentId: hold.id,
        serviceId: freed.serviceId,
        officialId: freed.officialId,
        startsAt: freed.startsAt.toISOString(),
        endsAt: freed.endsAt.toISOString(),
        holdExpiresAt: new Date(hold.hold_expires_at).toISOString(),
      },
    };
  }

  /** Tells each waiter, on every device they are signed in on. */
  announce(...offers: (Offer | null)[]): void {
    for (const offer of offers) if (offer) this.live.publish([personRoom(offer.citizenId)], 'appointment.offered', offer.payload);
  }
}

function waitlistView(entry: WaitlistEntry): WaitlistView {
  return { id: entry.id, serviceId: entry.serviceId, day: entry.day, status: entry.status, createdAt: entry.createdAt.toISOString() };
}
