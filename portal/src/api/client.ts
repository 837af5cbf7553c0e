/** The API's error body: `{ statusCode, code, message }`, with `message` already in the request's language. */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
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
  ) {
    super(message);
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Record<string, unknown>;
  return typeof body.statusCode === 'number' && typeof body.code === 'string' && typeof body.message === 'string';
}

export interface RequestOptions {
  language: string;
  signal?: AbortSignal;
}

export async function getJson<T>(path: string, { language, signal }: RequestOptions): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      headers: { Accept: 'application/json', 'Accept-Language': language },
      credentials: 'same-origin',
      signal: signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK_ERROR', cause instanceof Error ? cause.message : String(cause));
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    if (isErrorBody(body)) throw new ApiError(response.status, body.code, body.message);
    throw new ApiError(response.status, 'INVALID_RESPONSE', `HTTP ${response.status}`);
  }
  if (body === undefined) throw new ApiError(response.status, 'INVALID_RESPONSE', 'the response is not JSON');
  return body as T;
}
