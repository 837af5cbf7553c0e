import { type ArgumentsHost, Catch, type ExceptionFilter, NotFoundException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PortalFallback } from '../portal/portal-fallback.js';
import { ErrorResponder } from './error-responder.js';

/** The global filter: every exception Nest sees leaves through ErrorResponder. */
@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  constructor(
    private readonly responder: ErrorResponder,
    private readonly portal: PortalFallback,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    // The portal routes in the browser: a page path the API does not know is the portal's index.html.
    if (exception instanceof NotFoundException && this.portal.servesPage(request)) {
      this.portal.sendIndex(reply);
      return;
    }
    this.responder.send(exception, request, reply);
  }
}
