import { demoAccounts } from '../../api/src/accounts/demo-accounts.js';
import { errorStatus } from '../../api/src/common/error-codes.js';
import { TestClient, uniqueEmail } from '../support/http-client.js';
import { type FuzzCase, type Identity, malformedRequest } from '../support/fuzz/malformed.js';
import { Prng } from '../support/fuzz/prng.js';
import { type RawResponse, sendRaw } from '../support/fuzz/raw-http.js';
import { appRoutes, type Route } from '../support/fuzz/routes.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeWithDatabase } from '../support/test-database.js';

/**
 * ≥ 10,000 malformed requests across every route of the running app, signed out and as a citizen, an official and
 * an admin: no answer may be a 5xx, and every error answer must carry a stable code (Open311 paths: their own
 * [{code, description}] list, in JSON or XML). Each request is made from FUZZ_SEED + its number alone, so a failure
 * printed with both is replayed exactly: FUZZ_SEED=<seed> FUZZ_ONLY=<number> npx jest … test/integration/fuzz.test.ts
 */
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const COUNT = Number(process.env.FUZZ_REQUESTS ?? 10_000);
const ONLY = process.env.FUZZ_ONLY === undefined ? undefined : Number(process.env.FUZZ_ONLY);
const CONCURRENCY = 8;
const PASSWORD = 'fuzz-lantern-harbour-42';
const knownCodes = new Set(Object.keys(errorStatus));

