import { Inject, Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import type { Redis } from 'ioredis';
import { DataSource, MoreThan } from 'typeorm';
import type { UserAccount } from '../accounts/user-account.entity.js';
import { AuditService, type AuditContext } from '../audit/audit.service.js';
import { CityService } from '../city/city.service.js';
import { DomainError } from '../common/domain-error.js';
import { APP_CONFIG } from '../config/app-config.token.js';
import type { AppConfig } from '../config/environment.js';
import { REDIS } from '../redis/redis.token.js';
import { ConsultationMessage } from './consultation-message.entity.js';
import {
  CONSULTATION_MESSAGE_MAX_LENGTH,
  type ConsultationMessageView,
  type ConsultationRole,
  type ConsultationView,
} from './consultation-view.types.js';
import { consultationView, messageView, shownName, sideOf } from './consultation.view.js';
import { Consultation } from './consultation.entity.js';
import { SharedMessageRateLimit } from './message-rate-limit-shared.js';

/** Messages per participant per consultation: 20 in any 10 seconds, across every instance when REDIS_URL is set. */
export const MESSAGES_PER_WINDOW = 20;
export const MESSAGE_WINDOW_MS = 10_000;

export interface Joined {
  role: ConsultationRole;
  consultation: ConsultationView;
  /** Every message after the `lastSeenSeq` the client gave: what it missed while away. */
  messages: ConsultationMessageView[];
  becameLive: boolean;
  /** The citizen's and the official's account ids, whose other devices hear it go live. */
  people: string[];
}

/** The chat's rules, for ConsultationChatGateway: who may join, storing messages in order and once, read receipts. */
@Injectable()
export class ConsultationChatService {
  private readonly rateLimit: SharedMessageRateLimit;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) redis: Redis | null,
    city: CityService,
  ) {
    const nameSpace = `civicverse:${city.pack.id}:consultation-messages:`;
    this.rateLimit = new SharedMessageRateLimit(redis, nameSpace, MESSAGES_PER_WINDOW, MESSAGE_WINDOW_MS);
  }

  /** A participant (or an admin, as supervisor) joins; the consultation goes live once both participants have. Audited. */
  async join(person: UserAccount, consultationId: unknown, lastSeenSeq: unknown): Promise<Joined> {
    const id = idOf(consultationId);
    const after = typeof lastSeenSeq === 'number' && Number.isInteger(lastSeenSeq) && lastSeenSeq > 0 ? lastSeenSeq : 0;
    const { role, becameLive } = await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(Consultation);
      const consultation = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      const side = consultation ? sideOf(consultation, person) : null;
      if (!consultation || !side) throw new DomainError('NOT_FOUND');
      if (side === 'citizen' && consultation.citizenRemoved) throw new DomainError('CONSULTATION_REMOVED');
      if (consultation.state === 'ended') throw new DomainError('CONSULTATION_NOT_OPEN');
      const now = new Date();
      const citizenJoinedAt = side === 'citizen' ? (consultation.citizenJoinedAt ?? now) : consultation.citizenJoinedAt;
      const officialJoinedAt = side === 'official' ? (consultation.officialJoinedAt ?? now) : consultation.officialJoinedAt;
      const goesLive = consultation.state === 'waiting' && citizenJoinedAt !== null && officialJoinedAt !== null;
      await repository.update({ id }, { citizenJoinedAt, officialJoinedAt, ...(goesLive ? { state: 'live', liveAt: now } : {}) });
      await this.audit.record(socketContext(person), { action: 'consultation.joined', objectType: 'consultation', objectId: id }, manager);
      return { role: side, becameLive: goesLive };
    });
    const consultation = await this.dataSource
      .getRepository(Consultation)
      .findOneOrFail({ where: { id }, relations: { civicCase: true, citizen: true, official: true } });
    const messages = await this.dataSource
      .getRepository(ConsultationMessage)
      .find({ where: { consultationId: id, seq: MoreThan(after) }, relations: { author: true }, order: { seq: 'ASC' } });
    const people = [consultation.citizenId, consultation.officialId].filter((personId): personId is string => personId !== null);
    return { role, consultation: consultationView(consultation, this.config), messages: messages.map(messageView), becameLive, people };
  }

  /**
   * Stores a message with the consultation's next sequence number, under the consultation's row lock: numbers are
   * gapless and in the order stored. A `clientId` already stored returns that message (`fresh` false) instead of a copy.
   */
  async send(
    person: UserAccount,
    consultationId: unknown,
    clientId: unknown,
    text: unknown,
  ): Promise<{ message: ConsultationMessageView; fresh: boolean }> {
    const id = idOf(consultationId);
    const words = typeof text === 'string' ? text.trim() : '';
    if (typeof clientId !== 'string' || !isUUID(clientId) || words.length === 0) {
      throw new DomainError('VALIDATION_FAILED', {}, { fields: [{ field: words ? 'clientId' : 'text', rules: ['isDefined'] }] });
    }
    if (words.length > CONSULTATION_MESSAGE_MAX_LENGTH) {
      throw new DomainError('CONSULTATION_MESSAGE_TOO_LONG', { limit: CONSULTATION_MESSAGE_MAX_LENGTH });
    }
    if (!(await this.rateLimit.allow(`${id}:${person.id}`))) throw new DomainError('CONSULTATION_RATE_LIMITED');
    return this.dataSource.transaction(async (manager) => {
      const consultation = await manager.getRepository(Consultation).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      const side = consultation ? sideOf(consultation, person) : null;
      if (!consultation || !side) throw new DomainError('NOT_FOUND');
      const messages = manager.getRepository(ConsultationMessage);
      const stored = await messages.findOne({ where: { consultationId: id, clientId }, relations: { author: true } });
      if (stored) return { message: messageView(stored), fresh: false };
      if (consultation.state === 'ended') throw new DomainError('CONSULTATION_NOT_OPEN');
      if (side === 'citizen' && consultation.citizenRemoved) throw new DomainError('CONSULTATION_REMOVED');
      if (side === 'citizen' && consultation.citizenMuted) throw new DomainError('CONSULTATION_MUTED');
      const seq = consultation.lastSeq + 1;
      await manager.getRepository(Consultation).update({ id }, { lastSeq: seq });
      const saved = await messages.save(
        messages.create({ consultationId: id, seq, clientId, authorId: person.id, authorRole: side, text: words }),
      );
      const fresh = await messages.findOneByOrFail({ id: saved.id });
      return { message: { ...messageView(fresh), authorName: shownName(person) }, fresh: true };
    });
  }

  /** A participant has read up to `seq` (never beyond the newest message, never backwards); the stored value is returned. */
  async markRead(person: UserAccount, role: ConsultationRole, consultationId: string, seq: unknown): Promise<number> {
    if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 0) {
      throw new DomainError('VALIDATION_FAILED', {}, { fields: [{ field: 'seq', rules: ['isInt'] }] });
    }
    if (role === 'supervisor') return seq;
    const column = role === 'citizen' ? 'citizen_read_seq' : 'official_read_seq';
    const owner = role === 'citizen' ? 'citizen_id' : 'official_id';
    const [rows] = await this.dataSource.query<[{ read: number }[], number]>(
      `UPDATE consultation SET ${column} = GREATEST(${column}, LEAST($3::int, last_seq))
        WHERE id = $1 AND ${owner} = $2 RETURNING ${column} AS read`,
      [consultationId, person.id, seq],
    );
    const read = rows[0]?.read;
    if (read === undefined) throw new DomainError('NOT_FOUND');
    return read;
  }
}

/** Ids name a consultation only as UUIDs; anything else is as missing as an unknown one. */
function idOf(value: unknown): string {
  if (typeof value !== 'string' || !isUUID(value)) throw new DomainError('NOT_FOUND');
  return value;
}

/** The audit context of a socket's action: the person, the web, no request id. */
export const socketContext = (person: UserAccount): AuditContext => ({ actorId: person.id, source: 'web', requestId: null });
