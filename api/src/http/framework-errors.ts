import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { DomainError } from '../common/domain-error.js';
import type { ErrorResponder } from '../common/error-responder.js';
import type { ErrorCode } from '../common/error-codes.js';
import { formatOfPath, isOpen311Path, open311Errors, render } from '../open311/open311-format.js';

/**
 * Requests Fastify refuses before any route or Nest sees them — a URL that is not valid percent-encoding, a path
 * parameter over the router's limit, or bytes Node's HTTP parser cannot read — answered like every other error,
 * with a stable code, instead of Fastify's own bodies (which have none). The responder exists only once Nest is
 * built, after the Fastify instance these options configure; until then nothing is listening.
 */
export function frameworkErrorOptions(responder: () => ErrorResponder | undefined) {
  return {
    frameworkErrors(error: Error & { code?: string }, request: FastifyRequest, reply: FastifyReply): void {
      const code: ErrorCode = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'URI_TOO_LONG' : 'MALFORMED_REQUEST';
      const answering = responder();
      if (answering) answering.send(new DomainError(code), request, reply);
      else void reply.status(400).send();
    },
    clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
      // The connection is gone: nobody to answer (as Fastify's own handler does).
      if (error.code === 'ECONNRESET' || socket.destroyed) return;
      const code: ErrorCode =
        error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? 'REQUEST_TIMEOUT'
          : error.code === 'HPE_HEADER_OVERFLOW'
            ? 'HEADERS_TOO_LARGE'
            : 'MALFORMED_REQUEST';
      const body = responder()?.body(new DomainError(code), 'en');
      if (body && socket.writable) {
        // No request could be read, so no language either (English); the target, if any, is in the bytes received.
        const target = /^[A-Za-z]+ (\S+)/.exec((error as { rawPacket?: Buffer }).rawPacket?.toString('latin1') ?? '')?.[1] ?? '';
        const { contentType, payload } = isOpen311Path(target)
          ? render(formatOfPath(target), open311Errors(body))
          : { contentType: 'application/json; charset=utf-8', payload: JSON.stringify(body) };
        socket.write(
          `HTTP/1.1 ${body.statusCode} ${STATUS_CODES[body.statusCode]}\r\nContent-Type: ${contentType}\r\n` +
            `Content-Length: ${Buffer.byteLength(payload)}\r\nConnection: close\r\n\r\n${payload}`,
        );
      }
      socket.destroy(error);
    },
  };
}
