import { demoAccounts } from '../../api/src/accounts/demo-accounts.js';
import type { ComplaintView, NearbyComplaint } from '../../api/src/complaints/complaint-view.types.js';
import { TestClient, uniqueEmail } from '../support/http-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeWithDatabase } from '../support/test-database.js';

interface Filed {
  complaint: ComplaintView;
  trackingToken: string;
}

/** Following a complaint instead of filing it again; finding duplicates by place; the inbox's paging and filters. */
describeWithDatabase('complaints: following, duplicates by place, inbox filters', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ DEMO_DATA: 'true' });
  });
  afterAll(() => api.close());

  const client = () => new TestClient(api.url);
  // Each test uses a service of its own, so duplicates found are only the test's own.
  const complaintAt = (serviceId: string, placeId: string, attributes: Record<string, string>) => ({
    serviceId,
    description: 'Seen on the way to the library.',
    location: { placeId },
    attributes,
  });
  const citizen = async () => {
    const person = client();
    await person.register(uniqueEmail('citizen'));
    return person;
  };
  const official = async (departmentId: string) => {
    const admin = client();
    const demoAdmin = demoAccounts.find((a) => a.role === 'admin');
    await admin.signIn(demoAdmin?.email ?? '', demoAdmin?.password ?? '');
    const email = uniqueEmail('official');
    const created = await admin.post('/api/admin/officials', {
      email,
      displayName: `Officer ${email}`,
      departmentId,
      password: 'harbour-lantern-99',
    });
    const person = client();
    await person.signIn(email, 'harbour-lantern-99');
    return { person, id: ((await created.json()) as { id: string }).id };
  };
  const file = async (who: TestClient, body: unknown): Promise<Filed> => {
    const response = await who.post('/api/complaints', body);
    expect(response.status).toBe(201);
    return (await response.json()) as Filed;
  };

  test('a place of the list gives the complaint its centre, and duplicates are found by place or by coordinates', async () => {
    const { complaint } = await file(client(), complaintAt('broken-sidewalk', 'seoul-library', { hazard: 'sunken' }));
    expect(complaint.location).toMatchObject({ placeId: 'seoul-library', lat: expect.any(Number), long: expect.any(Number) });

    const byPlace = await client().get('/api/complaints/nearby?service=broken-sidewalk&placeId=seoul-library');
    expect(byPlace.status).toBe(200);
    const found = (await byPlace.json()) as NearbyComplaint[];
    expect(found.map((c) => c.id)).toContain(complaint.id);
    expect(found.find((c) => c.id === complaint.id)).toMatchObject({ caseNumber: complaint.caseNumber, distanceMetres: 0 });
    // Equally near (the place's centre): the newest first, so a busy place never hides the latest report.
    const { complaint: newer } = await file(client(), complaintAt('broken-sidewalk', 'seoul-library', { hazard: 'sunken' }));
    const both = (
      (await (await client().get('/api/complaints/nearby?service=broken-sidewalk&placeId=seoul-library')).json()) as NearbyComplaint[]
    ).map((c) => c.id);
    expect(both.indexOf(newer.id)).toBeGreaterThanOrEqual(0);
    expect(both.indexOf(newer.id)).toBeLessThan(both.indexOf(complaint.id));

    const { lat, long } = complaint.location;
    const near = (await (
      await client().get(`/api/complaints/nearby?service=broken-sidewalk&lat=${lat}&long=${long! + 0.0004}`)
    ).json()) as NearbyComplaint[];
    expect(near.find((c) => c.id === complaint.id)?.distanceMetres).toBeGreaterThan(25);
    const far = (await (
      await client().get(`/api/complaints/nearby?service=broken-sidewalk&lat=${lat}&long=${long! + 0.001}`)
    ).json()) as NearbyComplaint[];
    expect(far.map((c) => c.id)).not.toContain(complaint.id);
    const otherService = (await (
      await client().get('/api/complaints/nearby?service=pothole&placeId=seoul-library')
    ).json()) as NearbyComplaint[];
    expect(otherService.map((c) => c.id)).not.toContain(complaint.id);
  });

  test('unknown places and a missing point are refused with their own codes', async () => {
    const unknown = await client().get('/api/complaints/nearby?service=pothole&placeId=atlantis&lang=ko');
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ code: 'COMPLAINT_UNKNOWN_PLACE', message: expect.stringContaining('장소') });
    const nowhere = await client().get('/api/complaints/nearby?service=pothole');
    expect(nowhere.status).toBe(400);
    expect(await nowhere.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    const filed = await client().post('/api/complaints', complaintAt('pothole', 'atlantis', { size: 'small' }));
    expect(filed.status).toBe(400);
    expect(await filed.json()).toMatchObject({ code: 'COMPLAINT_UNKNOWN_PLACE' });
  });

  test('a signed-in citizen follows instead of filing: it joins their list, they read its public history, and can stop', async () => {
    const filer = await citizen();
    const { complaint } = await file(filer, {
      ...complaintAt('graffiti', 'seoul-council', { surface: 'wall' }),
      mediaUrl: 'https://photos.example.org/wall.jpg',
    });
    const staff = await official('climate-environment');
    await staff.person.patch(`/api/complaints/${complaint.id}`, { status: 'acknowledged', note: 'We will clean it this week.' });
    await staff.person.patch(`/api/complaints/${complaint.id}`, { note: 'Crew B, wall is listed heritage.', public: false });

    const follower = await citizen();
    expect((await follower.get(`/api/complaints/${complaint.id}`)).status).toBe(404);
    const followed = await follower.post(`/api/complaints/${complaint.id}/followers`);
    expect(followed.status).toBe(200);
    expect(await followed.json()).toEqual({ following: true });
    expect((await follower.post(`/api/complaints/${complaint.id}/followers`)).status).toBe(200);

    const list = (await (await follower.get('/api/complaints')).json()) as ComplaintView[];
    expect(list.map((c) => [c.id, c.relation])).toEqual([[complaint.id, 'following']]);
    const seen = (await (await follower.get(`/api/complaints/${complaint.id}`)).json()) as ComplaintView;
    expect(seen.history.map((h) => h.note)).toEqual([null, 'We will clean it this week.']);
    expect(seen.contactEmail).toBeUndefined();
    // What the filer told the city (answers, photo link) is not a follower's to read.
    expect([seen.attributes, seen.mediaUrl]).toEqual([{}, null]);
    const filersView = (await (await filer.get(`/api/complaints/${complaint.id}`)).json()) as ComplaintView;
    expect([filersView.attributes, filersView.mediaUrl]).toEqual([{ surface: 'wall' }, 'https://photos.example.org/wall.jpg']);
    const filersList = (await (await filer.get('/api/complaints')).json()) as ComplaintView[];
    expect(filersList.map((c) => c.relation)).toEqual(['filed']);

    const staffView = (await (await staff.person.get(`/api/complaints/${complaint.id}`)).json()) as ComplaintView;
    expect(staffView.followers).toBe(1);

    expect((await follower.delete(`/api/complaints/${complaint.id}/followers/me`)).status).toBe(204);
    expect((await follower.delete(`/api/complaints/${complaint.id}/followers/me`)).status).toBe(404);
    expect((await follower.get(`/api/complaints/${complaint.id}`)).status).toBe(404);
    expect(await (await follower.get('/api/complaints')).json()).toEqual([]);
  });

  test('signed out, following gives a tracking code of its own; closed complaints cannot be followed', async () => {
    const { complaint } = await file(client(), complaintAt('illegal-dumping', 'anglican-cathedral', { amount: 'bags' }));
    const followed = await client().post(`/api/complaints/${complaint.id}/followers`);
    expect(followed.status).toBe(201);
    const { trackingToken } = (await followed.json()) as { trackingToken: string };
    expect(trackingToken).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const tracked = (await (await client().get(`/api/complaints/track/${trackingToken}`)).json()) as ComplaintView;
    expect(tracked).toMatchObject({ id: complaint.id, caseNumber: complaint.caseNumber, attributes: {} });

    const staff = await official('climate-environment');
    await staff.person.patch(`/api/complaints/${complaint.id}`, { status: 'rejected', note: 'Private land.' });
    const late = await client().post(`/api/complaints/${complaint.id}/followers?lang=ar`);
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ code: 'COMPLAINT_NOT_OPEN', message: expect.stringMatching(/[\u0600-\u06FF]/) });
    expect((await client().post('/api/complaints/00000000-0000-4000-8000-000000000000/followers')).status).toBe(404);
  });

  test('erasing an account ends what it followed', async () => {
    const { complaint } = await file(client(), complaintAt('streetlight-out', 'daehanmun', { problem: 'off' }));
    const email = uniqueEmail('leaving');
    const leaving = client();
    await leaving.register(email);
    await leaving.post(`/api/complaints/${complaint.id}/followers`);
    const count = async () =>
      (
        await api.context.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM complaint_follower WHERE complaint_id = $1', [
          complaint.id,
        ])
      )[0]?.n;
    expect(await count()).toBe(1);
    expect((await leaving.delete('/api/me', { password: 'lantern-harbour-42' })).status).toBeLessThan(300);
    expect(await count()).toBe(0);
  });

  test('officials list who can take a complaint: their department only', async () => {
    const { complaint } = await file(client(), complaintAt('pothole', 'seoul-library', { size: 'large' }));
    const safety = await official('safety');
    const assignees = (await (await safety.person.get(`/api/complaints/${complaint.id}/assignees`)).json()) as {
      id: string;
      name: string;
    }[];
    expect(assignees.map((a) => a.id)).toContain(safety.id);
    expect(assignees.every((a) => typeof a.name === 'string')).toBe(true);
    const transport = await official('transport');
    expect((await transport.person.get(`/api/complaints/${complaint.id}/assignees`)).status).toBe(404);
    expect((await (await citizen()).get(`/api/complaints/${complaint.id}/assignees`)).status).toBe(403);
  });

  test('the inbox pages 50 at a time and filters by age and assignee', async () => {
    const staff = await official('transport');
    const filings = await Promise.all(
      Array.from({ length: 53 }, () => file(client(), complaintAt('illegal-parking', 'plaza-hotel', { obstruction: 'crosswalk' }))),
    );
    const ids = new Set(filings.map((f) => f.complaint.id));
    const page = async (query: string) =>
      ((await (await staff.person.get(`/api/complaints?serviceId=illegal-parking${query}`)).json()) as ComplaintView[]).map((c) => c.id);
    const first = await page('');
    const second = await page('&page=2');
    expect(first).toHaveLength(50);
    expect(second).toHaveLength(3);
    expect(new Set([...first, ...second])).toEqual(ids);

    const [old] = filings;
    await api.context.dataSource.query(`UPDATE complaint SET created_at = now() - interval '10 days' WHERE id = $1`, [old!.complaint.id]);
    expect(await page('&minAgeDays=7')).toEqual([old!.complaint.id]);

    await staff.person.patch(`/api/complaints/${old!.complaint.id}/assignee`, { assigneeId: staff.id });
    expect(await page('&assignee=me')).toEqual([old!.complaint.id]);
    expect(await page('&assignee=none&page=2')).toHaveLength(2);
    expect((await staff.person.get('/api/complaints?page=0')).status).toBe(400);
    expect((await staff.person.get('/api/complaints?assignee=someone')).status).toBe(400);
  });
});
