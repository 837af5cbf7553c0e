import { Server } from '@tus/server';
import type { ErrorCode } from '../common/error-codes.js';

/** tus's own refusals (plain text from @tus/server) → our codes; the status stays what the tus protocol says. */
const codeOfTusStatus: Partial<Record<number, ErrorCode>> = {
  400: 'MALFORMED_REQUEST',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'UPLOAD_OFFSET_MISMATCH',
  410: 'UPLOAD_GONE',
  412: 'UPLOAD_TUS_VERSION_REQUIRED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  423: 'UPLOAD_LOCKED',
  500: 'INTERNAL_ERROR',
};

/** A tus error status as our code; an extension we do not offer (501) and anything else is the request's fault. */
export function tusErrorCode(status: number): ErrorCode {
  return codeOfTusStatus[status] ?? 'MALFORMED_REQUEST';
}

/** How an error code is answered: status and JSON body, in the request's language. */
export type ErrorAnswer = (code: ErrorCode) => { statusCode: number; payload: string };

/**
 * The tus server, answering every refusal as the rest of the API does — `{ statusCode, code, message }` — rather
 * than with tus's plain text: its early checks (a missing Tus-Resumable header, an invalid Upload-Offset) answer
 * directly, without the onResponseError hook, so the one place all its answers pass through is `write`.
 */
export class JsonErrorsTusServer extends Server {
  private readonly answer: ErrorAnswer;

  constructor({ answerError, ...options }: ConstructorParameters<typeof Server>[0] & { answerError: ErrorAnswer }) {
    super(options);
    this.answer = answerError;
  }

  override write(...[context, headers, status, body = '']: Parameters<Server['write']>): ReturnType<Server['write']> {
    // Our own errors (onResponseError) are JSON already.
    if (status < 400 || body.startsWith('{')) return super.write(context, headers, status, body);
    const { statusCode, payload } = this.answer(tusErrorCode(status));
    headers.set('Content-Type', 'application/json; charset=utf-8');
    return super.write(context, headers, statusCode, payload);
  }
}
