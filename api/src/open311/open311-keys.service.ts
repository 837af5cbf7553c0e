import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, IsNull, Repository } from 'typeorm';
import { AuditService, type AuditContext } from '../audit/audit.service.js';
import { DomainError } from '../common/domain-error.js';
import { sha256 } from '../common/sha256.js';
import { Open311ApiKey } from './open311-api-key.entity.js';

/** A key as admins see it: never the key itself, which exists only in the answer that issued it. */
export interface Open311KeyView {
  id: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

const KEY_BYTES = 32;
/** A key is 43 base64url characters; anything else is not worth a database lookup. */
const KEY_FORMAT = /^[A-Za-z0-9_-]{43}$/;

const keyHash = (key: string): string => sha256(key).toString('hex');

@Injectable()
export class Open311KeysService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Open311ApiKey) private readonly keys: Repository<Open311ApiKey>,
    private readonly audit: AuditService,
  ) {}

  /** A new key: the answer is the only place it ever appears; the database keeps its hash. */
  async issue(name: string, context: AuditContext): Promise<{ id: string; name: string; createdAt: string; apiKey: string }> {
    const apiKey = randomBytes(KEY_BYTES).toString('base64url');
    return this.dataSource.transaction(async (manager) => {
      const key = await manager
        .getRepository(Open311ApiKey)
        .save(manager.getRepository(Open311ApiKey).create({ name, keyHash: keyHash(apiKey), createdBy: context.actorId }));
      await this.audit.record(context, { action: 'open311_key.issued', objectType: 'open311_api_key', objectId: key.id }, manager);
      return { id: key.id, name: key.name, createdAt: key.createdAt.toISOString(), apiKey };
    });
  }

  async list(context: AuditContext): Promise<Open311KeyView[]> {
    const keys = await this.keys.find({ order: { createdAt: 'DESC' } });
    await this.audit.record(context, { action: 'open311_key.listed', objectType: 'open311_api_key' });
    return keys.map((key) => ({
      id: key.id,
      name: key.name,
      createdAt: key.createdAt.toISOString(),
      revokedAt: key.revokedAt?.toISOString() ?? null,
      lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    }));
  }

  /** Revokes for good; revoking a revoked key changes nothing. */
  async revoke(id: string, context: AuditContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const key = await manager.getRepository(Open311ApiKey).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!key) throw new DomainError('NOT_FOUND');
      if (key.revokedAt === null) await manager.getRepository(Open311ApiKey).update({ id }, { revokedAt: () => 'now()' });
      await this.audit.record(context, { action: 'open311_key.revoked', objectType: 'open311_api_key', objectId: id }, manager);
    });
  }

  /** The active key the caller presented, noting its use; undefined for an unknown or revoked one. */
  async verify(presented: string): Promise<Open311ApiKey | undefined> {
    if (!KEY_FORMAT.test(presented)) return undefined;
    const key = await this.keys.findOneBy({ keyHash: keyHash(presented), revokedAt: IsNull() });
    if (!key) return undefined;
    await this.keys.update({ id: key.id }, { lastUsedAt: () => 'now()' });
    return key;
  }
}
