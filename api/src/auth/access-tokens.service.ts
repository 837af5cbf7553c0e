import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { type EntityManager, Repository } from 'typeorm';
import type { UserAccount } from '../accounts/user-account.entity.js';
import { AuditService, type AuditContext } from '../audit/audit.service.js';
import { DomainError } from '../common/domain-error.js';
import { sha256 } from '../common/sha256.js';
import { AccessToken } from './access-token.entity.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** last_used_at is written at most this often, so API calls do not all turn into writes. */
const TOUCH_EVERY_MS = 60_000;
/** A recognisable prefix (secret scanners can find leaked tokens) and 32 random bytes. */
const TOKEN = /^cvp_[A-Za-z0-9_-]{43}$/;

export interface AccessTokenView {
  id: string;
  name: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
}

const viewOf = (token: AccessToken): AccessTokenView => ({
  id: token.id,
  name: token.name,
  createdAt: token.createdAt.toISOString(),
  expiresAt: token.expiresAt.toISOString(),
  lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
});

/** Personal access tokens: `Authorization: Bearer cvp_…` for a person's own API clients. */
@Injectable()
export class AccessTokensService {
  constructor(
    @InjectRepository(AccessToken) private readonly tokens: Repository<AccessToken>,
    private readonly audit: AuditService,
  ) {}

  async create(
    user: UserAccount,
    name: string,
    expiresInDays: number,
    context: AuditContext,
  ): Promise<AccessTokenView & { token: string }> {
    const token = `cvp_${randomBytes(32).toString('base64url')}`;
    const saved = await this.tokens.manager.transaction(async (manager) => {
      const created = await manager
        .getRepository(AccessToken)
        .save(
          manager
            .getRepository(AccessToken)
            .create({ userId: user.id, name, tokenHash: sha256(token), expiresAt: new Date(Date.now() + expiresInDays * DAY_MS) }),
        );
      await this.audit.record(context, { action: 'access_token.created', objectType: 'access_token', objectId: created.id }, manager);
      return manager.getRepository(AccessToken).findOneByOrFail({ id: created.id });
    });
    return { ...viewOf(saved), token };
  }

  async list(user: UserAccount): Promise<AccessTokenView[]> {
    return (await this.tokens.find({ where: { userId: user.id }, order: { createdAt: 'DESC' } })).map(viewOf);
  }

  async revoke(user: UserAccount, id: string, context: AuditContext): Promise<void> {
    await this.tokens.manager.transaction(async (manager) => {
      const removed = await manager.getRepository(AccessToken).delete({ id, userId: user.id });
      if (!removed.affected) throw new DomainError('NOT_FOUND');
      await this.audit.record(context, { action: 'access_token.revoked', objectType: 'access_token', objectId: id }, manager);
    });
  }

  /** The person a bearer token acts for, if it is well-formed, unexpired and the account usable. */
  async resolve(bearer: string): Promise<{ tokenId: string; user: UserAccount } | undefined> {
    if (!TOKEN.test(bearer)) return undefined;
    const found = await this.tokens
      .createQueryBuilder('token')
      .innerJoinAndSelect('token.user', 'user')
      .where('token.token_hash = :hash', { hash: sha256(bearer) })
      .andWhere('token.expires_at > now()')
      .andWhere('user.disabled_at IS NULL AND user.anonymised_at IS NULL')
      .getOne();
    if (!found?.user) return undefined;
    if (Date.now() - (found.lastUsedAt?.getTime() ?? 0) > TOUCH_EVERY_MS) {
      await this.tokens.update({ id: found.id }, { lastUsedAt: () => 'now()' });
    }
    return { tokenId: found.id, user: found.user };
  }

  /** On erasure and on a password change: every token of the person stops working. */
  async revokeAllOf(userId: string, manager: EntityManager = this.tokens.manager): Promise<void> {
    await manager.getRepository(AccessToken).delete({ userId });
  }
}
