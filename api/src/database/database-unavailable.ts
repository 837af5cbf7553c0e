/**
 * Failures that mean "the database cannot be reached right now" rather than a bug: the server refused or dropped
 * the connection (a restart, a fail-over, a network blip), the pool timed out connecting, or PostgreSQL is
 * shutting down or starting up. Requests they meet are answered 503 NOT_READY with Retry-After, like the
 * readiness check, and the pool reconnects by itself once the server is back.
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
/** SQLSTATE: class 08 is "connection exception"; 57P01–57P03 are admin/crash shutdown and "cannot connect now". */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123])$/;
/** node-postgres and its pool say these in words only. */
const DRIVER_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
];

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
  errors?: unknown;
}

// Duck-typed, not `instanceof Error`: socket errors can come from another realm (Node's own, under a test runner).
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 3) return false;
  const { name, code, message, driverError, cause, errors } = error as ErrorLike;
  // TypeORM releases a query runner whose connection failed; a transaction's next statement then meets this.
  if (name === 'QueryRunnerAlreadyReleasedError') return true;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
  if (typeof message === 'string' && DRIVER_MESSAGES.some((words) => message.startsWith(words))) return true;
  // TypeORM's QueryFailedError keeps the driver's error; an AggregateError (several addresses tried) its parts.
  const inner = [driverError, cause, ...(Array.isArray(errors) ? (errors as unknown[]) : [])];
  return inner.some((part) => isDatabaseUnavailable(part, depth + 1));
}
