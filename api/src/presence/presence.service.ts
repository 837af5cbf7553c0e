import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { UserAccount } from '../accounts/user-account.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { CityService } from '../city/city.service.js';
import { DomainError } from '../common/domain-error.js';
import { socketContext } from '../consultations/consultation-chat.service.js';
import { MessageRateLimit } from '../consultations/message-rate-limit.js';
import { place, type Placement } from './personal-space.js';
import { PresenceReport } from './presence-report.entity.js';
import {
  MOVES_PER_SECOND,
  type PresenceClearReason,
  presenceClearReasons,
  type PresenceReportReason,
  presenceReportReasons,
  type VisitorPosition,
} from './presence.types.js';

/** What a visitor asked for: a spot on the floor and a heading, checked before anything else looks at it. */
export interface Spot {
  lat: number;
  lon: number;
  headingDegrees: number;
}

const fieldsOf = (body: unknown): Record<string, unknown> =>
  typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};

const invalid = (field: string) => new DomainError('VALIDATION_FAILED', {}, { fields: [{ field, rules: ['isValid'] }] });

/**
 * The rules of presence, for PresenceGateway: what a spot is, where a visitor may stand (inside the hall, outside
 * everyone's bubble), how fast they may move, reports and clearing the hall. Holds no positions: they live on the
 * sockets, in memory, and are never written anywhere.
 */
@Injectable()
export class PresenceService {
  private readonly moves = new MessageRateLimit(MOVES_PER_SECOND, 1000);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly city: CityService,
  ) {}

  get hallId(): string {
    return this.city.pack.cityHall.id;
  }

  /** Finite numbers in range, or VALIDATION_FAILED naming the field; the heading defaults to north. */
  spotOf(body: unknown): Spot {
    const { lat, lon, headingDegrees } = fieldsOf(body);
    if (typeof lat !== 'number' || !Number.isFinite(lat) || Math.abs(lat) > 90) throw invalid('lat');
    if (typeof lon !== 'number' || !Number.isFinite(lon) || Math.abs(lon) > 180) throw invalid('lon');
    if (headingDegrees !== undefined && (typeof headingDegrees !== 'number' || !Number.isFinite(headingDegrees)))
      throw invalid('headingDegrees');
    return { lat, lon, headingDegrees: (((headingDegrees ?? 0) % 360) + 360) % 360 };
  }

  /** Where the visitor ends up (see personal-space.ts), or the code that refuses the spot. */
  placeAt(spot: Spot, from: VisitorPosition | null, others: readonly VisitorPosition[]): Placement {
    return place(spot, from, others, this.city.pack.cityHall.footprint);
  }

  /** False once a socket has sent more than MOVES_PER_SECOND moves in the last second: the move is dropped. */
  allowMove(socketId: string): boolean {
    return this.moves.allow(socketId);
  }

  visitorIdOf(body: unknown): string {
    const { visitorId } = fieldsOf(body);
    if (typeof visitorId !== 'string' || !/^[0-9a-f]{16}$/.test(visitorId)) throw invalid('visitorId');
    return visitorId;
  }

  /** Stores who reported whom, why and when — no position — and audits it. */
  async report(reporter: UserAccount, reportedId: string, body: unknown): Promise<void> {
    const { reason } = fieldsOf(body);
    if (!presenceReportReasons.includes(reason as PresenceReportReason)) throw invalid('reason');
    if (reportedId === reporter.id) throw new DomainError('NOT_FOUND');
    await this.dataSource.transaction(async (manager) => {
      const stored = await manager
        .getRepository(PresenceReport)
        .save({ hallId: this.hallId, reporterId: reporter.id, reportedId, reason: reason as PresenceReportReason });
      await this.audit.record(
        socketContext(reporter),
        { action: 'presence.reported', objectType: 'presence_report', objectId: stored.id },
        manager,
      );
    });
  }

  /** Officials and admins only; audited. Returns the reason every visitor is told. */
  async clear(person: UserAccount, body: unknown): Promise<PresenceClearReason> {
    if (person.role !== 'official' && person.role !== 'admin') throw new DomainError('FORBIDDEN');
    const { reason } = fieldsOf(body);
    if (!presenceClearReasons.includes(reason as PresenceClearReason)) throw invalid('reason');
    await this.audit.record(socketContext(person), { action: 'presence.cleared', objectType: 'hall', objectId: this.hallId });
    return reason as PresenceClearReason;
  }
}
