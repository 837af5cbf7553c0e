import { Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { randomBytes } from 'node:crypto';
import { DataSource, IsNull, MoreThan, In } from 'typeorm';
import type { UserAccount } from '../accounts/user-account.entity.js';
import { AuditService, type AuditContext } from '../audit/audit.service.js';
import type { LocalizedText } from '../city/city-pack.types.js';
import { CityService } from '../city/city.service.js';
import { DomainError } from '../common/domain-error.js';
import { sha256 } from '../common/sha256.js';
import { AppointmentReader } from './appointment-reader.js';
import { Appointment } from './appointment.entity.js';
import { CalendarFeed } from './calendar-feed.entity.js';
import { calendarFile, type CalendarEvent } from './ics-calendar.js';

/** The path of a feed: the token is the whole secret, so it is shown once, when made. */
export const feedPath = (token: string): string => `/api/calendar-feeds/${token}.ics`;
/** Sends a calendar file; the headers are set only on success, so errors still go out as JSON. */
export function calendarReply(reply: FastifyReply, file: string, attachmentName?: string): string {
  reply.header('Content-Type', 'text/calendar; charset=utf-8').header('Cache-Control', 'private, no-store');
  if (attachmentName) reply.header('Content-Disposition', `attachment; filename="${attachmentName}"`);
  return file;
}

const FEED_TOKEN = /^([A-Za-z0-9_-]{43})\.ics$/;
const FEED_LIMIT = 1000;

/** Calendar files (RFC 5545): one appointment for whoever may see it, and officials' private feeds. */
@Injectable()
export class AppointmentCalendarService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly city: CityService,
    private readonly reader: AppointmentReader,
    private readonly audit: AuditService,
  ) {}

  /** One appointment, in the language of the person asking. */
  async ics(id: string, user: UserAccount): Promise<string> {
    const appointment = await this.reader.visible(id, user);
    return calendarFile(
      [this.event(appointment, user.preferredLanguage)],
      this.city.pack.timeZone,
      this.text(this.city.pack.name, user.preferredLanguage),
    );
  }

  /** A new secret feed URL for an official (or admin), replacing the one they had. */
  async createFeed(owner: UserAccount, context: AuditContext): Promise<{ url: string }> {
    const token = randomBytes(32).toString('base64url');
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(CalendarFeed).update({ ownerId: owner.id, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
      const feed = await manager
        .getRepository(CalendarFeed)
        .save(manager.getRepository(CalendarFeed).create({ ownerId: owner.id, tokenHash: sha256(token) }));
      await this.audit.record(context, { action: 'calendar_feed.created', objectType: 'calendar_feed', objectId: feed.id }, manager);
    });
    return { url: feedPath(token) };
  }

  /** The feed URL stops working. */
  async revokeFeed(owner: UserAccount, context: AuditContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const revoked = await manager
        .getRepository(CalendarFeed)
        .update({ ownerId: owner.id, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
      if (!revoked.affected) throw new DomainError('NOT_FOUND');
      await this.audit.record(context, { action: 'calendar_feed.revoked', objectType: 'calendar_feed', objectId: owner.id }, manager);
    });
  }

  /**
   * The feed a secret file name opens: the coming appointments of the owner (of their department while they are not
   * linked to a pack official; of every department for an admin), booked or arrived, in the owner's language. NOT_FOUND for an unknown or revoked token, or an owner who
   * is no longer staff.
   */
  async feed(fileName: string): Promise<string> {
    const token = FEED_TOKEN.exec(fileName)?.[1];
    const feed = token
      ? await this.dataSource
          .getRepository(CalendarFeed)
          .findOne({ where: { tokenHash: sha256(token), revokedAt: IsNull() }, relations: { owner: true } })
      : null;
    const owner = feed?.owner;
    if (!owner || owner.disabledAt || owner.anonymisedAt || (owner.role !== 'official' && owner.role !== 'admin'))
      throw new DomainError('NOT_FOUND');
    const appointments = await this.dataSource.getRepository(Appointment).find({
      where: {
        status: In(['booked', 'arrived']),
        endsAt: MoreThan(new Date()),
        ...(owner.role === 'official' && owner.departmentId ? { departmentId: owner.departmentId } : {}),
        ...(owner.role === 'official' && owner.officialId ? { officialId: owner.officialId } : {}),
      },
      relations: { civicCase: true },
      order: { startsAt: 'ASC' },
      take: FEED_LIMIT,
    });
    return calendarFile(
      appointments.map((appointment) => this.event(appointment, owner.preferredLanguage)),
      this.city.pack.timeZone,
      this.text(this.city.pack.name, owner.preferredLanguage),
    );
  }

  /** SUMMARY, LOCATION and DESCRIPTION from the pack: the service, the hall and counter, the official and the case. */
  private event(appointment: Appointment, language: string): CalendarEvent {
    const { pack } = this.city;
    const service = this.city.service(appointment.serviceId);
    const official = pack.officials.find((candidate) => candidate.id === appointment.officialId);
    const counter = pack.cityHall.counters.find((candidate) => candidate.id === appointment.counterId);
    const place = [pack.cityHall.name, counter?.name].filter((text): text is LocalizedText => text !== undefined);
    return {
      uid: `${appointment.id}@${pack.id}.civicverse`,
      stamp: appointment.updatedAt,
      startsAt: appointment.startsAt,
      endsAt: appointment.endsAt,
      summary: service ? this.text(service.name, language) : appointment.serviceId,
      location: place.map((text) => this.text(text, language)).join(', '),
      description: [
        official ? `${this.text(official.name, language)} (${this.text(official.role, language)})` : appointment.officialId,
        appointment.civicCase?.caseNumber,
        service ? this.text(service.description, language) : undefined,
      ]
        .filter(Boolean)
        .join('\n'),
      status: appointment.status === 'cancelled' ? 'CANCELLED' : appointment.status === 'held' ? 'TENTATIVE' : 'CONFIRMED',
      sequence: appointment.revision,
    };
  }

  private text(text: LocalizedText, language: string): string {
    return text[language] ?? text[this.city.pack.languages[0] ?? 'en'] ?? Object.values(text)[0] ?? '';
  }
}