/** Why an answer breaks the guarantees, or undefined when it keeps them. */
function brokenGuarantee(request: FuzzCase, response: RawResponse): string | undefined {
  if (response.status >= 500) return `status ${response.status}`;
  if (response.status < 400 || request.method === 'HEAD') return undefined;
  const text = response.body.toString('utf8');
  const path = request.target.toString('latin1');
  if (path.startsWith('/open311/')) {
    if (/xml/.test(response.headers['content-type'] ?? '')) {
      return /^<\?xml[^>]*>\s*<errors><error><code>\d{3}<\/code><description>[^<]*<\/description><\/error>/.test(text)
        ? undefined
        : `not an Open311 XML error list: ${text.slice(0, 200)}`;
    }
    const list = parse(text);
    const valid =
      Array.isArray(list) &&
      list.length > 0 &&
      list.every(
        (entry: { code?: unknown; description?: unknown }) => entry.code === response.status && typeof entry.description === 'string',
      );
    return valid ? undefined : `not an Open311 JSON error list: ${text.slice(0, 200)}`;
  }
  const body = parse(text) as { code?: unknown; statusCode?: unknown } | undefined;
  if (typeof body?.code !== 'string' || !knownCodes.has(body.code)) return `no stable code: ${text.slice(0, 200)}`;
  if (body.statusCode !== response.status) return `statusCode ${String(body.statusCode)} in a ${response.status} answer`;
  return undefined;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

describeWithDatabase('fuzzing every route with malformed requests', () => {
  let api: TestApp;
  let routes: Route[];
  const identities: Identity[] = [{ name: 'signed out' }];
  const emails = new Map<Identity['name'], string>();

  /** Fresh accounts, never the demo ones: a fuzzed PATCH /api/me must not touch what other test files sign in with. */
  async function signIn(identity: Identity): Promise<void> {
    const client = new TestClient(api.url);
    const email = emails.get(identity.name);
    if (!email || (await client.signIn(email, PASSWORD)).status !== 200) {
      // First time, or the fuzz erased or locked the account: a new one with the same role.
      const fresh = uniqueEmail(`fuzz-${identity.name}`);
      emails.set(identity.name, fresh);
      await client.register(fresh, PASSWORD);
      if (identity.name !== 'citizen')
        await promote(fresh, identity.name === 'official' ? { role: 'official', departmentId: 'safety' } : { role: 'admin' });
      await client.signIn(fresh, PASSWORD);
    }
    identity.cookie = client.cookie;
  }

  async function promote(email: string, change: Record<string, string>): Promise<void> {
    const admin = new TestClient(api.url);
    const demoAdmin = demoAccounts.find((a) => a.role === 'admin');
    await admin.signIn(demoAdmin?.email ?? '', demoAdmin?.password ?? '');
    const [account] = (await api.context.dataSource.query<{ id: string }[]>('SELECT id FROM user_account WHERE email = $1', [email])) as [
      { id: string },
    ];
    const changed = await admin.patch(`/api/admin/accounts/${account.id}/role`, change);
    if (changed.status !== 200) throw new Error(`could not make ${email} ${change.role}: ${changed.status} ${await changed.text()}`);
  }

  beforeAll(async () => {
    api = await startTestApp();
    routes = appRoutes(api.app).filter(
      // The portal's built files are many and alike: the folders' catch-alls and the page fallback stand for them.
      (route) => !/^\/(assets|cesium|twin)\/./.test(route.path) || route.path.endsWith('*'),
    );
    for (const name of ['citizen', 'official', 'admin'] as const) {
      const identity: Identity = { name };
      await signIn(identity);
      identities.push(identity);
    }
  }, 60_000);
  afterAll(() => api?.close());

  test('the route list is read from the app', () => {
    const paths = routes.map((route) => route.path);
    expect(paths).toEqual(expect.arrayContaining(['/api/complaints/:id', '/open311/v2/requests.:format', '/api/uploads/:uploadId']));
    expect(routes.length).toBeGreaterThan(60);
  });

  // Each of these was a 500 (or an answer without a code) before the fix named beside it.
  describe('regressions the fuzz and the DTO properties found', () => {
    const send = (request: Partial<FuzzCase> & { target: string }) =>
      sendRaw(Number(new URL(api.url).port), {
        method: 'POST',
        headers: [
          ['origin', api.url],
          ['sec-fetch-site', 'same-origin'],
          ['content-type', 'application/json'],
          ['content-length', String(request.body?.length ?? 0)],
        ],
        ...request,
      });
    const json = (response: RawResponse) => JSON.parse(response.body.toString('utf8')) as Record<string, unknown>;

    test('JSON nested 20,000 deep → 400 MALFORMED_BODY (was a stack overflow in the validation pipe: api/src/http/json-body.ts)', async () => {
      const response = await send({ target: '/api/auth/register', body: Buffer.from(`${'['.repeat(20_000)}${']'.repeat(20_000)}`) });
      expect([response.status, json(response).code]).toEqual([400, 'MALFORMED_BODY']);
      const shallow = await send({ target: '/api/auth/register', body: Buffer.from(JSON.stringify({ email: [[['x']]] })) });
      expect(json(shallow).code).toBe('VALIDATION_FAILED');
    });

    test('a lone surrogate in an email → 400 VALIDATION_FAILED (was a URIError from isEmail: api/src/common/validation-pipe.ts)', async () => {
      const body = Buffer.from(
        '{"email":"\\ud800@example.org","displayName":"A","password":"lantern-harbour-42","preferredLanguage":"en"}',
      );
      const response = await send({ target: '/api/auth/register', body });
      expect([response.status, json(response).code, json(response).fields]).toEqual([
        400,
        'VALIDATION_FAILED',
        [{ field: 'email', rules: ['isWellFormed'] }],
      ]);
    });

    test('a complaint without a location → 400 VALIDATION_FAILED (the service destructured undefined: @IsDefined on location)', async () => {
      const body = Buffer.from(JSON.stringify({ serviceId: 'pothole', description: 'No place given.', attributes: { size: 'small' } }));
      const response = await send({ target: '/api/complaints', body });
      expect([response.status, json(response).code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(json(response).fields).toEqual([{ field: 'location', rules: expect.arrayContaining(['isDefined']) as unknown }]);
    });

    test('a dot-segment under the OpenAPI files → 403 FORBIDDEN (was a 500: framework statuses mapped in error-responder.ts)', async () => {
      const response = await send({ method: 'GET', target: '/api/docs/x/..', headers: [] });
      expect([response.status, json(response).code]).toEqual([403, 'FORBIDDEN']);
    });

    test('requests refused before routing carry a code too (api/src/http/framework-errors.ts)', async () => {
      const badUrl = await send({ method: 'GET', target: '/api/complaints/%c0%ae', headers: [] });
      expect([badUrl.status, json(badUrl).code]).toEqual([400, 'MALFORMED_REQUEST']);
      const longParam = await send({ method: 'GET', target: `/api/complaints/${'a'.repeat(201)}`, headers: [] });
      expect([longParam.status, json(longParam).code]).toEqual([414, 'URI_TOO_LONG']);
      const brokenFraming = await send({
        target: '/api/complaints',
        headers: [['transfer-encoding', 'chunked']],
        body: Buffer.from('zz\r\n{}\r\n0\r\n\r\n'),
      });
      expect([brokenFraming.status, json(brokenFraming).code]).toEqual([400, 'MALFORMED_REQUEST']);
      const open311 = await send({
        target: '/open311/v2/requests.xml',
        headers: [['transfer-encoding', 'chunked']],
        body: Buffer.from('zz\r\nservice_code=x\r\n0\r\n\r\n'),
      });
      expect(open311.status).toBe(400);
      expect(open311.body.toString('utf8')).toMatch(/^<\?xml[^>]*>\s*<errors><error><code>400<\/code>/);
    });

    test('a multipart body whose boundary never comes → 400 MALFORMED_BODY (was a 500: multipart-file.ts)', async () => {
      const citizen = identities.find((identity) => identity.name === 'citizen');
      const draft = await send({
        target: '/api/submissions',
        headers: [
          ['cookie', citizen?.cookie ?? ''],
          ['origin', api.url],
          ['sec-fetch-site', 'same-origin'],
          ['content-type', 'application/json'],
          ['content-length', '38'],
        ],
        body: Buffer.from('{"serviceId":"residence-certificate"}'.padEnd(38)),
      });
      const path = `/api/submissions/${String(json(draft).id)}/documents`;
      const multipart = (body: string) =>
        send({
          target: path,
          headers: [
            ['cookie', citizen?.cookie ?? ''],
            ['origin', api.url],
            ['sec-fetch-site', 'same-origin'],
            ['content-type', 'multipart/form-data; boundary=fuzz'],
            ['content-length', String(Buffer.byteLength(body))],
          ],
          body: Buffer.from(body),
        });
      const otherBoundary = await multipart(
        '--other\r\nContent-Disposition: form-data; name="file"; filename="x.pdf"\r\n\r\nabc\r\n--other--\r\n',
      );
      expect([otherBoundary.status, json(otherBoundary).code]).toEqual([400, 'MALFORMED_BODY']);
    });

    test('tus refusals answer with a code and keep their status (api/src/documents/tus-answers.ts)', async () => {
      const citizen = identities.find((identity) => identity.name === 'citizen');
      const response = await send({
        target: '/api/uploads',
        headers: [
          ['cookie', citizen?.cookie ?? ''],
          ['origin', api.url],
          ['upload-length', '10'],
        ],
      });
      expect([response.status, json(response).code]).toEqual([412, 'UPLOAD_TUS_VERSION_REQUIRED']);
    });
  });

  test(`${COUNT} malformed requests: no 5xx, every error with a stable code (FUZZ_SEED=${SEED})`, async () => {
    const port = Number(new URL(api.url).port);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let next = ONLY ?? 0;
    const last = ONLY === undefined ? COUNT : ONLY + 1;
    const worker = async () => {
      while (next < last) {
        const number = next;
        next += 1;
        // Sessions can end under the fuzz (a logout, an erasure): every 500 requests each identity signs in again.
        if (number % 500 === 0 && number > 0) await Promise.all(identities.slice(1).map(signIn));
        const rng = new Prng(SEED + number);
        const request = malformedRequest(rng, routes, rng.pick(identities), api.url);
        try {
          const response = await sendRaw(port, request);
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          const broken = brokenGuarantee(request, response);
          if (broken) failures.push(`FUZZ_SEED=${SEED} FUZZ_ONLY=${number}: ${broken}\n  ${request.describe()}`);
        } catch (error) {
          failures.push(`FUZZ_SEED=${SEED} FUZZ_ONLY=${number}: ${(error as Error).message}\n  ${request.describe()}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(failures.slice(0, 20)).toEqual([]);
    // The fuzz reached the handlers, not only the router's 404: validation, auth and success answers all occur.
    if (ONLY === undefined) expect([...statuses.keys()]).toEqual(expect.arrayContaining([200, 400, 401, 403, 404, 413]));
  }, 600_000);
});
