import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service.js';
import { hashPassword, verifyPassword } from '../accounts/password.js';
import type { UserAccount } from '../accounts/user-account.entity.js';
import { AuditService, type AuditContext } from '../audit/audit.service.js';
import { DomainError } from '../common/domain-error.js';
import type { RegisterDto } from './dto/register.dto.js';
import { LoginThrottle } from './login-throttle.js';
import { isCommonPassword } from './password-policy.js';
import { AccessTokensService } from './access-tokens.service.js';
import { SessionsService } from './sessions.service.js';

@Injectable()
export class AuthService implements OnModuleInit {
  /** Checked against when the email is unknown, so that such an answer takes as long as a wrong password. */
  private decoyHash = '';

  constructor(
    private readonly accounts: AccountsService,
    private readonly sessions: SessionsService,
    private readonly accessTokens: AccessTokensService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
  ) {}

  async onModuleInit(): Promise<void> {
    this.decoyHash = await hashPassword(`decoy-${Math.random()}`);
  }

  async register(dto: RegisterDto, context: AuditContext): Promise<UserAccount> {
    if (isCommonPassword(dto.password)) throw new DomainError('AUTH_PASSWORD_TOO_COMMON');
    const user = await this.accounts.create({ ...dto, role: 'citizen' });
    await this.audit.record(
      { ...context, actorId: user.id },
      { action: 'account.registered', objectType: 'user_account', objectId: user.id },
    );
    return user;
  }

  /** The person behind the credentials, or AUTH_INVALID_CREDENTIALS; the same answer, in about the same time, for an unknown email. */
  async verifyCredentials(email: string, password: string, context: AuditContext): Promise<UserAccount> {
    try {
      await this.throttle.assertAllowed(email);
    } catch (error) {
      await this.audit.record(context, { action: 'auth.login', outcome: 'denied' });
      throw error;
    }
    const account = await this.accounts.findForSignIn(email);
    const usable = account !== null && account.disabledAt === null && account.anonymisedAt === null;
    const matches = await verifyPassword(usable ? account.passwordHash : this.decoyHash, password);
    if (!usable || !matches) {
      await this.throttle.recordFailure(email);
      await this.audit.record(context, { action: 'auth.login', objectType: 'user_account', objectId: account?.id, outcome: 'failed' });
      throw new DomainError('AUTH_INVALID_CREDENTIALS');
    }
    await this.audit.record(
      { ...context, actorId: account.id },
      { action: 'auth.login', objectType: 'user_account', objectId: account.id },
    );
    return account;
  }

  async changePassword(
    user: UserAccount,
    sessionId: string | undefined,
    current: string,
    next: string,
    context: AuditContext,
  ): Promise<void> {
    await this.assertPassword(user, current, context, 'account.password_changed');
    if (isCommonPassword(next)) throw new DomainError('AUTH_PASSWORD_TOO_COMMON');
    await this.accounts.setPassword(user.id, next);
    await this.sessions.endAllOf(user.id, sessionId);
    await this.accessTokens.revokeAllOf(user.id);
    await this.audit.record(context, { action: 'account.password_changed', objectType: 'user_account', objectId: user.id });
  }

  /** For actions that need the password again (changing it, erasing the account). */
  async assertPassword(user: UserAccount, password: string, context: AuditContext, action: string): Promise<void> {
    if (!(await verifyPassword(await this.accounts.passwordHashOf(user.id), password))) {
      await this.audit.record(context, { action, objectType: 'user_account', objectId: user.id, outcome: 'denied' });
      throw new DomainError('AUTH_PASSWORD_MISMATCH');
    }
  }
}
