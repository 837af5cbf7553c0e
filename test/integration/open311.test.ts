import { DOMParser, type Element } from '@xmldom/xmldom';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { demoAccounts } from '../../api/src/accounts/demo-accounts.js';
import { repoRoot } from '../../api/src/config/paths.js';
import { TestClient, uniqueEmail } from '../support/http-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeWithDatabase, runDatabaseUrl } from '../support/test-database.js';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type Format = 'json' | 'xml';
type Fields = [string, string][];

/** The lists of the spec's XML, by the element of their items; anything else with children is a record. */
const LISTS: Record<string, string> = {
  services: 'service',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  service_requests: 'request',
  notes: 'note',
  errors: 'error',
};

/** An element as the JSON the same route answers, all leaves as text: the XML answer must carry the same data. */
function fromXml(element: Element): Json {
  const children = Array.from(element.childNodes).filter((node): node is Element => node.nodeType === node.ELEMENT_NODE);
  const item = LISTS[element.tagName];
  if (item) {
    expect(children.map((child) => child.tagName)).toEqual(children.map(() => item));
    return children.map(fromXml);
  }
  if (children.length === 0) return element.textContent ?? '';
  return Object.fromEntries(children.map((child) => [child.tagName, fromXml(child)]));
}

/** JSON with every leaf as the text XML carries: null as empty, numbers and booleans as written. */
function asText(value: Json): Json {
  if (value === null) return '';
  if (Array.isArray(value)) return value.map(asText);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, asText(entry)]));
  return String(value);
}

