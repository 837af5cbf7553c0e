import { demoAccounts } from '../../api/src/accounts/demo-accounts.js';
import { TestClient, uniqueEmail } from '../support/http-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeWithDatabase } from '../support/test-database.js';

describeWithDatabase('identity and access on PostgreSQL', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ DEMO_DATA: 'true' });
  });
  afterAll(() => api.close());

  const client = () => new TestClient(api.url);
  const query = <T>(sql: string, params: unknown[] = []) => api.context.dataSource.query<T>(sql, params);

  test('register signs the person in with an HttpOnly SameSite cookie; me, sign-out and the dead cookie', async () => {
    const mina = client();
    const email = uniqueEmail('mina');
    const registered = await mina.register(email.toUpperCase(), 'lantern-harbour-42', '  Mina  ');
    expect(registered.status).toBe(201);
    expect(registered.headers.getSetCookie()[0]).toMatch(/^cv_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200$/);
    const { user } = await registered.json();
    expect(user).toEqual({
      id: expect.any(String),
      email,
      displayName: 'Mina',
      preferredLanguage: 'en',
      role: 'citizen',
      departmentId: null,
      officialId: null,
      createdAt: expect.any(String),
    });
    expect(await (await mina.get('/api/me')).json()).toEqual({ ...user, official: null });

    const cookie = mina.cookie;
    expect((await mina.post('/api/auth/logout')).status).toBe(204);
    const stale = await fetch(`${api.url}/api/me`, { headers: { cookie: cookie ?? '' } });
    expect(stale.status).toBe(401);
    expect(await stale.json()).toMatchObject({ code: 'AUTH_REQUIRED' });
  });

  test('registration refuses short and common passwords, a taken email, an unknown language and any extra field', async () => {
    const email = uniqueEmail('dup');
    const first = client();
    expect((await first.register(email)).status).toBe(201);
    const again = await client().register(email.toUpperCase());
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: 'AUTH_EMAIL_TAKEN' });

    const common = await client().register(uniqueEmail(), 'password123');
    expect(await common.json()).toMatchObject({ statusCode: 400, code: 'AUTH_PASSWORD_TOO_COMMON' });
    const short = await client().register(uniqueEmail(), 'x7$k2');
    expect(await short.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'password', rules: ['isLength'] }] });
    const french = await client().post('/api/auth/register', {
      email: uniqueEmail(),
      displayName: 'A',
      password: 'lantern-harbour-42',
      preferredLanguage: 'fr',
    });
    expect(await french.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'preferredLanguage', rules: ['isIn'] }] });
    const sneaky = await client().post('/api/auth/register', {
      email: uniqueEmail(),
      displayName: 'A',
      password: 'lantern-harbour-42',
      preferredLanguage: 'en',
      role: 'admin',
    });
    expect(await sneaky.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'role', rules: ['whitelistValidation'] }] });
  });

  test('wrong password and unknown email get the same answer; the 6th failure in a minute gets 429 with Retry-After', async () => {
    const email = uniqueEmail('locked');
    expect((await client().register(email)).status).toBe(201);
    const unknown = await client().signIn(uniqueEmail('nobody'), 'lantern-harbour-42');
    const wrong = await client().signIn(email, 'not-the-password');
    expect([unknown.status, wrong.status]).toEqual([401, 401]);
    expect(await unknown.json()).toEqual(await wrong.json());

    for (let attempt = 2; attempt <= 5; attempt += 1) expect((await client().signIn(email, 'still-wrong')).status).toBe(401);
    const sixth = await client().signIn(email, 'lantern-harbour-42');
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await sixth.json()).toMatchObject({ code: 'AUTH_TOO_MANY_ATTEMPTS' });
    // Failures are counted by a SHA-256 of the email, never the email itself.
    const lengths = await query<{ bytes: number }[]>(`SELECT DISTINCT octet_length(email_hash) AS bytes FROM auth_failure`);
    expect(lengths).toEqual([{ bytes: 32 }]);
  });

  test('PATCH /api/me changes the profile but never role, department or email', async () => {
    const person = client();
    const email = uniqueEmail('patch');
    await person.register(email);
    const escalate = await person.patch('/api/me', { role: 'admin', departmentId: 'transport', email: 'x@example.org' });
    expect(escalate.status).toBe(400);
    const me = await (await person.get('/api/me')).json();
    expect(me).toMatchObject({ role: 'citizen', departmentId: null, email });

    const updated = await person.patch('/api/me', { displayName: 'Yusuf', preferredLanguage: 'ar' });
    expect(await updated.json()).toMatchObject({ displayName: 'Yusuf', preferredLanguage: 'ar', role: 'citizen' });
  });

  test('writes from another site are refused, with or without a session', async () => {
    const person = client();
    await person.register(uniqueEmail('csrf'));
    const forged = await person.request(
      'PATCH',
      '/api/me',
      { displayName: 'Hacked' },
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    );
    expect(forged.status).toBe(403);
    expect(await forged.json()).toMatchObject({ code: 'CSRF_REJECTED' });
    const loginCsrf = await client().request(
      'POST',
      '/api/auth/login',
      { email: 'a@b.c', password: 'x' },
      { origin: 'https://evil.example' },
    );
    expect(await loginCsrf.json()).toMatchObject({ code: 'CSRF_REJECTED' });
    expect((await (await person.get('/api/me')).json()).displayName).toBe('Test Person');
  });

  test('a password change ends the other sessions, keeps this one, and needs the current password', async () => {
    const email = uniqueEmail('pw');
    const laptop = client();
    await laptop.register(email);
    const phone = client();
    expect((await phone.signIn(email, 'lantern-harbour-42')).status).toBe(200);

    const wrong = await laptop.post('/api/me/password', { currentPassword: 'nope-nope-nope', newPassword: 'granite-orchard-77' });
    expect(await wrong.json()).toMatchObject({ statusCode: 403, code: 'AUTH_PASSWORD_MISMATCH' });
    expect(
      (await laptop.post('/api/me/password', { currentPassword: 'lantern-harbour-42', newPassword: 'granite-orchard-77' })).status,
    ).toBe(204);
    expect((await laptop.get('/api/me')).status).toBe(200);
    expect((await phone.get('/api/me')).status).toBe(401);
    expect((await client().signIn(email, 'granite-orchard-77')).status).toBe(200);
  });

  test('sessions end after 30 idle minutes, after 12 hours, and when the account is disabled', async () => {
    const idle = client();
    const { user } = await (await idle.register(uniqueEmail('idle'))).json();
    await query(`UPDATE user_session SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1`, [user.id]);
    expect((await idle.get('/api/me')).status).toBe(401);

    const old = client();
    const { user: oldUser } = await (await old.register(uniqueEmail('old'))).json();
    await query(
      `UPDATE user_session SET created_at = now() - interval '13 hours', expires_at = now() - interval '1 hour' WHERE user_id = $1`,
      [oldUser.id],
    );
    expect((await old.get('/api/me')).status).toBe(401);

    const disabled = client();
    const { user: disabledUser } = await (await disabled.register(uniqueEmail('disabled'))).json();
    await query(`UPDATE user_account SET disabled_at = now() WHERE id = $1`, [disabledUser.id]);
    expect((await disabled.get('/api/me')).status).toBe(401);
  });

  test('the audit log records sign-ins and denials, and the database refuses to change it', async () => {
    const citizen = client();
    const email = uniqueEmail('audited');
    const { user } = await (await citizen.register(email)).json();
    await client().signIn(email, 'wrong-password-1');
    const denied = await citizen.get('/api/admin/audit');
    expect(denied.status).toBe(403);

    const actions = await query<{ action: string; outcome: string; actor_id: string | null }[]>(
      `SELECT action, outcome, actor_id FROM audit_event WHERE actor_id = $1 OR object_id = $1::text ORDER BY id`,
      [user.id],
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        { action: 'account.registered', outcome: 'ok', actor_id: user.id },
        { action: 'auth.login', outcome: 'failed', actor_id: null },
        { action: 'access.denied', outcome: 'denied', actor_id: user.id },
      ]),
    );
    // The app's own connection cannot rewrite history.
    await expect(query(`UPDATE audit_event SET outcome = 'ok' WHERE actor_id = $1`, [user.id])).rejects.toThrow(/append-only/);
    await expect(query(`DELETE FROM audit_event WHERE actor_id = $1`, [user.id])).rejects.toThrow(/append-only/);
    await expect(query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
    // No personal data in it: the email appears nowhere.
    const leaks = await query<unknown[]>(`SELECT 1 FROM audit_event e WHERE e::text ILIKE $1`, [`%${email}%`]);
    expect(leaks).toEqual([]);

    const admin = client();
    const demoAdmin = demoAccounts.find((a) => a.role === 'admin');
    expect((await admin.signIn(demoAdmin?.email ?? '', demoAdmin?.password ?? '')).status).toBe(200);
    const log = (await (await admin.get('/api/admin/audit?limit=500')).json()) as { id: string; action: string }[];
    const ids = log.map((event) => Number(event.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(log.map((event) => event.action)).toContain('access.denied');
  });

  test('consents keep their history; export holds the account, consents, sessions and audit trail', async () => {
    const person = client();
    const email = uniqueEmail('export');
    await person.register(email);
    expect(await (await person.get('/api/me/consents')).json()).toEqual([
      { purpose: 'notifications-email', version: null, given: false, at: null },
      { purpose: 'satisfaction-survey', version: null, given: false, at: null },
    ]);
    await person.put('/api/me/consents/notifications-email', { given: true, version: '2026-11' });
    const withdrawn = await person.put('/api/me/consents/notifications-email', { given: false, version: '2026-11' });
    expect(await withdrawn.json()).toMatchObject({ purpose: 'notifications-email', given: false, version: '2026-11' });
    expect((await person.put('/api/me/consents/selling-data', { given: true, version: '1' })).status).toBe(404);

    const exported = await person.get('/api/me/export');
    expect(exported.headers.get('content-disposition')).toBe('attachment; filename="civicverse-my-data.json"');
    const data = (await exported.json()) as {
      account: unknown;
      consents: { given: boolean }[];
      sessions: unknown[];
      auditEvents: { action: string }[];
    };
    expect(data.account).toMatchObject({ email, displayName: 'Test Person', role: 'citizen' });
    expect(data.consents.map((c) => c.given)).toEqual([true, false]);
    expect(data.sessions).toHaveLength(1);
    expect(data.auditEvents.map((e) => e.action)).toEqual(
      expect.arrayContaining(['account.registered', 'consent.given', 'consent.withdrawn', 'privacy.export']),
    );
    expect(JSON.stringify(data)).not.toMatch(/password|hash/i);
  });

  test('erasure needs the password, ends every session, and leaves no personal data; sign-in is then impossible', async () => {
    const email = uniqueEmail('erase');
    const person = client();
    const { user } = await (await person.register(email, 'lantern-harbour-42', 'Erin Erasable')).json();
    const otherDevice = client();
    await otherDevice.signIn(email, 'lantern-harbour-42');
    await person.put('/api/me/consents/satisfaction-survey', { given: true, version: '2026-11' });
    await client().signIn(email, 'a-wrong-one-here');

    expect(await (await person.delete('/api/me', { password: 'wrong-wrong-wrong' })).json()).toMatchObject({
      code: 'AUTH_PASSWORD_MISMATCH',
    });
    expect((await person.delete('/api/me', { password: 'lantern-harbour-42' })).status).toBe(204);
    expect((await person.get('/api/me')).status).toBe(401);
    expect((await otherDevice.get('/api/me')).status).toBe(401);
    expect((await client().signIn(email, 'lantern-harbour-42')).status).toBe(401);

    const remains = await query<unknown[]>(
      `SELECT 'account' FROM user_account a WHERE a.id = $1 AND (a::text ILIKE $2 OR a::text ILIKE '%Erin%')
       UNION ALL SELECT 'session' FROM user_session WHERE user_id = $1
       UNION ALL SELECT 'consent' FROM consent_record WHERE user_id = $1
       UNION ALL SELECT 'audit' FROM audit_event e WHERE e::text ILIKE $2`,
      [user.id, `%${email}%`],
    );
    expect(remains).toEqual([]);
    const [account] = await query<{ anonymised_at: Date | null }[]>(`SELECT anonymised_at FROM user_account WHERE id = $1`, [user.id]);
    expect(account?.anonymised_at).toBeInstanceOf(Date);
  });

  test('an admin creates officials in a department of the city pack; others may not', async () => {
    const admin = client();
    const demoAdmin = demoAccounts.find((a) => a.role === 'admin');
    await admin.signIn(demoAdmin?.email ?? '', demoAdmin?.password ?? '');
    const department = api.context.pack.departments[0]?.id ?? '';
    const email = uniqueEmail('official');
    const created = await admin.post('/api/admin/officials', {
      email,
      displayName: 'Officer Kim',
      departmentId: department,
      password: 'harbour-lantern-99',
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ email, role: 'official', departmentId: department });
    const unknown = await admin.post('/api/admin/officials', {
      email: uniqueEmail(),
      displayName: 'X',
      departmentId: 'ministry-of-magic',
      password: 'harbour-lantern-99',
    });
    expect(await unknown.json()).toMatchObject({ code: 'CITY_UNKNOWN_DEPARTMENT' });
    const official = client();
    expect((await official.signIn(email, 'harbour-lantern-99')).status).toBe(200);
    expect(
      (
        await official.post('/api/admin/officials', {
          email: uniqueEmail(),
          displayName: 'Y',
          departmentId: department,
          password: 'harbour-lantern-99',
        })
      ).status,
    ).toBe(403);
  });

  test('an admin changes roles and departments, audited; bad combinations and unknown ids are refused', async () => {
    const admin = client();
    const demoAdmin = demoAccounts.find((a) => a.role === 'admin');
    await admin.signIn(demoAdmin?.email ?? '', demoAdmin?.password ?? '');
    const department = api.context.pack.departments[1]?.id ?? '';
    const person = client();
    const { user } = (await (await person.register(uniqueEmail('promoted'))).json()) as { user: { id: string } };

    const promoted = await admin.patch(`/api/admin/accounts/${user.id}/role`, { role: 'official', departmentId: department });
    expect(await promoted.json()).toMatchObject({ id: user.id, role: 'official', departmentId: department });
    expect(await (await person.get('/api/me')).json()).toMatchObject({ role: 'official', departmentId: department });

    const noDepartment = await admin.patch(`/api/admin/accounts/${user.id}/role`, { role: 'official' });
    expect(await noDepartment.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'departmentId', rules: ['isDefined'] }],
    });
    const citizenWithDepartment = await admin.patch(`/api/admin/accounts/${user.id}/role`, { role: 'citizen', departmentId: department });
    expect(await citizenWithDepartment.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await admin.patch(`/api/admin/accounts/${user.id}/role`, { role: 'citizen' })).status).toBe(200);

    expect((await admin.patch('/api/admin/accounts/00000000-0000-4000-8000-000000000000/role', { role: 'admin' })).status).toBe(404);
    expect((await admin.patch('/api/admin/accounts/not-a-uuid/role', { role: 'admin' })).status).toBe(404);
    expect((await person.patch(`/api/admin/accounts/${user.id}/role`, { role: 'admin' })).status).toBe(403);
    const changes = await query<unknown[]>(`SELECT 1 FROM audit_event WHERE action = 'account.role_changed' AND object_id = $1`, [user.id]);
    expect(changes).toHaveLength(2);
  });
});
