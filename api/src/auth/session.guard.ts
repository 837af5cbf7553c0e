import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '../accounts/user-account.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { DomainError } from '../common/domain-error.js';
import { IS_PUBLIC } from '../common/public.decorator.js';
import { auditContextOf, type IdentifiedRequest, ROLES } from './request-identity.js';
import { AccessTokensService } from './access-tokens.service.js';
import { readSessionToken } from './session-cookie.js';
import { SessionsService } from './sessions.service.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The global guard: every route needs a signed-in person unless marked @Public(). It attaches the person
 * to the request, refuses cross-site writes, and enforces @Roles().
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    private readonly accessTokens: AccessTokensService,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Sockets of /live are admitted by LiveGateway at the handshake, from the same cookie and origin rules.
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<IdentifiedRequest>();
    const targets = [context.getHandler(), context.getClass()];
    if (!SAFE_METHODS.has(request.method)) assertSameSite(request);

    const bearer = bearerTokenOf(request);
    if (bearer !== undefined) {
      // A token that was sent must work: a client is told at once, not treated as signed out.
      const resolved = await this.accessTokens.resolve(bearer);
      if (!resolved) throw new DomainError('AUTH_REQUIRED', {}, {}, { 'www-authenticate': 'Bearer error="invalid_token"' });
      request.user = resolved.user;
      request.accessTokenId = resolved.tokenId;
    } else {
      const token = readSessionToken(request);
      const active = token ? await this.sessions.resolve(token) : undefined;
      if (active) {
        request.user = active.user;
        request.sessionId = active.sessionId;
      }
    }
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    if (!request.user) throw new DomainError('AUTH_REQUIRED');

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(request.user.role)) {
      await this.audit.record(auditContextOf(request), {
        action: 'access.denied',
        objectType: 'route',
        objectId: routeOf(request),
        outcome: 'denied',
      });
      throw new DomainError('FORBIDDEN');
    }
    return true;
  }
}

/**
 * A browser says where a request comes from (Sec-Fetch-Site, Origin). A write from another site — which would
 * carry the person's cookie — is refused. Clients that are not browsers send neither and hold no ambient cookie.
 */
function assertSameSite(request: IdentifiedRequest): void {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') throw new DomainError('CSRF_REJECTED');
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== `${request.protocol}://${request.host}`) throw new DomainError('CSRF_REJECTED');
}

function routeOf(request: IdentifiedRequest): string {
  return `${request.method} ${request.routeOptions.url ?? ''}`.slice(0, 64);
}

/** The token of `Authorization: Bearer <token>`, or undefined without that header. */
function bearerTokenOf(request: IdentifiedRequest): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const [scheme, token] = header.trim().split(/\s+/, 2);
  return scheme?.toLowerCase() === 'bearer' ? (token ?? '') : undefined;
}
