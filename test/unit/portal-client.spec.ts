import { jest } from '@jest/globals';
// client.ts has no imports and uses only fetch, which Node has, so it type-checks under the root tsconfig.
import { ApiError, getJson, sendJson } from '../../portal/src/api/client.js';

type FetchArguments = [input: string, init: RequestInit];

function answer(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
  });
}

describe('the API client', () => {
  const realFetch = globalThis.fetch;
  let fetchMock: jest.Mock<(...args: FetchArguments) => Promise<Response>>;

  beforeEach(() => {
    fetchMock = jest.fn<(...args: FetchArguments) => Promise<Response>>();
    globalThis.fetch = fetchMock as unknown as typeof fetch;
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  function sent(): { path: string; init: RequestInit; headers: Record<string, string> } {
    const [path, init] = fetchMock.mock.calls[0] ?? [];
    return { path: path ?? '', init: init ?? {}, headers: (init?.headers ?? {}) as Record<string, string> };
  }

  test('sendJson sends JSON with the cookie and the active language, and reads the answer', async () => {
    fetchMock.mockResolvedValue(answer(201, { user: { id: 'u1' } }));
    await expect(sendJson('POST', '/api/auth/register', { email: 'mina@example.org' }, { language: 'ko' })).resolves.toEqual({
      user: { id: 'u1' },
    });
    const { path, init, headers } = sent();
    expect(path).toBe('/api/auth/register');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect(init.body).toBe('{"email":"mina@example.org"}');
    expect(headers).toEqual({ Accept: 'application/json', 'Accept-Language': 'ko', 'Content-Type': 'application/json' });
  });

  test('a write without a body sends no body and no Content-Type; 204 resolves to undefined', async () => {
    fetchMock.mockResolvedValue(answer(204));
    await expect(sendJson<void>('POST', '/api/auth/logout', undefined, { language: 'en' })).resolves.toBeUndefined();
    const { init, headers } = sent();
    expect(init.body).toBeNull();
    expect(headers['Content-Type']).toBeUndefined();
  });

  test('VALIDATION_FAILED becomes an ApiError that carries the fields', async () => {
    fetchMock.mockResolvedValue(
      answer(400, {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Check the fields.',
        fields: [{ field: 'email', rules: ['isEmail'] }, { field: 'password', rules: ['isLength', 42] }, { rules: ['x'] }, 'junk'],
      }),
    );
    const error = await sendJson('POST', '/api/auth/register', {}, { language: 'en' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', message: 'Check the fields.' });
    expect((error as ApiError).fields).toEqual([
      { field: 'email', rules: ['isEmail'] },
      { field: 'password', rules: ['isLength'] },
    ]);
  });

  test('other API errors keep their code and translated message, with no fields', async () => {
    fetchMock.mockResolvedValue(answer(429, { statusCode: 429, code: 'AUTH_TOO_MANY_ATTEMPTS', message: 'Wait a minute.' }));
    const error = await sendJson('POST', '/api/auth/login', {}, { language: 'en' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 429, code: 'AUTH_TOO_MANY_ATTEMPTS', message: 'Wait a minute.', fields: [] });
  });

  test('an answer that is not the API’s error body is INVALID_RESPONSE; no answer at all is NETWORK_ERROR', async () => {
    fetchMock.mockResolvedValueOnce(new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect(getJson('/api/me', { language: 'en' })).rejects.toMatchObject({ status: 502, code: 'INVALID_RESPONSE' });
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(getJson('/api/me', { language: 'en' })).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });

  test('getJson is a GET with the cookie and the language', async () => {
    fetchMock.mockResolvedValue(answer(200, { id: 'u1' }));
    await getJson('/api/me', { language: 'ar' });
    const { init, headers } = sent();
    expect(init.method).toBe('GET');
    expect(init.credentials).toBe('same-origin');
    expect(headers['Accept-Language']).toBe('ar');
  });
});
