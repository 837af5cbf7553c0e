import { Injectable } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service.js';
import type { UserAccount } from '../accounts/user-account.entity.js';
import { AuditService, type AuditContext } from '../audit/audit.service.js';
import { isCommonPassword } from '../auth/password-policy.js';
import { CityService } from '../city/city.service.js';
import { DomainError } from '../common/domain-error.js';
import type { ChangeRoleDto } from './dto/change-role.dto.js';
import type { CreateOfficialDto } from './dto/create-official.dto.js';

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
    const official = await this.accounts.create({
      ...dto,
      role: 'official',
      preferredLanguage: this.city.pack.languages[0] ?? 'en',
    });
    await this.audit.record(context, { action: 'account.role_changed', objectType: 'user_account', objectId: official.id });
    return official;
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
