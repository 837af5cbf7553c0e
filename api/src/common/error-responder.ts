import { HttpException, Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { isDatabaseUnavailable } from '../database/database-unavailable.js';
import { I18nService } from '../i18n/i18n.service.js';
import { formatOfPath, isOpen311Path, open311Errors, render } from '../open311/open311-format.js';
import { DomainError } from './domain-error.js';
import { type ErrorCode, errorStatus } from './error-codes.js';

/** HTTP statuses raised by the framework itself (routing, body parsing, rate limiting) → our codes. */
const codeOfStatus: Partial<Record<number, ErrorCode>> = {
  400: 'MALFORMED_BODY',
  401: 'AUTH_REQUIRED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  408: 'REQUEST_TIMEOUT',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  431: 'HEADERS_TOO_LARGE',
  503: 'NOT_READY',
};

export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  [detail: string]: unknown;
}

export const LOGGER = Symbol('LOGGER');

/**
 * The one place that turns any failure into `{ statusCode, code, message }`, with the message translated
 * for the request's language. Anything it does not recognise is logged in full and answered with a
 * generic 500 that carries no stack, SQL or other internals.
 */
@Injectable()
export class ErrorResponder {
  constructor(
    private readonly i18n: I18nService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  toDomainError(exception: unknown): DomainError {
    if (exception instanceof DomainError) return exception;
    // A database restart or fail-over is an outage to wait out, not a bug: the client may retry shortly.
    if (isDatabaseUnavailable(exception)) return new DomainError('NOT_READY', {}, {}, { 'retry-after': '5' });
    const status =
      exception instanceof HttpException
        ? exception.getStatus()
        : typeof (exception as { statusCode?: unknown })?.statusCode === 'number'
          ? (exception as { statusCode: number }).statusCode
          : undefined;
    const code = status === undefined ? undefined : codeOfStatus[status];
    // Any other client error a plugin raises (a static file's unsatisfiable Range, say) is the request's fault, not ours.
    if (!code && status !== undefined && status >= 400 && status < 500) return new DomainError('MALFORMED_REQUEST');
    return new DomainError(code ?? 'INTERNAL_ERROR');
  }

  body(error: DomainError, language: string): ErrorBody {
    return {
      statusCode: errorStatus[error.code],
      code: error.code,
      message: this.i18n.t(language, `errors:${error.code}`, error.params),
      ...error.details,
    };
  }

  /** An exception outside any HTTP request (a live socket's handler): logged, nothing to answer. */
  logUnexpected(exception: unknown): void {
    this.logger.error({ err: exception }, 'unexpected error outside a request');
  }

  send(exception: unknown, request: FastifyRequest, reply: FastifyReply): void {
    const error = this.toDomainError(exception);
    if (error.code === 'INTERNAL_ERROR') {
      this.logger.error({ err: exception, reqId: request.id, url: request.url, method: request.method }, 'unexpected error');
    }
    const query = request.query as Record<string, unknown> | undefined;
    const language = this.i18n.negotiate(typeof query?.lang === 'string' ? query.lang : undefined, request.headers['accept-language']);
    const body = this.body(error, language);
    for (const [name, value] of Object.entries(error.headers ?? {})) void reply.header(name, value);
    if (isOpen311Path(request.url)) {
      // Open311 clients expect the spec's error list, in the format the path asked for.
      const { contentType, payload } = render(formatOfPath(request.url), open311Errors(body));
      void reply
        .status(body.statusCode)
        .header('content-language', language)
        .header('cache-control', 'no-store')
        .type(contentType)
        .send(payload);
      return;
    }
    void reply.status(body.statusCode).header('content-language', language).header('cache-control', 'no-store').send(body);
  }
}
