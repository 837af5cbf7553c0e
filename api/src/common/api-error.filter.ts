import { type ArgumentsHost, Catch, type ExceptionFilter, NotFoundException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isOpen311Path } from '../open311/open311-format.js';
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
    // Live sockets answer their own errors (LiveGateway); an exception there is a bug, logged by the responder.
    if (host.getType() !== 'http') {
      this.responder.logUnexpected(exception);
      return;
    }
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    // The portal routes in the browser: a page path the API does not know is the portal's index.html.
    if (exception instanceof NotFoundException && !isOpen311Path(request.url) && this.portal.servesPage(request)) {
      this.portal.sendIndex(reply);
      return;
    }
    this.responder.send(exception, request, reply);
  }
}
