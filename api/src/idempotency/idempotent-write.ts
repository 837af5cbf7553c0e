import {
  applyDecorators,
  type CallHandler,
  createParamDecorator,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  SetMetadata,
  UseInterceptors,
} from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import { type IdempotentAnswer, IdempotencyService } from './idempotency.service.js';

const KEY_REQUIRED = 'civicverse:idempotency-key-required';

/** A write's Idempotency-Key (if sent) and the request it came with, which a replay must match. */
export interface WriteRequest {
  key: string | undefined;
  route: string;
  body: unknown;
}

/** Sends a write's answer with its status; a replay says so in `Idempotent-Replayed`. */
@Injectable()
class IdempotentReply implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler<IdempotentAnswer<unknown>>): Observable<unknown> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((answer) => {
        reply.status(answer.status);
        if (answer.replayed) reply.header('Idempotent-Replayed', 'true');
        return answer.body;
      }),
    );
  }
}

/**
 * A write that runs once per Idempotency-Key: the handler takes its `@WriteRequestOf()` (used only with this decorator) and returns the service's
 * IdempotentAnswer, which goes out with its own status.
 */
export function IdempotentWrite({ keyRequired }: { keyRequired: boolean }): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: keyRequired,
      description: 'Up to 255 visible ASCII characters; the same key replays the first answer for 24 h.',
    }),
    SetMetadata(KEY_REQUIRED, keyRequired),
    UseInterceptors(IdempotentReply),
  );
}

/** The request as the idempotency store sees it: the checked key, the path (without query) and the body sent. */
export const WriteRequestOf = createParamDecorator((_: unknown, context: ExecutionContext): WriteRequest => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  const keyRequired = Reflect.getMetadata(KEY_REQUIRED, context.getHandler()) === true;
  return {
    key: IdempotencyService.keyOf(request.headers['idempotency-key'], keyRequired),
    route: request.url.split('?', 1)[0] ?? request.url,
    body: request.body ?? null,
  };
});
