import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, QueryFailedError, Repository } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { I18nService } from '../i18n/i18n.service.js';
import { hashPassword } from './password.js';
import { type Role, UserAccount } from './user-account.entity.js';

export interface NewAccount {
  email: string;
  displayName: string;
  password: string;
  preferredLanguage: string;
  role: Role;
  departmentId?: string | null;
  /** The city pack's official the account is; checked by the caller against the pack. */
  officialId?: string | null;
}

const UNIQUE_VIOLATION = '23505';

/** The unique index's violation, as the domain error it means; other errors as they are. */
function uniqueViolation(error: unknown): DomainError | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driverError = error.driverError as { code?: string; constraint?: string };
  if (driverError.code !== UNIQUE_VIOLATION) return undefined;
  return new DomainError(driverError.constraint === 'uq_user_account_official' ? 'ACCOUNT_OFFICIAL_TAKEN' : 'AUTH_EMAIL_TAKEN');
}

@Injectable()
export class AccountsService {
  constructor(
    @InjectRepository(UserAccount) private readonly accounts: Repository<UserAccount>,
    private readonly i18n: I18nService,
  ) {}

  assertLanguage(language: string, field: string): void {
    if (!this.i18n.languages.includes(language)) {
      throw new DomainError('VALIDATION_FAILED', {}, { fields: [{ field, rules: ['isIn'] }] });
    }
  }

  /** Creates an account; the database's unique index, not a prior look-up, decides that the email is free. */
  async create(account: NewAccount, manager?: EntityManager): Promise<UserAccount> {
    this.assertLanguage(account.preferredLanguage, 'preferredLanguage');
    const repository = manager?.getRepository(UserAccount) ?? this.accounts;
    try {
      return await repository.save(
        repository.create({
          email: account.email.trim().toLowerCase(),
          displayName: account.displayName,
          preferredLanguage: account.preferredLanguage,
          role: account.role,
          departmentId: account.departmentId ?? null,
          officialId: account.officialId ?? null,
          passwordHash: await hashPassword(account.password),
        }),
      );
    } catch (error) {
      throw uniqueViolation(error) ?? error;
    }
  }

  /** With the password hash, which is never selected otherwise. */
  findForSignIn(email: string): Promise<UserAccount | null> {
    return this.accounts
      .createQueryBuilder('account')
      .addSelect('account.passwordHash')
      .where('account.email = :email', { email: email.trim().toLowerCase() })
      .getOne();
  }

  async passwordHashOf(id: string): Promise<string> {
    const account = await this.accounts
      .createQueryBuilder('account')
      .addSelect('account.passwordHash')
      .where('account.id = :id', { id })
      .getOneOrFail();
    return account.passwordHash;
  }

  async updateProfile(user: UserAccount, changes: { displayName?: string; preferredLanguage?: string }): Promise<UserAccount> {
    if (changes.preferredLanguage !== undefined) this.assertLanguage(changes.preferredLanguage, 'preferredLanguage');
    await this.accounts.update({ id: user.id }, changes);
    return this.accounts.findOneByOrFail({ id: user.id });
  }

  /**
   * The account with its new role, or null when there is no such (unerased) account. The link to a pack official
   * stays only while the account stays an official of the same department (SET reads the row as it was).
   */
  async changeRole(id: string, role: Role, departmentId: string | null): Promise<UserAccount | null> {
    const result = await this.accounts
      .createQueryBuilder()
      .update()
      .set({ role, departmentId, officialId: () => `CASE WHEN :role = 'official' AND department_id = :departmentId THEN official_id END` })
      .where('id = :id AND anonymised_at IS NULL', { id })
      .setParameters({ role, departmentId })
      .execute();
    return result.affected ? this.accounts.findOneBy({ id }) : null;
  }

  /**
   * Links the account to a pack official (or unlinks it, with null), while it is still an official of `departmentId`:
   * the caller checked the official against that department. Null when the account no longer is one.
   */
  async linkOfficial(id: string, departmentId: string, officialId: string | null): Promise<UserAccount | null> {
    try {
      const result = await this.accounts
        .createQueryBuilder()
        .update()
        .set({ officialId })
        .where(`id = :id AND anonymised_at IS NULL AND role = 'official' AND department_id = :departmentId`, { id, departmentId })
        .execute();
      return result.affected ? this.accounts.findOneBy({ id }) : null;
    } catch (error) {
      throw uniqueViolation(error) ?? error;
    }
  }

  findById(id: string): Promise<UserAccount | null> {
    return this.accounts.findOneBy({ id });
  }

  async setPassword(id: string, password: string): Promise<void> {
    await this.accounts.update({ id }, { passwordHash: await hashPassword(password) });
  }
}
