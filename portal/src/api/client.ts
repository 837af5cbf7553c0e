/** The API's error body: `{ statusCode, code, message }`, with `message` already in the request's language. */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
}

/** One field that broke the rules of a route: `VALIDATION_FAILED` lists them in `fields`. */
export interface FieldFailure {
  /** Dotted path of the field in the body, e.g. "displayName". */
  field: string;
  /** Stable names of the broken rules, e.g. "isEmail", "isLength", "whitelistValidation". */
  rules: string[];
}

/** Codes the client gives failures that never produced an API error body. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'INVALID_RESPONSE';

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** HTTP status; 0 when the request never got an answer. */
    readonly status: number,
    /** The API's stable error code, or a ClientErrorCode. */
    readonly code: string,
    message: string,
    /** For `VALIDATION_FAILED`: which fields broke which rules; empty otherwise. */
    readonly fields: readonly FieldFailure[] = [],
  ) {
    super(message);
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Record<string, unknown>;
  return typeof body.statusCode === 'number' && typeof body.code === 'string' && typeof body.message === 'string';
}

/** The well-formed entries of an error body's `fields`; anything else in it is ignored. */
function fieldsOf(body: ApiErrorBody): FieldFailure[] {
  const { fields } = body as ApiErrorBody & { fields?: unknown };
  if (!Array.isArray(fields)) return [];
  return fields.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { field, rules } = entry as Record<string, unknown>;
    if (typeof field !== 'string') return [];
    return [{ field, rules: Array.isArray(rules) ? rules.filter((rule): rule is string => typeof rule === 'string') : [] }];
  });
}

export interface RequestOptions {
  language: string;
  signal?: AbortSignal;
  /** More request headers, e.g. a booking's `Idempotency-Key`. */
  headers?: Record<string, string>;
}

export type WriteMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function request<T>(method: 'GET' | WriteMethod, path: string, body: unknown, options: RequestOptions): Promise<T> {
  const { language, signal } = options;
  const headers: Record<string, string> = { ...options.headers, Accept: 'application/json', 'Accept-Language': language };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    // Same-origin requests carry the session cookie; for writes the browser also sends Origin, which the
    // API's CSRF check compares with its own.
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      credentials: 'same-origin',
      signal: signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK_ERROR', cause instanceof Error ? cause.message : String(cause));
  }
  if (response.status === 204) return undefined as T;
  let answer: unknown;
  try {
    answer = await response.json();
  } catch {
    answer = undefined;
  }
  if (!response.ok) {
    if (isErrorBody(answer)) throw new ApiError(response.status, answer.code, answer.message, fieldsOf(answer));
    throw new ApiError(response.status, 'INVALID_RESPONSE', `HTTP ${response.status}`);
  }
  if (answer === undefined) throw new ApiError(response.status, 'INVALID_RESPONSE', 'the response is not JSON');
  return answer as T;
}

export function getJson<T>(path: string, options: RequestOptions): Promise<T> {
  return request<T>('GET', path, undefined, options);
}

/**
 * Sends `body` as JSON (none when undefined) and reads the JSON answer; a `204 No Content` resolves to
 * undefined, so such routes are called as `sendJson<void>(…)`. Failures are ApiErrors.
 */
export function sendJson<T>(method: WriteMethod, path: string, body: unknown, options: RequestOptions): Promise<T> {
  return request<T>(method, path, body, options);
}
