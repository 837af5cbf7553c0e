import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import { formatOfPath, type Open311Document, render } from './open311-format.js';

/** Writes a handler's Open311Document as JSON or XML, whichever the path's suffix asked for. */
@Injectable()
export class Open311Interceptor implements NestInterceptor<Open311Document, string> {
  intercept(context: ExecutionContext, next: CallHandler<Open311Document>): Observable<string> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((document) => {
        const { contentType, payload } = render(formatOfPath(request.url), document);
        void reply.type(contentType);
        return payload;
      }),
    );
  }
}
