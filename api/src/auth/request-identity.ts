import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Role, UserAccount } from '../accounts/user-account.entity.js';
import type { AuditContext } from '../audit/audit.service.js';

/** What the session guard attaches to a request. */
export interface RequestIdentity {
  user?: UserAccount;
  sessionId?: string;
  /** Set when the request came with a personal access token (`Authorization: Bearer`) instead of the cookie. */
  accessTokenId?: string;
}

export type IdentifiedRequest = FastifyRequest & RequestIdentity;

export const ROLES = 'roles';

/** Only these roles may use the route; others get 403 FORBIDDEN (audited). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

/** The signed-in person; use on routes that are not @Public(), where the guard guarantees one. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): UserAccount => {
  const { user } = context.switchToHttp().getRequest<IdentifiedRequest>();
  if (!user) throw new Error('CurrentUser used on a route without a signed-in user');
  return user;
});

/** The signed-in person if there is one, on a @Public() route. */
export const OptionalUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): UserAccount | undefined => context.switchToHttp().getRequest<IdentifiedRequest>().user,
);

export function auditContextOf(request: IdentifiedRequest): AuditContext {
  return { actorId: request.user?.id ?? null, source: 'web', requestId: String(request.id) };
}

/** The audit context of the request: who (if anyone) and which request. */
export const Audit = createParamDecorator((_data: unknown, context: ExecutionContext): AuditContext =>
  auditContextOf(context.switchToHttp().getRequest<IdentifiedRequest>()),
);
