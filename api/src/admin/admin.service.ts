import { Injectable } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service.js';
import type { UserAccount } from '../accounts/user-account.entity.js';
import { AuditService, type AuditContext, type AuditEntry } from '../audit/audit.service.js';
import { isCommonPassword } from '../auth/password-policy.js';
import { CityService } from '../city/city.service.js';
import { DomainError } from '../common/domain-error.js';
import type { ChangeRoleDto } from './dto/change-role.dto.js';
import type { CreateOfficialDto } from './dto/create-official.dto.js';

type Linkable = Pick<UserAccount, 'role' | 'departmentId'>;

@Injectable()
export class AdminService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly city: CityService,
    private readonly audit: AuditService,
  ) {}

  async createOfficial(dto: CreateOfficialDto, context: AuditContext): Promise<UserAccount> {
    if (!this.city.department(dto.departmentId)) throw new DomainError('CITY_UNKNOWN_DEPARTMENT');
    if (isCommonPassword(dto.password)) throw new DomainError('AUTH_PASSWORD_TOO_COMMON');
    if (dto.officialId !== undefined) this.checkOfficialLink({ role: 'official', departmentId: dto.departmentId }, dto.officialId);
    const official = await this.accounts.create({
      ...dto,
      role: 'official',
      preferredLanguage: this.city.pack.languages[0] ?? 'en',
    });
    await this.audit.record(context, { action: 'account.role_changed', objectType: 'user_account', objectId: official.id });
    if (official.officialId) await this.audit.record(context, linkedEntry(official.id, official.officialId));
    return official;
  }

  /** Links an official's account to the pack official it is, or unlinks it (null). */
  async linkOfficial(accountId: string, officialId: string | null, context: AuditContext): Promise<UserAccount> {
    const account = await this.accounts.findById(accountId);
    if (!account || account.anonymisedAt) throw new DomainError('NOT_FOUND');
    if (officialId === null) this.checkIsOfficial(account);
    else this.checkOfficialLink(account, officialId);
    // The update is guarded by the role and department checked here, so a concurrent role change cannot slip by.
    const linked = await this.accounts.linkOfficial(accountId, account.departmentId ?? '', officialId);
    if (!linked) throw new DomainError('NOT_FOUND');
    await this.audit.record(context, linkedEntry(accountId, officialId));
    return linked;
  }

  /** The one rule of a link: only an official's account, to a pack official of the account's own department. */
  private checkOfficialLink(account: Linkable, officialId: string): void {
    this.checkIsOfficial(account);
    const official = this.city.pack.officials.find((candidate) => candidate.id === officialId);
    if (!official || official.departmentId !== account.departmentId) throw new DomainError('ACCOUNT_OFFICIAL_NOT_IN_DEPARTMENT');
  }

  private checkIsOfficial(account: Linkable): void {
    if (account.role !== 'official' || !account.departmentId) throw new DomainError('ACCOUNT_NOT_AN_OFFICIAL');
  }

  /** Gives an account a role and, for an official, a department; an erased account cannot be changed. */
  async changeRole(accountId: string, dto: ChangeRoleDto, context: AuditContext): Promise<UserAccount> {
    const official = dto.role === 'official';
    if (official !== (dto.departmentId !== undefined)) {
      throw new DomainError('VALIDATION_FAILED', {}, { fields: [{ field: 'departmentId', rules: [official ? 'isDefined' : 'isEmpty'] }] });
    }
    if (dto.departmentId !== undefined && !this.city.department(dto.departmentId)) throw new DomainError('CITY_UNKNOWN_DEPARTMENT');
    const changed = await this.accounts.changeRole(accountId, dto.role, dto.departmentId ?? null);
    if (!changed) throw new DomainError('NOT_FOUND');
    await this.audit.record(context, { action: 'account.role_changed', objectType: 'user_account', objectId: accountId });
    return changed;
  }
}

function linkedEntry(accountId: string, officialId: string | null): AuditEntry {
  return {
    action: officialId === null ? 'account.official_unlinked' : 'account.official_linked',
    objectType: 'user_account',
    objectId: accountId,
  };
}