describeWithDatabase('Open311 GeoReport v2: discovery, services, filing and reading requests in JSON and XML', () => {
  let api: TestApp;
  let admin: TestClient;
  let apiKey: string;
  beforeAll(async () => {
    api = await startTestApp({ DEMO_DATA: 'true' });
    admin = new TestClient(api.url);
    const demoAdmin = demoAccounts.find((account) => account.role === 'admin');
    await admin.signIn(demoAdmin?.email ?? '', demoAdmin?.password ?? '');
    apiKey = ((await (await admin.post('/api/admin/open311-keys', { name: 'Test reporter' })).json()) as { apiKey: string }).apiKey;
  });
  afterAll(() => api.close());

  const v2 = (path: string) => `${api.url}/open311/v2/${path}`;
  const call = (path: string, init: RequestInit = {}) => fetch(v2(path), init);

  /** Reads an answer in its format, checking the content type; XML through a real parser. */
  async function read(response: Response, format: Format): Promise<{ status: number; root: string; body: Json }> {
    const text = await response.text();
    if (format === 'json') {
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      return { status: response.status, root: '', body: JSON.parse(text) as Json };
    }
    expect(response.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    const document = new DOMParser().parseFromString(text, 'text/xml');
    const root = document.documentElement;
    if (!root) throw new Error(`no XML document: ${text}`);
    return { status: response.status, root: root.tagName, body: fromXml(root) };
  }

  /** The same route in both formats: the XML carries what the JSON does, under the given root element. */
  async function both(path: string, root: string, init: () => RequestInit = () => ({})): Promise<{ status: number; body: Json }> {
    const json = await read(await call(`${path.replace('{f}', 'json')}`, init()), 'json');
    const xml = await read(await call(`${path.replace('{f}', 'xml')}`, init()), 'xml');
    expect({ status: xml.status, root: xml.root }).toEqual({ status: json.status, root });
    // XML lists one <request> per item; a route's JSON is that list or the one record.
    expect(xml.body).toEqual(asText(json.body));
    return json;
  }

  /** A form post as an Open311 client sends it: no Origin, no cookie. */
  const form = (fields: Fields, headers: Record<string, string> = {}): RequestInit => ({
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
  const pothole = (key = apiKey): Fields => [
    ['api_key', key],
    ['jurisdiction_id', 'seoul'],
    ['service_code', 'road.pothole'],
    ['lat', '37.5651'],
    ['long', '126.9895'],
    ['description', 'Pothole by the crossing.'],
    ['attribute[size]', 'medium'],
    ['attribute[lane]', 'edge'],
  ];
  interface Filed {
    service_request_id: string;
    token: string;
  }
  const file = async (fields: Fields = pothole()): Promise<Filed> => {
    const response = await call('requests.json', form(fields));
    expect(response.status).toBe(201);
    const [filed] = (await response.json()) as Filed[];
    if (!filed) throw new Error('nothing filed');
    return filed;
  };
  const officialOf = async (departmentId: string) => {
    const email = uniqueEmail('official');
    await admin.post('/api/admin/officials', { email, displayName: 'Officer', departmentId, password: 'harbour-lantern-99' });
    const official = new TestClient(api.url);
    await official.signIn(email, 'harbour-lantern-99');
    return official;
  };
  const complaintIdOf = async (caseNumber: string) =>
    (
      await api.context.dataSource.query<{ id: string }[]>(
        'SELECT k.id FROM complaint k JOIN civic_case c ON c.id = k.case_id WHERE c.case_number = $1',
        [caseNumber],
      )
    )[0]?.id ?? '';
  const errorsOf = (body: Json) => body as { code: number; description: string }[];

  test('discovery names this endpoint, its specification and both formats', async () => {
    const { status, body } = await both('discovery.{f}', 'discovery');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: `${api.url}/open311/v2`,
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ],
    });
    expect((body as { changeset: string }).changeset).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);
  });

  test('services lists every complaint service of the city pack, named in the request’s language', async () => {
    const complaintServices = api.context.pack.services.filter((service) => service.kind === 'complaint');
    const { body } = await both('services.{f}', 'services');
    const services = body as { service_code: string; service_name: string; metadata: boolean; type: string; group: string }[];
    expect(services.map((service) => service.service_code)).toEqual(
      complaintServices.map((service) => 'open311Code' in service && service.open311Code),
    );
    expect(services.find((service) => service.service_code === 'road.pothole')).toMatchObject({
      service_name: complaintServices.find((service) => service.id === 'pothole')?.name.en,
      metadata: true,
      type: 'realtime',
    });
    const korean = (await (await call('services.json?lang=ko')).json()) as { service_code: string; service_name: string }[];
    expect(korean.find((service) => service.service_code === 'road.pothole')?.service_name).toBe(
      complaintServices.find((service) => service.id === 'pothole')?.name.ko,
    );
  });

  test('a service definition gives its attributes with their values; an unknown service is 404', async () => {
    const { status, body } = await both('services/road.pothole.{f}', 'service_definition', () => ({
      headers: { 'accept-language': 'ar' },
    }));
    expect(status).toBe(200);
    const pothole = api.context.pack.services.find((service) => service.id === 'pothole');
    const size = pothole?.kind === 'complaint' ? pothole.attributes.find((attribute) => attribute.code === 'size') : undefined;
    expect(body).toMatchObject({
      service_code: 'road.pothole',
      attributes: [
        {
          variable: true,
          code: 'size',
          datatype: 'singlevaluelist',
          required: true,
          order: 1,
          description: size?.description.ar,
          values: [{ key: 'small', name: size?.values?.[0]?.name.ar }, { key: 'medium' }, { key: 'large' }],
        },
        { code: 'lane', required: false, order: 2 },
      ],
    });
    const missing = await both('services/road.nothing.{f}', 'errors');
    expect(missing.status).toBe(404);
    expect(errorsOf(missing.body)).toEqual([{ code: 404, description: 'We could not find what you asked for.' }]);
  });

  test('filing takes a form with attributes, answers the case number and token in both formats, and drops personal fields', async () => {
    const personal: Fields = [
      ['email', 'Reporter@Example.org'],
      ['first_name', 'Jaeyoung'],
      ['last_name', 'Parkinson'],
      ['phone', '+82 10 5555 0101'],
      ['device_id', 'device-778899'],
      ['account_id', 'account-445566'],
      ['media_url', 'https://photos.example.org/pothole.jpg'],
      ['address_string', '110 Sejong-daero'],
      ['address_id', 'seoul-library'],
      ['building_id', 'seoul-council'],
      ['floor', '2'],
      ['altitude', '41.5'],
    ];
    const asJson = await call('requests.json', form([...pothole(), ...personal]));
    expect(asJson.status).toBe(201);
    const [filed] = (await read(asJson, 'json')).body as unknown as (Filed & { service_notice: null; account_id: null })[];
    expect(filed).toEqual({
      service_request_id: expect.stringMatching(/^SEL-\d{4}-\d{6}$/),
      service_notice: null,
      account_id: null,
      token: expect.any(String),
    });

    const asXml = await read(await call('requests.xml', form(pothole())), 'xml');
    expect(asXml.root).toBe('service_requests');
    expect(asXml.body).toEqual([
      { service_request_id: expect.stringMatching(/^SEL-/), service_notice: '', account_id: '', token: expect.any(String) },
    ]);

    const id = await complaintIdOf(filed?.service_request_id ?? '');
    const [stored] = await api.context.dataSource.query<Record<string, unknown>[]>('SELECT * FROM complaint WHERE id = $1', [id]);
    expect(stored).toMatchObject({
      service_id: 'pothole',
      contact_email: 'reporter@example.org',
      attributes: { size: 'medium', lane: 'edge' },
      media_url: 'https://photos.example.org/pothole.jpg',
      address: '110 Sejong-daero',
      place_id: 'seoul-library',
      building_id: 'seoul-council',
      floor: 2,
      altitude: 41.5,
    });
    const everything = JSON.stringify(
      await api.context.dataSource.query('SELECT * FROM complaint k JOIN civic_case c ON c.id = k.case_id WHERE k.id = $1', [id]),
    );
    for (const [, value] of personal.slice(1, 6)) expect(everything).not.toContain(value);

    // The key is the actor of the audit event, and its use is noted.
    const [audited] = await api.context.dataSource.query<{ actor_id: string; source: string }[]>(
      `SELECT actor_id, source FROM audit_event WHERE action = 'complaint.submitted' AND object_id = $1`,
      [id],
    );
    const [key] = await api.context.dataSource.query<{ id: string; last_used_at: Date | null }[]>(
      `SELECT id, last_used_at FROM open311_api_key WHERE name = 'Test reporter'`,
    );
    expect(audited).toEqual({ actor_id: key?.id, source: 'open311' });
    expect(key?.last_used_at).toBeInstanceOf(Date);

    // Officials see the answers and the photo on the portal's API.
    const safety = await officialOf('safety');
    expect(await (await safety.get(`/api/complaints/${id}`)).json()).toMatchObject({
      attributes: { size: 'medium', lane: 'edge' },
      mediaUrl: 'https://photos.example.org/pothole.jpg',
    });
  });

  test('the token a filing answered finds its request; an unknown token is 404', async () => {
    const filed = await file();
    const { status, body } = await both(`tokens/${filed.token}.{f}`, 'service_requests');
    expect(status).toBe(200);
    expect(body).toEqual([{ service_request_id: filed.service_request_id, token: filed.token }]);
    expect((await both(`tokens/${'A'.repeat(24)}.{f}`, 'errors')).status).toBe(404);
    expect((await both('tokens/not-a-token.{f}', 'errors')).status).toBe(404);
  });

  test('a request reads with the spec’s fields and our extensions, never an email, assignee or internal note', async () => {
    const filed = await file([...pothole(), ['email', 'secret-filer@example.org'], ['building_id', 'seoul-council'], ['floor', '3']]);
    const id = await complaintIdOf(filed.service_request_id);
    const safety = await officialOf('safety');
    const me = ((await (await safety.get('/api/me')).json()) as { id: string }).id;
    await safety.patch(`/api/complaints/${id}/assignee`, { assigneeId: me });
    await safety.patch(`/api/complaints/${id}`, { status: 'acknowledged', note: 'A crew will look this week.' });
    await safety.patch(`/api/complaints/${id}`, { note: 'Internal: the reporter called twice.', public: false });

    const { status, body } = await both(`requests/${filed.service_request_id}.{f}`, 'service_requests');
    expect(status).toBe(200);
    const department = api.context.pack.departments.find((d) => d.id === 'safety');
    expect(body).toEqual([
      {
        service_request_id: filed.service_request_id,
        status: 'open',
        status_notes: 'A crew will look this week.',
        service_name: expect.any(String),
        service_code: 'road.pothole',
        description: 'Pothole by the crossing.',
        agency_responsible: department?.name.en,
        service_notice: null,
        requested_datetime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/),
        updated_datetime: expect.stringMatching(/\+09:00$/),
        expected_datetime: expect.stringMatching(/\+09:00$/),
        address: null,
        address_id: null,
        zipcode: null,
        lat: 37.5651,
        long: 126.9895,
        media_url: null,
        building_id: 'seoul-council',
        floor: 3,
        altitude: null,
        redacted_datetime: null,
        redaction_reason: null,
        notes: [
          { status: 'submitted', note: null, datetime: expect.stringMatching(/\+09:00$/) },
          { status: 'acknowledged', note: 'A crew will look this week.', datetime: expect.stringMatching(/\+09:00$/) },
        ],
      },
    ]);
    for (const format of ['json', 'xml']) {
      const text = await (await call(`requests.${format}?service_request_id=${filed.service_request_id}`)).text();
      expect(text).toContain(filed.service_request_id);
      for (const secret of ['secret-filer@example.org', 'Internal: the reporter', me]) expect(text).not.toContain(secret);
    }

    // A redacted description is empty, and the redaction is said.
    await safety.post(`/api/complaints/${id}/redaction`, { reason: 'Personal details of a neighbour' });
    const [redacted] = (await (await call(`requests/${filed.service_request_id}.json`)).json()) as Record<string, unknown>[];
    expect(redacted).toMatchObject({
      description: '',
      redaction_reason: 'Personal details of a neighbour',
      redacted_datetime: expect.any(String),
    });
  });

  test('unknown request ids and formats are 404 in the shape of the spec', async () => {
    for (const id of ['SEL-2000-999999', 'nonsense']) {
      const missing = await both(`requests/${id}.{f}`, 'errors');
      expect(missing.status).toBe(404);
      expect(errorsOf(missing.body)).toEqual([{ code: 404, description: 'We could not find what you asked for.' }]);
    }
    const csv = await call('services.csv');
    expect(csv.status).toBe(404);
    expect(errorsOf((await read(csv, 'json')).body)).toEqual([
      { code: 404, description: 'This format is not offered. Use .json or .xml.' },
    ]);
    const bare = await call('services');
    expect(bare.status).toBe(404);
    expect(errorsOf((await read(bare, 'json')).body)).toEqual([{ code: 404, description: expect.any(String) }]);
  });

  test('a jurisdiction_id other than the city’s is 404 on every route', async () => {
    for (const path of [
      'discovery.{f}',
      'services.{f}',
      'services/road.pothole.{f}',
      'requests.{f}',
      'tokens/AAAAAAAAAAAAAAAAAAAAAAAA.{f}',
    ]) {
      const wrong = await both(`${path}?jurisdiction_id=busan`, 'errors');
      expect([path, wrong.status]).toEqual([path, 404]);
      expect(errorsOf(wrong.body)).toEqual([{ code: 404, description: 'This jurisdiction_id is not the one this server answers for.' }]);
    }
    const filing = await both('requests.{f}', 'errors', () =>
      form([...pothole().filter(([name]) => name !== 'jurisdiction_id'), ['jurisdiction_id', 'busan']]),
    );
    expect(filing.status).toBe(404);
    expect((await call('services.json?jurisdiction_id=seoul')).status).toBe(200);
  });

  test('filing needs a valid, unrevoked api_key: 403 otherwise, translated, and no Origin or cookie is needed', async () => {
    const withoutKey = pothole().filter(([name]) => name !== 'api_key');
    const missing = await both('requests.{f}', 'errors', () => form(withoutKey, { 'accept-language': 'ko' }));
    expect(missing.status).toBe(403);
    expect(errorsOf(missing.body)[0]?.description).toMatch(/[가-힣]/);
    expect((await both('requests.{f}', 'errors', () => form(pothole('x'.repeat(43))))).status).toBe(403);

    const issued = (await (await admin.post('/api/admin/open311-keys', { name: 'Short-lived' })).json()) as { id: string; apiKey: string };
    await file(pothole(issued.apiKey));
    expect((await admin.delete(`/api/admin/open311-keys/${issued.id}`)).status).toBe(204);
    const revoked = await both('requests.{f}', 'errors', () => form(pothole(issued.apiKey)));
    expect(revoked.status).toBe(403);
    expect(errorsOf(revoked.body)).toEqual([{ code: 403, description: expect.stringContaining('api_key') }]);

    // A browser on another site is refused, whatever it sends.
    const crossSite = await call('requests.json', form(pothole(), { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }));
    expect(crossSite.status).toBe(403);
  });

  test('bad forms are 400 with one error per field, named as the client sent it', async () => {
    const noService = await both('requests.{f}', 'errors', () => form(pothole().filter(([name]) => name !== 'service_code')));
    expect(noService.status).toBe(400);
    expect(errorsOf(noService.body)).toEqual([{ code: 400, description: expect.stringMatching(/^service_code: .*\(.*isString/) }]);

    const badAttribute = await both('requests.{f}', 'errors', () =>
      form([...pothole().filter(([name]) => name !== 'attribute[size]'), ['attribute[size]', 'huge'], ['attribute[colour]', 'red']]),
    );
    expect(badAttribute.status).toBe(400);
    expect(errorsOf(badAttribute.body).map((error) => error.description.split(':')[0])).toEqual(['attribute[colour]', 'attribute[size]']);

    // `attribute[code][]` is a list: a singlevaluelist takes one key, not a list of them.
    const listForOne = await call(
      'requests.json',
      form([...pothole().filter(([name]) => name !== 'attribute[size]'), ['attribute[size][]', 'small']]),
    );
    expect(errorsOf(await listForOne.json())).toEqual([
      { code: 400, description: expect.stringMatching(/^attribute\[size\]: .*\(isIn\)$/) },
    ]);

    const invalid = await call(
      'requests.json',
      form([...pothole(), ['email', 'not-an-email'], ['media_url', 'http://insecure.example.org/a.jpg'], ['surname', 'x']]),
    );
    expect(errorsOf(await invalid.json()).map((error) => error.description.split(':')[0])).toEqual(['surname']);
    const rules = await call(
      'requests.json',
      form([...pothole(), ['email', 'not-an-email'], ['media_url', 'http://insecure.example.org/a.jpg']]),
    );
    expect(errorsOf(await rules.json()).map((error) => error.description.split(':')[0])).toEqual(['email', 'media_url']);

    const unknownService = await call(
      'requests.json',
      form([...pothole().filter(([name]) => name !== 'service_code'), ['service_code', 'road.nothing']]),
    );
    expect(unknownService.status).toBe(400);
    const badDate = await both('requests.{f}?start_date=yesterday', 'errors');
    expect(badDate.status).toBe(400);
    expect(errorsOf(badDate.body)).toEqual([{ code: 400, description: expect.stringMatching(/^start_date: .*\(isIso8601\)$/) }]);
  });

  test('requests filters by id, service, dates and status, by default over the last 90 days', async () => {
    const first = await file();
    const graffiti = await file([
      ['api_key', apiKey],
      ['service_code', 'env.graffiti'],
      ['address_string', '1 Ujeongguk-ro'],
      ['description', 'Tags on the shutter.'],
      ['attribute[surface]', 'shutter'],
    ]);
    const safety = await officialOf('safety');
    const firstId = await complaintIdOf(first.service_request_id);
    await safety.patch(`/api/complaints/${firstId}`, { status: 'rejected', note: 'A duplicate of an earlier report.' });

    // An old complaint, filed 120 days ago: outside the default window.
    const [old] = await api.context.dataSource.query<{ case_number: string }[]>(
      `WITH c AS (
         INSERT INTO civic_case (case_number, tracking_token_hash, created_at)
         VALUES ('SEL-2000-' || lpad((floor(random() * 900000) + 100000)::text, 6, '0'), sha256(gen_random_uuid()::text::bytea), now() - interval '120 days')
         RETURNING id, case_number)
       INSERT INTO complaint (case_id, service_id, department_id, description, address, expected_by, created_at, updated_at)
       SELECT id, 'pothole', 'safety', 'An old pothole.', 'Old road', now() - interval '110 days', now() - interval '120 days', now() - interval '120 days' FROM c
       RETURNING (SELECT case_number FROM c)`,
    );
    const oldId = old?.case_number ?? '';
    const ids = (body: Json) => (body as { service_request_id: string }[]).map((request) => request.service_request_id);

    const recent = ids((await both('requests.{f}', 'service_requests')).body);
    expect(recent).toEqual(expect.arrayContaining([first.service_request_id, graffiti.service_request_id]));
    expect(recent).not.toContain(oldId);
    const byId = ids((await both(`requests.{f}?service_request_id=${oldId},${graffiti.service_request_id}`, 'service_requests')).body);
    expect(byId.sort()).toEqual([oldId, graffiti.service_request_id].sort());

    const since = new Date(Date.now() - 130 * 86_400_000).toISOString();
    const until = new Date(Date.now() - 100 * 86_400_000).toISOString();
    // Other test files file at the same time: only this test's requests are asserted on.
    const ours = (body: Json) => ids(body).filter((id) => [oldId, first.service_request_id, graffiti.service_request_id].includes(id));
    expect(ours((await both(`requests.{f}?start_date=${since}&end_date=${until}`, 'service_requests')).body)).toEqual([oldId]);
    expect(ours((await both(`requests.{f}?end_date=${until}`, 'service_requests')).body)).toEqual([oldId]);
    expect(ours((await both(`requests.{f}?start_date=${since}`, 'service_requests')).body)).toEqual([
      graffiti.service_request_id,
      first.service_request_id,
      oldId,
    ]);

    const graffitiOnly = (await both('requests.{f}?service_code=env.graffiti', 'service_requests')).body as { service_code: string }[];
    expect(new Set(graffitiOnly.map((request) => request.service_code))).toEqual(new Set(['env.graffiti']));
    const closed = (await both('requests.{f}?status=closed', 'service_requests')).body as { status: string; service_request_id: string }[];
    expect(closed.map((request) => request.service_request_id)).toContain(first.service_request_id);
    expect(new Set(closed.map((request) => request.status))).toEqual(new Set(['closed']));
    const open = ids((await both('requests.{f}?status=open', 'service_requests')).body);
    expect(open).toContain(graffiti.service_request_id);
    expect(open).not.toContain(first.service_request_id);
    expect(ours((await both('requests.{f}?status=open,closed', 'service_requests')).body)).toEqual([
      graffiti.service_request_id,
      first.service_request_id,
    ]);
  });

  test('pages of page_size reach every request once, newest first; page_size is at most 1,000', async () => {
    const filed = [];
    for (let i = 0; i < 5; i += 1) filed.push((await file()).service_request_id);
    const list = filed.join(',');
    const pages = [];
    for (const page of [1, 2, 3, 4]) {
      const { body } = await both(`requests.{f}?service_request_id=${list}&page_size=2&page=${page}`, 'service_requests');
      pages.push((body as { service_request_id: string }[]).map((request) => request.service_request_id));
    }
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1, 0]);
    expect(pages.flat()).toEqual([...filed].reverse());
    expect((await call('requests.json?page_size=1001')).status).toBe(400);
  });

  test('admins issue keys (shown once), list them without secrets and revoke them, all audited; no one else may', async () => {
    const issued = await admin.post('/api/admin/open311-keys', { name: 'City app' });
    expect(issued.status).toBe(201);
    const key = (await issued.json()) as { id: string; name: string; createdAt: string; apiKey: string };
    expect(key).toEqual({
      id: expect.any(String),
      name: 'City app',
      createdAt: expect.any(String),
      apiKey: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });

    const listed = (await (await admin.get('/api/admin/open311-keys')).json()) as Record<string, unknown>[];
    expect(listed.find((entry) => entry.id === key.id)).toEqual({
      id: key.id,
      name: 'City app',
      createdAt: key.createdAt,
      revokedAt: null,
      lastUsedAt: null,
    });
    expect(JSON.stringify(listed)).not.toContain(key.apiKey);
    const [stored] = await api.context.dataSource.query<{ key_hash: string }[]>('SELECT key_hash FROM open311_api_key WHERE id = $1', [
      key.id,
    ]);
    expect(stored?.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.key_hash).not.toContain(key.apiKey);

    expect((await admin.delete(`/api/admin/open311-keys/${key.id}`)).status).toBe(204);
    const revoked = (await (await admin.get('/api/admin/open311-keys')).json()) as { id: string; revokedAt: string | null }[];
    expect(revoked.find((entry) => entry.id === key.id)?.revokedAt).toEqual(expect.any(String));
    expect((await admin.delete('/api/admin/open311-keys/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const audited = await api.context.dataSource.query<{ action: string }[]>(
      `SELECT action FROM audit_event WHERE object_id = $1 ORDER BY id`,
      [key.id],
    );
    expect(audited.map((event) => event.action)).toEqual(['open311_key.issued', 'open311_key.revoked']);

    const citizen = new TestClient(api.url);
    await citizen.register(uniqueEmail('citizen'));
    expect((await citizen.post('/api/admin/open311-keys', { name: 'Mine' })).status).toBe(403);
    expect((await citizen.get('/api/admin/open311-keys')).status).toBe(403);
    expect((await new TestClient(api.url).get('/api/admin/open311-keys')).status).toBe(401);
    expect(await (await admin.post('/api/admin/open311-keys', { name: '' })).json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  test('the admin command issues a key that files at once', async () => {
    // The built command, as `npm run admin` runs it, on this run's database (with demo data, like the apps of the run).
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(repoRoot, 'dist', 'api', 'src', 'cli', 'admin.js'), 'create-open311-key', '--name', 'From the terminal'],
      { cwd: repoRoot, env: { PATH: process.env.PATH, LOG_LEVEL: 'silent', DATABASE_URL: runDatabaseUrl(), DEMO_DATA: 'true' } },
    );
    const [summary, key] = stdout.trim().split('\n');
    expect(summary).toMatch(/^created Open311 API key "From the terminal" \([0-9a-f-]{36}\)/);
    expect((await file(pothole(key))).service_request_id).toMatch(/^SEL-/);
  });

  test('the portal’s API files with attributes and a photo link, checked by the same rules, and exports them', async () => {
    const citizen = new TestClient(api.url);
    await citizen.register(uniqueEmail('filer'));
    const base = { serviceId: 'pothole', description: 'Deep hole.', location: { lat: 37.5665, long: 126.978 } };
    const missing = await citizen.post('/api/complaints', base);
    expect(await missing.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'attributes.size', rules: ['isDefined'] }] });
    const insecure = await citizen.post('/api/complaints', {
      ...base,
      attributes: { size: 'small' },
      mediaUrl: 'http://example.org/a.jpg',
    });
    expect(await insecure.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'mediaUrl', rules: ['isUrl'] }] });
    const notAnObject = await citizen.post('/api/complaints', { ...base, attributes: ['small'] });
    expect(await notAnObject.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'attributes', rules: ['isObject'] }] });

    const filed = await citizen.post('/api/complaints', { ...base, attributes: { size: 'small' }, mediaUrl: 'https://example.org/a.jpg' });
    expect(filed.status).toBe(201);
    expect(((await filed.json()) as { complaint: unknown }).complaint).toMatchObject({
      attributes: { size: 'small' },
      mediaUrl: 'https://example.org/a.jpg',
    });
    const exported = (await (await citizen.get('/api/me/export')).json()) as { complaints: unknown[] };
    expect(exported.complaints).toEqual([
      expect.objectContaining({ attributes: { size: 'small' }, mediaUrl: 'https://example.org/a.jpg' }),
    ]);
  });
});
