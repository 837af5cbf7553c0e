import { TestClient, uniqueEmail } from '../support/http-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeWithDatabase } from '../support/test-database.js';

interface Made {
  id: string;
  name: string;
  expiresAt: string;
  token: string;
}

/** Personal access tokens: a person's own API clients call the API as them with `Authorization: Bearer`. */
describeWithDatabase('personal access tokens', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  const signedIn = async () => {
    const person = new TestClient(api.url);
    await person.register(uniqueEmail('scripter'));
    return person;
  };
  const make = async (person: TestClient, body: unknown = { name: 'My reporting script' }) => {
    const response = await person.post('/api/me/tokens', body);
    expect(response.status).toBe(201);
    return (await response.json()) as Made;
  };
  /** A client that is not a browser: no cookie, no Origin, only the token. */
  const bearer = (token: string, method = 'GET', path = '/api/me', body?: unknown) =>
    fetch(`${api.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });

  test('a token acts as its person, for reads and writes, without a cookie', async () => {
    const person = await signedIn();
    const me = (await (await person.get('/api/me')).json()) as { id: string };
    const made = await make(person);
    expect(made.token).toMatch(/^cvp_[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(made.expiresAt) - Date.now()).toBeGreaterThan(89 * 24 * 3600 * 1000);

    expect(await (await bearer(made.token)).json()).toMatchObject({ id: me.id });
    const filed = await bearer(made.token, 'POST', '/api/complaints', {
      serviceId: 'pothole',
      description: 'Filed by a script.',
      location: { address: '110 Sejong-daero' },
      attributes: { size: 'small' },
    });
    expect(filed.status).toBe(201);
    const mine = (await (await bearer(made.token, 'GET', '/api/complaints')).json()) as { relation: string }[];
    expect(mine.map((c) => c.relation)).toEqual(['filed']);

    const listed = (await (await person.get('/api/me/tokens')).json()) as Record<string, unknown>[];
    expect(listed).toEqual([expect.objectContaining({ id: made.id, name: 'My reporting script', lastUsedAt: expect.any(String) })]);
    expect(JSON.stringify(listed)).not.toContain(made.token);
    const exported = (await (await person.get('/api/me/export')).json()) as { accessTokens: { id: string }[] };
    expect(exported.accessTokens.map((t) => t.id)).toEqual([made.id]);
  });

  test('a bad, expired or revoked token is refused at once, even on public routes; a token cannot make another', async () => {
    const person = await signedIn();
    const made = await make(person, { name: 'short-lived', expiresInDays: 1 });
    const refused = await bearer('cvp_' + 'x'.repeat(43), 'GET', '/api/city');
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    expect(await refused.json()).toMatchObject({ code: 'AUTH_REQUIRED' });
    expect((await bearer('not-even-a-token')).status).toBe(401);

    expect((await bearer(made.token, 'POST', '/api/me/tokens', { name: 'child' })).status).toBe(403);

    await api.context.dataSource.query(
      `UPDATE access_token SET created_at = now() - interval '2 days', expires_at = now() - interval '1 day' WHERE id = $1`,
      [made.id],
    );
    expect((await bearer(made.token)).status).toBe(401);

    const other = await make(person);
    expect((await bearer(other.token)).status).toBe(200);
    const stranger = await signedIn();
    expect((await stranger.delete(`/api/me/tokens/${other.id}`)).status).toBe(404);
    expect((await person.delete(`/api/me/tokens/${other.id}`)).status).toBe(204);
    expect((await bearer(other.token)).status).toBe(401);
  });

  test('names and lifetimes are checked; a password change and erasure end every token', async () => {
    const person = await signedIn();
    for (const body of [{ name: '' }, { name: '<b>x</b>' }, { name: 'ok', expiresInDays: 366 }, { name: 'ok', expiresInDays: 0 }]) {
      expect((await person.post('/api/me/tokens', body)).status).toBe(400);
    }
    const before = await make(person);
    expect(
      (await person.post('/api/me/password', { currentPassword: 'lantern-harbour-42', newPassword: 'copper-kettle-7781' })).status,
    ).toBe(204);
    expect((await bearer(before.token)).status).toBe(401);

    const after = await make(person);
    expect((await person.delete('/api/me', { password: 'copper-kettle-7781' })).status).toBe(204);
    expect((await bearer(after.token)).status).toBe(401);
    const [left] = await api.context.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM access_token WHERE id = ANY($1)', [
      [before.id, after.id],
    ]);
    expect(left?.n).toBe(0);
  });
});
