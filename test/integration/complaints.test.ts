import { demoAccounts } from '../../api/src/accounts/demo-accounts.js';
import { TestClient, uniqueEmail } from '../support/http-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeWithDatabase } from '../support/test-database.js';

interface Filed {
  complaint: { id: string; caseNumber: string; departmentId: string; status: string; history: { status: string }[]; contactEmail?: string };
  trackingToken: string;
}

describeWithDatabase('complaints: filing, case numbers, tracking and who may read them', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ DEMO_DATA: 'true' });
  });
  afterAll(() => api.close());

  const client = () => new TestClient(api.url);
  const pothole = {
    serviceId: 'pothole',
    description: 'A deep pothole in the bus lane.',
    location: { lat: 37.5665, long: 126.978 },
    attributes: { size: 'large', lane: 'bus_lane' },
  };
  const signedInCitizen = async () => {
    const citizen = client();
    await citizen.register(uniqueEmail('filer'));
    return citizen;
  };
  const signedInOfficial = async (departmentId: string) => {
    const admin = client();
    const demoAdmin = demoAccounts.find((a) => a.role === 'admin');
    await admin.signIn(demoAdmin?.email ?? '', demoAdmin?.password ?? '');
    const email = uniqueEmail('official');
    await admin.post('/api/admin/officials', { email, displayName: 'Officer', departmentId, password: 'harbour-lantern-99' });
    const official = client();
    await official.signIn(email, 'harbour-lantern-99');
    return official;
  };

  test('anyone files without an account, gets a case number and a token that tracks it', async () => {
    const filed = await client().post('/api/complaints', { ...pothole, contactEmail: 'Anon@Example.org' });
    expect(filed.status).toBe(201);
    const { complaint, trackingToken } = (await filed.json()) as Filed;
    expect(complaint.caseNumber).toMatch(new RegExp(`^SEL-${new Date().getUTCFullYear()}-\\d{6}$`));
    expect(complaint).toMatchObject({ departmentId: 'safety', status: 'submitted', history: [{ status: 'submitted' }] });
    expect(complaint.contactEmail).toBeUndefined();
    expect(trackingToken).toMatch(/^[A-Za-z0-9_-]{24}$/);

    const tracked = await client().get(`/api/complaints/track/${trackingToken}`);
    expect(await tracked.json()).toMatchObject({ id: complaint.id, caseNumber: complaint.caseNumber, status: 'submitted' });
    expect((await client().get(`/api/complaints/track/${'A'.repeat(24)}`)).status).toBe(404);
    expect((await client().get('/api/complaints/track/..%2F..%2Fetc')).status).toBe(404);
  });

  test('case numbers are unique and gapless under concurrent filing', async () => {
    const filings = await Promise.all(Array.from({ length: 20 }, () => client().post('/api/complaints', pothole)));
    const numbers = await Promise.all(filings.map(async (response) => ((await response.json()) as Filed).complaint.caseNumber));
    const sequence = numbers.map((n) => Number(n.split('-')[2])).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(20);
    expect(sequence.at(-1)! - sequence[0]!).toBe(19);
  });

  test('a citizen sees their own complaints; no one else reads them, officials only in their department', async () => {
    const owner = await signedInCitizen();
    const { complaint } = (await (await owner.post('/api/complaints', pothole)).json()) as Filed;
    const mine = (await (await owner.get('/api/complaints')).json()) as { id: string }[];
    expect(mine.map((c) => c.id)).toEqual([complaint.id]);
    expect((await owner.get(`/api/complaints/${complaint.id}`)).status).toBe(200);

    const stranger = await signedInCitizen();
    const probe = await stranger.get(`/api/complaints/${complaint.id}`);
    expect(probe.status).toBe(404);
    expect(await probe.json()).toEqual(await (await stranger.get('/api/complaints/00000000-0000-4000-8000-000000000000')).json());
    expect(await (await stranger.get('/api/complaints')).json()).toEqual([]);

    const otherDepartment = await signedInOfficial('transport');
    expect((await otherDepartment.get(`/api/complaints/${complaint.id}`)).status).toBe(404);
    const safety = await signedInOfficial('safety');
    const seen = (await (await safety.get(`/api/complaints/${complaint.id}`)).json()) as Filed['complaint'];
    expect(seen).toMatchObject({ id: complaint.id, contactEmail: null });
    expect(((await (await safety.get('/api/complaints')).json()) as { id: string }[]).map((c) => c.id)).toContain(complaint.id);
    expect((await client().get(`/api/complaints/${complaint.id}`)).status).toBe(401);

    const exported = (await (await owner.get('/api/me/export')).json()) as { complaints: { caseNumber: string; description: string }[] };
    expect(exported.complaints).toEqual([expect.objectContaining({ caseNumber: complaint.caseNumber, description: pothole.description })]);
  });

  test('markup, oversize text, unknown services and missing locations are refused with translated errors', async () => {
    const html = await client().request(
      'POST',
      '/api/complaints',
      { ...pothole, description: 'Broken <script>alert(1)</script>' },
      { 'accept-language': 'ko' },
    );
    const body = (await html.json()) as { code: string; message: string; fields: unknown };
    expect(body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'description', rules: ['notContains'] }] });
    expect(body.message).toMatch(/[가-힣]/);
    const long = await client().post('/api/complaints', { ...pothole, description: 'x'.repeat(4001) });
    expect(await long.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'description', rules: ['isLength'] }] });
    const appointment = await client().post('/api/complaints', {
      ...pothole,
      serviceId: api.context.pack.services.find((s) => s.kind === 'appointment')?.id,
    });
    expect(await appointment.json()).toMatchObject({ statusCode: 400, code: 'COMPLAINT_UNKNOWN_SERVICE' });
    const nowhere = await client().request('POST', '/api/complaints', { ...pothole, location: {} }, { 'accept-language': 'ar' });
    const nowhereBody = (await nowhere.json()) as { code: string; message: string };
    expect(nowhereBody.code).toBe('COMPLAINT_LOCATION_REQUIRED');
    expect(nowhereBody.message).toMatch(/[\u0600-\u06FF]/);
    const halfPoint = await client().post('/api/complaints', { ...pothole, location: { lat: 37.5 } });
    expect(await halfPoint.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'location.long', rules: ['isDefined'] }] });
    const byAddress = await client().post('/api/complaints', { ...pothole, location: { address: '110 Sejong-daero, Jung-gu' } });
    expect(byAddress.status).toBe(201);
  });

  test('officials of the department move a complaint along its lifecycle with public and internal notes', async () => {
    const owner = await signedInCitizen();
    const { complaint } = (await (await owner.post('/api/complaints', pothole)).json()) as Filed;
    const safety = await signedInOfficial('safety');
    const step = (status: string | undefined, note: string, isPublic = true) =>
      safety.patch(`/api/complaints/${complaint.id}`, { ...(status ? { status } : {}), note, public: isPublic });

    expect((await step('acknowledged', 'Crew informed.')).status).toBe(200);
    expect((await step(undefined, 'Caller is a regular reporter.', false)).status).toBe(200);
    const skipped = await step('closed', 'Skipping ahead.');
    expect(skipped.status).toBe(409);
    expect(await skipped.json()).toMatchObject({
      code: 'COMPLAINT_INVALID_TRANSITION',
      from: 'acknowledged',
      to: 'closed',
      allowed: ['in_progress', 'rejected'],
    });
    expect((await step('in_progress', 'Repair scheduled for tonight.')).status).toBe(200);
    const resolved = (await (await step('resolved', 'Filled and sealed.')).json()) as {
      status: string;
      history: { status: string; public: boolean }[];
    };
    expect(resolved.status).toBe('resolved');
    expect(resolved.history.map((h) => [h.status, h.public])).toEqual([
      ['submitted', true],
      ['acknowledged', true],
      ['acknowledged', false],
      ['in_progress', true],
      ['resolved', true],
    ]);

    // The filer sees the public history only.
    const seenByOwner = (await (await owner.get(`/api/complaints/${complaint.id}`)).json()) as { history: { note: string | null }[] };
    expect(seenByOwner.history.map((h) => h.note)).toEqual([null, 'Crew informed.', 'Repair scheduled for tonight.', 'Filled and sealed.']);

    // Nobody else may act on it: the owner, another department, a bad body.
    expect((await owner.patch(`/api/complaints/${complaint.id}`, { status: 'closed', note: 'Done' })).status).toBe(403);
    const transport = await signedInOfficial('transport');
    expect((await transport.patch(`/api/complaints/${complaint.id}`, { status: 'closed', note: 'Done' })).status).toBe(404);
    expect(await (await safety.patch(`/api/complaints/${complaint.id}`, { status: 'closed' })).json()).toMatchObject({
      code: 'VALIDATION_FAILED',
    });

    const inbox = (await (await safety.get('/api/complaints?status=resolved')).json()) as { id: string; status: string }[];
    expect(inbox.map((c) => c.id)).toContain(complaint.id);
    expect(new Set(inbox.map((c) => c.status))).toEqual(new Set(['resolved']));
    expect(await (await safety.get('/api/complaints?status=lost')).json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  test('the inbox finds overdue complaints', async () => {
    const { complaint } = (await (await client().post('/api/complaints', pothole)).json()) as Filed;
    await api.context.dataSource.query(`UPDATE complaint SET expected_by = now() - interval '1 day' WHERE id = $1`, [complaint.id]);
    const safety = await signedInOfficial('safety');
    const overdue = (await (await safety.get('/api/complaints?overdue=true')).json()) as { id: string }[];
    expect(overdue.map((c) => c.id)).toContain(complaint.id);
    const onTime = (await (await safety.get('/api/complaints?overdue=false')).json()) as { id: string }[];
    expect(onTime.map((c) => c.id)).not.toContain(complaint.id);
  });

  test('open complaints of the same service within 50 m are offered before filing again', async () => {
    // A spot of its own, far from the other tests' complaints: on the old Donuimun site.
    const spot = { lat: 37.5682, long: 126.969 };
    const near = (await (await client().post('/api/complaints', { ...pothole, location: spot })).json()) as Filed;
    const metres30North = { lat: spot.lat + 30 / 111_320, long: spot.long };
    const metres80East = { lat: spot.lat, long: spot.long + 80 / (111_320 * Math.cos((spot.lat * Math.PI) / 180)) };
    await client().post('/api/complaints', { ...pothole, location: metres80East });
    await client().post('/api/complaints', { ...pothole, serviceId: 'graffiti', attributes: { surface: 'wall' }, location: spot });

    const found = (await (
      await client().get(`/api/complaints/nearby?lat=${metres30North.lat}&long=${metres30North.long}&service=pothole`)
    ).json()) as {
      caseNumber: string;
      distanceMetres: number;
      contactEmail?: unknown;
    }[];
    expect(found.map((f) => f.caseNumber)).toEqual([near.complaint.caseNumber]);
    expect(found[0]?.distanceMetres).toBeGreaterThanOrEqual(29);
    expect(found[0]?.distanceMetres).toBeLessThanOrEqual(31);
    expect(Object.keys(found[0] ?? {}).sort()).toEqual(['caseNumber', 'createdAt', 'description', 'distanceMetres', 'id', 'status']);
    expect(await (await client().get('/api/complaints/nearby?lat=91&long=0&service=pothole')).json()).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  test('assignment goes only to officials of the department; redaction removes the text for good and says why', async () => {
    const owner = await signedInCitizen();
    const { complaint } = (await (
      await owner.post('/api/complaints', { ...pothole, description: 'The crew are useless idiots, fix it.' })
    ).json()) as Filed;
    const lead = await signedInOfficial('safety');
    const colleague = await signedInOfficial('safety');
    const outsider = await signedInOfficial('transport');
    const idOf = async (person: TestClient) => ((await (await person.get('/api/me')).json()) as { id: string }).id;

    const assigned = await lead.patch(`/api/complaints/${complaint.id}/assignee`, { assigneeId: await idOf(colleague) });
    expect(await assigned.json()).toMatchObject({ assigneeId: await idOf(colleague) });
    const wrong = await lead.patch(`/api/complaints/${complaint.id}/assignee`, { assigneeId: await idOf(outsider) });
    expect(await wrong.json()).toMatchObject({ statusCode: 400, code: 'COMPLAINT_ASSIGNEE_NOT_IN_DEPARTMENT' });
    expect(await (await lead.patch(`/api/complaints/${complaint.id}/assignee`, { assigneeId: null })).json()).toMatchObject({
      assigneeId: null,
    });
    expect((await owner.patch(`/api/complaints/${complaint.id}/assignee`, { assigneeId: null })).status).toBe(403);

    const redacted = await colleague.post(`/api/complaints/${complaint.id}/redaction`, { reason: 'Insults towards staff' });
    expect(await redacted.json()).toMatchObject({ description: null, redacted: { reason: 'Insults towards staff' } });
    const seenByOwner = (await (await owner.get(`/api/complaints/${complaint.id}`)).json()) as {
      description: string | null;
      redacted: unknown;
      assigneeId?: unknown;
    };
    expect(seenByOwner).toMatchObject({ description: null, redacted: { reason: 'Insults towards staff' } });
    expect(seenByOwner.assigneeId).toBeUndefined();
    const stored = await api.context.dataSource.query<{ description: string }[]>('SELECT description FROM complaint WHERE id = $1', [
      complaint.id,
    ]);
    expect(stored).toEqual([{ description: '[redacted]' }]);
    const audited = await api.context.dataSource.query<{ action: string }[]>(
      `SELECT action FROM audit_event WHERE object_id = $1 AND action IN ('complaint.assigned', 'complaint.redacted') ORDER BY id`,
      [complaint.id],
    );
    expect(audited.map((a) => a.action)).toEqual(['complaint.assigned', 'complaint.assigned', 'complaint.redacted']);
    expect((await outsider.post(`/api/complaints/${complaint.id}/redaction`, { reason: 'Not mine to judge' })).status).toBe(404);
  });
});
