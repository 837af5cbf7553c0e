import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { AuditEvent, type AuditOutcome, type AuditSource } from './audit-event.entity.js';

/** Where an action came from, as the audit log records it: ids only. */
export interface AuditContext {
  actorId: string | null;
  source: AuditSource;
  requestId: string | null;
}

export interface AuditEntry {
  action: string;
  objectType?: string;
  objectId?: string;
  outcome?: AuditOutcome;
}

export const CLI_CONTEXT: AuditContext = { actorId: null, source: 'cli', requestId: null };

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  /** Appends one event; pass the transaction's manager to make it part of the change it records. */
  async record(context: AuditContext, entry: AuditEntry, manager?: EntityManager): Promise<void> {
    const repository = manager ? manager.getRepository(AuditEvent) : this.events;
    await repository.insert({
      actorId: context.actorId,
      source: context.source,
      requestId: context.requestId,
      action: entry.action,
      objectType: entry.objectType ?? null,
      objectId: entry.objectId ?? null,
      outcome: entry.outcome ?? 'ok',
    });
  }

  /** Newest first, `limit` at most, before the event id `before` when paging. */
  list(limit: number, before?: string): Promise<AuditEvent[]> {
    const query = this.events.createQueryBuilder('event').orderBy('event.id', 'DESC').limit(limit);
    if (before) query.where('event.id < :before', { before });
    return query.getMany();
  }

  about(actorId: string): Promise<AuditEvent[]> {
    return this.events.find({ where: { actorId }, order: { id: 'ASC' } });
  }
}
