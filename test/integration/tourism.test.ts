import { demoAccounts } from '../../api/src/accounts/demo-accounts.js';
import type { TourismZone } from '../../api/src/city/city-pack.types.js';
import type { OfficialView } from '../../api/src/city/official-view.types.js';
import type { IssuedTicket } from '../../api/src/queues/queue-view.types.js';
import type { TourismZoneSummary } from '../../api/src/tourism/tourism-view.types.js';
import { TestClient, uniqueEmail } from '../support/http-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeWithDatabase } from '../support/test-database.js';

// Seoul's counter 1 (Park Ji-hyun, civil affairs) belongs to the twin's tests; each leaves it closed.
const COUNTER = 'counter-1';
const OFFICIAL = 'park-ji-hyun';

describeWithDatabase('the twin’s API: tourism zones and officials with live state', () => {
  let api: TestApp;
  let anyone: TestClient;
  beforeAll(async () => {
    api = await startTestApp();
    anyone = new TestClient(api.url);
  });
  afterAll(() => api.close());

  const json = async <T>(response: Response | Promise<Response>) => (await (await response).json()) as T;

  test('GET /api/tourism/zones lists every zone of the pack with its sites, years and number of stops, to anyone', async () => {
    const response = await anyone.get('/api/tourism/zones');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    const zones = (await response.json()) as TourismZoneSummary[];
    const { tourismZones } = api.context.pack;
    expect(zones.map((zone) => zone.id)).toEqual(tourismZones.map((zone) => zone.id));
    const donuimun = zones.flatMap((zone) => zone.sites).find((site) => site.id === 'donuimun');
    expect(donuimun).toMatchObject({ builtYear: 1396, lostYear: 1915, tourStopCount: 4 });
    expect(donuimun?.position.lat).toBeCloseTo(37.5682, 3);
    expect(donuimun?.position.lon).toBeCloseTo(126.969, 3);
    expect(zones.flatMap((zone) => zone.sites).find((site) => site.id === 'gwanghwamun')?.lostYear).toBeNull();
  });

  test('GET /api/tourism/zones/:id gives the zone in full: histories, narration and ordered stops in every language', async () => {
    const [expected] = api.context.pack.tourismZones;
    const zone = await json<TourismZone>(anyone.get(`/api/tourism/zones/${expected?.id ?? ''}`));
    expect(zone).toEqual(expected);
    for (const site of zone.sites) {
      for (const language of ['en', 'ko', 'ar']) {
        expect(site.history[language]).toBeTruthy();
        expect(site.narration[language]).toBeTruthy();
        for (const stop of site.tourStops) expect(stop.caption[language]).toBeTruthy();
      }
    }
    expect(await json(anyone.get('/api/tourism/zones/al-fahidi-and-the-creek?lang=ko'))).toMatchObject({
      statusCode: 404,
      code: 'NOT_FOUND',
    });
    expect((await anyone.get('/api/tourism/zones/%3Cscript%3E')).status).toBe(404);
  });

  test('GET /api/city/officials gives every official of the pack, away while their counter is closed', async () => {
    const officials = await json<OfficialView[]>(anyone.get('/api/city/officials'));
    expect(officials.map((official) => official.id)).toEqual(api.context.pack.officials.map((official) => official.id));
    expect(officials.find((official) => official.id === OFFICIAL)).toEqual({
      id: OFFICIAL,
      name: expect.objectContaining({ en: 'Park Ji-hyun' }),
      role: expect.objectContaining({ en: 'Civil affairs officer' }),
      departmentId: 'civil-affairs',
      counterId: COUNTER,
      state: 'away',
    });
    // Nothing about accounts: the pack's people only.
    expect(JSON.stringify(officials)).not.toMatch(/@|email|password/i);
  });

  test('an official’s state follows their counter: open → available, serving a ticket → serving, closed → away', async () => {
    const admin = new TestClient(api.url);
    const demoAdmin = demoAccounts.find((account) => account.role === 'admin');
    await admin.signIn(demoAdmin?.email ?? '', demoAdmin?.password ?? '');
    const email = uniqueEmail('twin-official');
    await admin.post('/api/admin/officials', {
      email,
      displayName: 'Officer',
      departmentId: 'civil-affairs',
      password: 'harbour-lantern-99',
    });
    const desk = new TestClient(api.url);
    await desk.signIn(email, 'harbour-lantern-99');
    const stateOf = async () =>
      (await json<OfficialView[]>(anyone.get('/api/city/officials'))).find((official) => official.id === OFFICIAL)?.state;

    try {
      expect((await desk.post(`/api/queues/${COUNTER}/open`)).status).toBe(200);
      expect(await stateOf()).toBe('available');
      const issued = await json<IssuedTicket>(anyone.post(`/api/queues/${COUNTER}/tickets`, { serviceId: 'residence-certificate' }));
      expect(issued.ticket.status).toBe('waiting');
      // The twin's browser test may have left a ticket waiting here: whichever is first is called.
      const called = await json<{ id: string }>(desk.post(`/api/queues/${COUNTER}/call-next`));
      expect(await stateOf()).toBe('available');
      expect((await desk.post(`/api/queues/tickets/${called.id}/serve`)).status).toBe(200);
      expect(await stateOf()).toBe('serving');
      expect((await desk.post(`/api/queues/tickets/${called.id}/complete`)).status).toBe(200);
      expect(await stateOf()).toBe('available');
    } finally {
      await desk.post(`/api/queues/${COUNTER}/close`);
    }
    expect(await stateOf()).toBe('away');
  });
});
