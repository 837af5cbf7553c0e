import type { Socket } from 'socket.io-client';
import { demoAccounts } from '../../api/src/accounts/demo-accounts.js';
import type { ComplaintView } from '../../api/src/complaints/complaint-view.types.js';
import { LiveGateway } from '../../api/src/live/live.gateway.js';
import { TestClient, uniqueEmail } from '../support/http-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeWithDatabase } from '../support/test-database.js';
import { describeWithRedis, freshRedisUrl } from '../support/test-redis.js';
import { arrived, ask, collect, connectLive, openLive } from '../support/live-client.js';

const pothole = {
  serviceId: 'pothole',
  description: 'A pothole by the bus stop.',
  location: { lat: 37.5665, long: 126.978 },
  attributes: { size: 'small' },
};
const noise = { ...pothole, serviceId: 'noise', attributes: { source: 'vehicle', observed_at: '2026-11-20T22:15:00+09:00' } };

async function official(api: TestApp, departmentId: string): Promise<TestClient> {
  const admin = new TestClient(api.url);
  const demoAdmin = demoAccounts.find((a) => a.role === 'admin');
  await admin.signIn(demoAdmin?.email ?? '', demoAdmin?.password ?? '');
  const email = uniqueEmail('official');
  await admin.post('/api/admin/officials', { email, displayName: 'Officer', departmentId, password: 'harbour-lantern-99' });
  const person = new TestClient(api.url);
  await person.signIn(email, 'harbour-lantern-99');
  return person;
}

describeWithDatabase('live events on /live', () => {
  let api: TestApp;
  const sockets: Socket[] = [];
  const open = async (who: TestClient | undefined, origin?: string) => {
    const connected = await openLive(api.url, who, origin);
    sockets.push(connected.socket);
    return connected;
  };
  beforeAll(async () => {
    api = await startTestApp({ DEMO_DATA: 'true' });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await api.close();
  });

  test('officials hear of new complaints of their own department only', async () => {
    const safety = await open(await official(api, 'safety'));
    const environment = await open(await official(api, 'climate-environment'));
    expect([safety.refused, environment.refused]).toEqual([undefined, undefined]);
    const heardByEnvironment = collect(environment.socket, 'complaint.filed');

    const heard = collect(safety.socket, 'complaint.filed');
    const response = await new TestClient(api.url).post('/api/complaints', pothole);
    const { complaint } = (await response.json()) as { complaint: ComplaintView };
    expect(await arrived(heard, (event) => event.id === complaint.id)).toEqual({
      id: complaint.id,
      caseNumber: complaint.caseNumber,
      serviceId: 'pothole',
      createdAt: complaint.createdAt,
    });

    // Something sent to the environment department afterwards proves its socket was listening all along.
    const filedNoise = (await (await new TestClient(api.url).post('/api/complaints', noise)).json()) as { complaint: ComplaintView };
    await arrived(heardByEnvironment, (event) => event.id === filedNoise.complaint.id);
    expect(heardByEnvironment.map((event) => event.id)).not.toContain(complaint.id);
  });

  test('the filer and followers hear when an official moves their complaint; strangers do not', async () => {
    const filer = new TestClient(api.url);
    await filer.register(uniqueEmail('filer'));
    const { complaint } = (await (await filer.post('/api/complaints', pothole)).json()) as { complaint: ComplaintView };
    const follower = new TestClient(api.url);
    await follower.register(uniqueEmail('follower'));
    await follower.post(`/api/complaints/${complaint.id}/followers`);
    const stranger = new TestClient(api.url);
    await stranger.register(uniqueEmail('stranger'));

    const [filerSocket, followerSocket, strangerSocket] = await Promise.all([open(filer), open(follower), open(stranger)]);
    const strangerHeard = collect(strangerSocket.socket, 'complaint.updated');
    const toFiler = collect(filerSocket.socket, 'complaint.updated');
    const toFollower = collect(followerSocket.socket, 'complaint.updated');
    const staff = await official(api, 'safety');
    expect((await staff.patch(`/api/complaints/${complaint.id}`, { status: 'acknowledged', note: 'On our list.' })).status).toBe(200);
    expect(await arrived(toFiler, (event) => event.id === complaint.id)).toMatchObject({ status: 'acknowledged' });
    expect(await arrived(toFollower, (event) => event.id === complaint.id)).toMatchObject({ status: 'acknowledged' });
    expect(strangerHeard).toEqual([]);
  });

  test('a page of another site is refused; a socket without a session joins nothing until it shows a token', async () => {
    const citizen = new TestClient(api.url);
    await citizen.register(uniqueEmail('citizen'));
    expect((await open(citizen, 'https://evil.example')).refused).toBe('CSRF_REJECTED');

    const { socket, refused } = await open(undefined);
    expect(refused).toBeUndefined();
    const heard = collect(socket, 'complaint.updated');
    const { complaint, trackingToken } = (await (await new TestClient(api.url).post('/api/complaints', pothole)).json()) as {
      complaint: ComplaintView;
      trackingToken: string;
    };
    const watch = (body: unknown) => ask(socket, 'watch', body);
    expect(await watch({ kind: 'complaint', key: 'A'.repeat(24) })).toEqual({ ok: false, code: 'NOT_FOUND' });
    expect(await watch({ kind: 'ticket-of-someone', key: trackingToken })).toEqual({ ok: false, code: 'NOT_FOUND' });
    expect(await watch({ kind: 'complaint' })).toEqual({ ok: false, code: 'VALIDATION_FAILED' });
    expect(await watch({ kind: 'complaint', key: trackingToken })).toEqual({ ok: true });

    const staff = await official(api, 'safety');
    await staff.patch(`/api/complaints/${complaint.id}`, { status: 'acknowledged', note: 'Seen.' });
    expect(await arrived(heard, (event) => event.id === complaint.id)).toMatchObject({ status: 'acknowledged' });
    expect(heard.map((event) => event.id)).toEqual([complaint.id]);
  });

  test('a socket whose session ended is dropped at the next sweep', async () => {
    const citizen = new TestClient(api.url);
    await citizen.register(uniqueEmail('leaving'));
    const { socket } = await open(citizen);
    const gone = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    await citizen.post('/api/auth/logout');
    await api.app.get(LiveGateway).dropEndedSessions();
    expect(await gone).toBe('io server disconnect');
  });
});

describeWithDatabase('live events across instances', () => {
  describeWithRedis('through Redis', () => {
    let first: TestApp;
    let second: TestApp;
    let socket: Socket | undefined;
    beforeAll(async () => {
      const REDIS_URL = await freshRedisUrl();
      first = await startTestApp({ DEMO_DATA: 'true', REDIS_URL });
      second = await startTestApp({ DEMO_DATA: 'true', REDIS_URL });
    });
    afterAll(async () => {
      socket?.disconnect();
      await Promise.all([first.close(), second.close()]);
    });

    test('a complaint filed on one instance reaches an official connected to the other', async () => {
      socket = await connectLive(first.url, await official(first, 'safety'));
      const heard = collect(socket, 'complaint.filed');
      const response = await new TestClient(second.url).post('/api/complaints', pothole);
      const body = (await response.json()) as { complaint: ComplaintView };
      expect(response.status).toBe(201);
      expect((await arrived(heard, (event) => event.id === body.complaint.id)).serviceId).toBe('pothole');
    });
  });
});
