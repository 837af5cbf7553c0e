import { EchoModule } from '../fixtures/echo.module.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeWithDatabase } from '../support/test-database.js';

describeWithDatabase('HTTP basics of the API on PostgreSQL', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ BODY_LIMIT_BYTES: '2048' }, [EchoModule]);
  });
  afterAll(() => api.close());

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${api.url}/api/test-echo`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

  test('health reports the database up', async () => {
    const response = await fetch(`${api.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', checks: { database: 'up' } });
    expect((await fetch(`${api.url}/api/health/live`)).status).toBe(200);
  });

  test('an unknown API route is a translated 404 with a stable code', async () => {
    const english = await fetch(`${api.url}/api/no-such-thing`);
    expect(english.status).toBe(404);
    expect(await english.json()).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: 'We could not find what you asked for.' });

    const korean = await fetch(`${api.url}/api/no-such-thing`, { headers: { 'accept-language': 'ko-KR,ko;q=0.9,en;q=0.5' } });
    expect(korean.headers.get('content-language')).toBe('ko');
    expect((await korean.json()).message).toBe('요청하신 항목을 찾을 수 없습니다.');

    const arabic = await fetch(`${api.url}/api/no-such-thing?lang=ar`, { headers: { 'accept-language': 'ko' } });
    expect(await arabic.json()).toMatchObject({ code: 'NOT_FOUND', message: 'لم نعثر على ما طلبته.' });
  });

  test('a valid body passes; unknown fields and bad values fail with VALIDATION_FAILED naming the fields', async () => {
    const ok = await post(JSON.stringify({ name: 'Mina', count: 3 }));
    expect(ok.status).toBe(201);
    expect(await ok.json()).toEqual({ name: 'Mina', count: 3 });

    const bad = await post(JSON.stringify({ name: 'x'.repeat(21), count: 11, role: 'admin' }), { 'accept-language': 'ar' });
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(body.message).toMatch(/[\u0600-\u06FF]/);
    expect(body.fields).toEqual(
      expect.arrayContaining([
        { field: 'name', rules: ['maxLength'] },
        { field: 'count', rules: ['max'] },
        { field: 'role', rules: ['whitelistValidation'] },
      ]),
    );
  });

  test('broken JSON, a body over the limit and a foreign content type each get their own code', async () => {
    const broken = await post('{"name": "Mina",');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ code: 'MALFORMED_BODY' });

    const huge = await post(JSON.stringify({ name: 'x'.repeat(4000), count: 1 }));
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });

    const xml = await post('<name>Mina</name>', { 'content-type': 'application/xml' });
    expect(xml.status).toBe(415);
    expect(await xml.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  test('an unexpected failure is a generic, translated 500 that leaks nothing', async () => {
    const response = await fetch(`${api.url}/api/test-echo/crash`, { headers: { 'accept-language': 'ko' } });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: '시스템에 문제가 생겼습니다. 잠시 후 다시 시도해 주세요.',
    });
    expect(text).not.toMatch(/secret_table|password_hash|at .*\.ts/);
  });

  test('responses carry security headers and a CSP without inline script', async () => {
    const response = await fetch(`${api.url}/api/health`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-request-id') ?? response.headers.get('x-powered-by')).toBeNull();
    // Worked out once at start (docs/performance.md), they still reach every answer, errors and unknown routes too.
    const missing = await fetch(`${api.url}/api/no-such-route`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(csp);
    expect(missing.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  test('OpenAPI JSON describes the routes and the UI is served', async () => {
    const json = await fetch(`${api.url}/api/docs-json`);
    expect(json.status).toBe(200);
    const document = await json.json();
    expect(document.info.title).toBe('Civicverse API');
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/city']));
    const ui = await fetch(`${api.url}/api/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger-ui');
  });

  test('GET /api/city returns the active city pack', async () => {
    const response = await fetch(`${api.url}/api/city`);
    expect(response.status).toBe(200);
    const pack = await response.json();
    expect(pack).toMatchObject({ id: 'seoul', timeZone: 'Asia/Seoul', centre: { lat: 37.5663, lon: 126.9779 } });
    expect(pack.name).toMatchObject({ en: expect.any(String), ko: expect.any(String), ar: expect.any(String) });
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  test('GET /api/city has an ETag: the same tag answers 304 without a body, another tag the pack', async () => {
    const first = await fetch(`${api.url}/api/city`);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    const body = await first.text();
    const revalidated = await fetch(`${api.url}/api/city`, { headers: { 'if-none-match': `"other", W/${etag}` } });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
    expect(revalidated.headers.get('etag')).toBe(etag);
    const changed = await fetch(`${api.url}/api/city`, { headers: { 'if-none-match': '"other"' } });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toBe(body);
  });

  test('a page path is the portal, a missing asset is a 404', async () => {
    const page = await fetch(`${api.url}/services`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('id="skip-link"');
    const asset = await fetch(`${api.url}/assets/missing-file.js`);
    expect(asset.status).toBe(404);
    expect(await asset.json()).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describeWithDatabase('rate limiting', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ RATE_LIMIT_PER_MINUTE: '3', AUTH_RATE_LIMIT_PER_MINUTE: '2' });
  });

  test('sign-in has its own, stricter count per address', async () => {
    const attempt = () =>
      fetch(`${api.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"email":"a@b.example","password":"x"}',
      });
    expect([(await attempt()).status, (await attempt()).status, (await attempt()).status]).toEqual([401, 401, 429]);
  });

  afterAll(() => api.close());

  test('past the limit the API answers 429 RATE_LIMITED with Retry-After, pages are not limited', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await fetch(`${api.url}/api/health/live`)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await fetch(`${api.url}/api/health/live`, { headers: { 'accept-language': 'ko' } });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = await limited.json();
    expect(body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    expect(body.message).toMatch(/\d+초/);
    expect((await fetch(`${api.url}/`)).status).toBe(200);
  });
});
