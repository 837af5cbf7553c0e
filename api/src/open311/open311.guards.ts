import { type CanActivate, createParamDecorator, type ExecutionContext, Injectable } from '@nestjs/common';
import type { AuditContext } from '../audit/audit.service.js';
import type { IdentifiedRequest } from '../auth/request-identity.js';
import { CityService } from '../city/city.service.js';
import { DomainError } from '../common/domain-error.js';
import type { Open311ApiKey } from './open311-api-key.entity.js';
import { Open311KeysService } from './open311-keys.service.js';

type Open311Request = IdentifiedRequest & { open311Key?: Open311ApiKey };

const fieldOf = (source: unknown, name: string): unknown =>
  typeof source === 'object' && source !== null ? (source as Record<string, unknown>)[name] : undefined;

/** `jurisdiction_id` may be given on every route; a value that is not this city's answers 404 before anything else. */
@Injectable()
export class JurisdictionGuard implements CanActivate {
  constructor(private readonly city: CityService) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Open311Request>();
    const jurisdiction = fieldOf(request.query, 'jurisdiction_id') ?? fieldOf(request.body, 'jurisdiction_id');
    if (jurisdiction !== undefined && jurisdiction !== '' && jurisdiction !== this.city.pack.id) {
      throw new DomainError('OPEN311_UNKNOWN_JURISDICTION');
    }
    return true;
  }
}

/**
 * Filing needs an `api_key` field that names a key an admin issued and has not revoked; the key, not a cookie
 * session, is who acts. Anything else answers 403 before the form is read.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(private readonly keys: Open311KeysService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Open311Request>();
    const presented = fieldOf(request.body, 'api_key');
    const key = typeof presented === 'string' ? await this.keys.verify(presented) : undefined;
    if (!key) throw new DomainError('OPEN311_API_KEY_INVALID');
    request.open311Key = key;
    return true;
  }
}

/** The audit context of a request filed with an API key: the key is the actor. */
export const KeyAudit = createParamDecorator((_data: unknown, context: ExecutionContext): AuditContext => {
  const request = context.switchToHttp().getRequest<Open311Request>();
  if (!request.open311Key) throw new Error('KeyAudit used on a route without ApiKeyGuard');
  return { actorId: request.open311Key.id, source: 'open311', requestId: String(request.id) };
});
