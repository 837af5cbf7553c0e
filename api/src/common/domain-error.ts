import type { ErrorCode } from './error-codes.js';

/** Values interpolated into the translated message, e.g. `{ limit: 1048576 }` for `{{limit}}`. */
export type ErrorParams = Record<string, string | number>;

/**
 * The one way code reports a failure the caller can act on. Services throw it; the error filter turns it
 * into `{ statusCode, code, message }` with the message translated for the request's language.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
    /** Machine-readable detail for the client, e.g. which fields failed validation. */
    readonly details?: Record<string, unknown>,
    /** Response headers that belong to the answer, e.g. `retry-after`. */
    readonly headers?: Record<string, string>,
  ) {
    super(code);
    this.name = 'DomainError';
  }
}
