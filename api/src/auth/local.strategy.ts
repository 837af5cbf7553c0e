import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard, PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import type { UserAccount } from '../accounts/user-account.entity.js';
import { DomainError } from '../common/domain-error.js';
import { AuthService } from './auth.service.js';
import { auditContextOf, type IdentifiedRequest } from './request-identity.js';

/** Email and password, through passport-local. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy) {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  validate(request: IdentifiedRequest, email: unknown, password: unknown): Promise<UserAccount> {
    // The body has not been through validation yet (guards run before pipes): a wrong shape is wrong credentials.
    if (typeof email !== 'string' || typeof password !== 'string' || email.length > 254 || password.length > 128) {
      return Promise.reject(new DomainError('AUTH_INVALID_CREDENTIALS'));
    }
    return this.auth.verifyCredentials(email, password, auditContextOf(request));
  }
}

/** passport-local's own refusals (a missing field) get the same answer as wrong credentials. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override handleRequest<T>(error: unknown, user: T | false, _info: unknown, _context: ExecutionContext): T {
    if (error instanceof Error) throw error;
    if (error || !user) throw new DomainError('AUTH_INVALID_CREDENTIALS');
    return user;
  }
}
