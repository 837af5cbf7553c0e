import type { Socket } from 'socket.io-client';
import type { AuditContext } from '../../api/src/audit/audit.service.js';
import type { PresenceJoined } from '../../api/src/presence/presence.types.js';
import { RetentionService } from '../../api/src/privacy/retention.service.js';
import type { ReportRecord, ReportsMade } from '../../api/src/reports/reports.service.js';
import { people } from '../support/consultation-people.js';
import type { TestClient } from '../support/http-client.js';
import { ask, connectLive } from '../support/live-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeWithDatabase } from '../support/test-database.js';

/** Seoul's city hall floor (see api/city-packs/seoul.json): a spot well inside it, `north` and `east` metres away. */
const spot = (north: number, east: number) => ({
  lat: 37.5667 + north / 111_320,
  lon: 126.978 + east / (111_320 * Math.cos((37.5667 * Math.PI) / 180)),
  headingDegrees: 0,
});

const system: AuditContext = { actorId: null, source: 'system', requestId: null };

describeWithDatabase('reports people make: in their export, after erasure, under retention, listed for admins', () => {
  let api: TestApp;
  const sockets: Socket[] = [];
  const { client, citizen, official, admin, consultation } = people(() => api);
  const json = async <T>(response: Promise<Response>): Promise<T> => (await response).json() as Promise<T>;
  const idOf = async (who: TestClient) => (await json<{ id: string }>(who.get('/api/me'))).id;
  const query = <T>(sql: string, parameters: unknown[]) => api.context.dataSource.query<T[]>(sql, parameters);

  /** `reporter` reports `reported` in the virtual hall, through real sockets as the twin does. */
  const reportInHall = async (reporter: TestClient, reported: TestClient, reason: string) => {
    const [by, of] = await Promise.all([connectLive(api.url, reporter), connectLive(api.url, reported)]);
    sockets.push(by, of);
    await ask(by, 'presence.join', spot(8, -8));
    const joined = await ask<{ ok: boolean } & Partial<PresenceJoined>>(of, 'presence.join', spot(8, -5));
    expect(await ask(by, 'presence.report', { visitorId: joined.you?.visitorId, reason })).toEqual({ ok: true });
    by.disconnect();
    of.disconnect();
  };

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await api.close();
  });

  test("a person's export holds the reports they made: reason, when, about which consultation — never whom in the hall", async () => {
    const { filer, consultation: room } = await consultation();
    const other = await citizen();
    expect((await filer.post(`/api/consultations/${room.id}/report`, { reason: 'The official was rude.' })).status).toBe(201);
    await reportInHall(filer, other, 'following');
    const otherId = await idOf(other);

    const exported = await json<{ reportsMade: ReportsMade }>(filer.get('/api/me/export'));
    expect(exported.reportsMade).toEqual({
      consultationReports: [{ consultationId: room.id, reason: 'The official was rude.', createdAt: expect.any(String) }],
      presenceReports: [{ hallId: 'seoul-city-hall', reason: 'following', createdAt: expect.any(String) }],
    });
    expect(JSON.stringify(exported.reportsMade)).not.toContain(otherId);
    // The reported person's export does not list a report made about them.
    expect((await json<{ reportsMade: ReportsMade }>(other.get('/api/me/export'))).reportsMade).toEqual({
      consultationReports: [],
      presenceReports: [],
    });
  });

  test('erasure keeps every report on the record, without the erased person on either side', async () => {
    const { filer, officer, consultation: room } = await consultation();
    const [reporter, reported, bystander] = await Promise.all([citizen(), citizen(), citizen()]);
    const [officerId, reporterId, reportedId, bystanderId] = await Promise.all([officer, reporter, reported, bystander].map(idOf));
    expect((await filer.post(`/api/consultations/${room.id}/report`, { reason: 'Kept me waiting.' })).status).toBe(201);
    expect((await officer.post(`/api/consultations/${room.id}/report`, { reason: 'Abusive messages.' })).status).toBe(201);
    await reportInHall(reporter, reported, 'blocking');
    await reportInHall(bystander, reporter, 'disruptive');

    for (const erased of [filer, reporter]) expect((await erased.delete('/api/me', { password: 'lantern-harbour-42' })).status).toBe(204);

    const consultationReports = await query<{ reporter_id: string | null; reason: string }>(
      'SELECT reporter_id, reason FROM consultation_report WHERE consultation_id = $1 ORDER BY reason',
      [room.id],
    );
    expect(consultationReports).toEqual([
      { reporter_id: officerId, reason: 'Abusive messages.' },
      { reporter_id: null, reason: 'Kept me waiting.' },
    ]);
    const presenceReports = await query<{ reporter_id: string | null; reported_id: string | null; reason: string }>(
      `SELECT reporter_id, reported_id, reason FROM presence_report WHERE reason IN ('blocking', 'disruptive')
          AND (reported_id = $1 OR reporter_id = $2) ORDER BY reason`,
      [reportedId, bystanderId],
    );
    expect(presenceReports).toEqual([
      { reporter_id: null, reported_id: reportedId, reason: 'blocking' },
      { reporter_id: bystanderId, reported_id: null, reason: 'disruptive' },
    ]);
    const stillNamed = await query<{ n: number }>(
      'SELECT (SELECT count(*) FROM presence_report WHERE $1 IN (reporter_id, reported_id))::int AS n',
      [reporterId],
    );
    expect(stillNamed).toEqual([{ n: 0 }]);
  });

  test('reports are kept 365 days: the dry run counts the older ones, the run deletes only them', async () => {
    const { filer, consultation: room } = await consultation();
    const [ana, ben] = await Promise.all([citizen(), citizen()]);
    expect((await filer.post(`/api/consultations/${room.id}/report`, { reason: 'An old report.' })).status).toBe(201);
    expect((await filer.post(`/api/consultations/${room.id}/report`, { reason: 'A recent report.' })).status).toBe(201);
    await reportInHall(ana, ben, 'other');
    await reportInHall(ben, ana, 'other');
    const [anaId, benId] = await Promise.all([idOf(ana), idOf(ben)]);
    await query(
      `UPDATE consultation_report SET at = now() - interval '366 days' WHERE consultation_id = $1 AND reason = 'An old report.'`,
      [room.id],
    );
    await query(
      `UPDATE consultation_report SET at = now() - interval '364 days' WHERE consultation_id = $1 AND reason = 'A recent report.'`,
      [room.id],
    );
    await query(`UPDATE presence_report SET at = now() - interval '366 days' WHERE reporter_id = $1`, [anaId]);
    const left = async () => ({
      consultation: (await query<{ reason: string }>('SELECT reason FROM consultation_report WHERE consultation_id = $1', [room.id])).map(
        (row) => row.reason,
      ),
      presence: (
        await query<{ reporter_id: string }>('SELECT reporter_id FROM presence_report WHERE $1 IN (reporter_id, reported_id)', [anaId])
      ).map((row) => row.reporter_id),
    });
    const retention = api.app.get(RetentionService);

    const counted = await retention.run({ dryRun: true }, system);
    expect(counted.oldConsultationReports).toBeGreaterThanOrEqual(1);
    expect(counted.oldPresenceReports).toBeGreaterThanOrEqual(1);
    expect((await left()).consultation.sort()).toEqual(['A recent report.', 'An old report.']);

    const deleted = await retention.run({ dryRun: false }, system);
    expect(deleted.oldConsultationReports).toBeGreaterThanOrEqual(1);
    expect(deleted.oldPresenceReports).toBeGreaterThanOrEqual(1);
    expect(await left()).toEqual({ consultation: ['A recent report.'], presence: [benId] });
  });

  test('admins list both kinds, newest first and paged; officials and citizens are refused, the signed-out asked to sign in', async () => {
    const { filer, officer, consultation: room } = await consultation();
    const other = await citizen();
    expect((await officer.post(`/api/consultations/${room.id}/report`, { reason: 'Shouting in the room.' })).status).toBe(201);
    await reportInHall(filer, other, 'disruptive');
    const [filerId, officerId, otherId] = await Promise.all([filer, officer, other].map(idOf));
    const root = await admin();

    const listed = await json<ReportRecord[]>(root.get('/api/admin/reports?limit=200'));
    const times = listed.map((report) => Date.parse(report.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const mine = listed.filter((report) => report.consultationId === room.id || report.reporterId === filerId);
    expect(mine).toEqual([
      {
        kind: 'presence',
        id: expect.any(String),
        reason: 'disruptive',
        createdAt: expect.any(String),
        reporterId: filerId,
        reportedId: otherId,
        consultationId: null,
      },
      {
        kind: 'consultation',
        id: expect.any(String),
        reason: 'Shouting in the room.',
        createdAt: expect.any(String),
        reporterId: officerId,
        reportedId: filerId,
        consultationId: room.id,
      },
    ]);

    const [first, second] = await Promise.all([
      json<ReportRecord[]>(root.get('/api/admin/reports?limit=1')),
      json<ReportRecord[]>(root.get('/api/admin/reports?limit=1&offset=1')),
    ]);
    const both = await json<ReportRecord[]>(root.get('/api/admin/reports?limit=2'));
    expect([...first, ...second].map((report) => report.id)).toEqual(both.map((report) => report.id));
    expect((await root.get('/api/admin/reports?limit=0')).status).toBe(400);
    expect((await root.get('/api/admin/reports?offset=-1')).status).toBe(400);

    expect((await filer.get('/api/admin/reports')).status).toBe(403);
    expect((await officer.get('/api/admin/reports')).status).toBe(403);
    expect((await (await official('civil-affairs')).get('/api/admin/reports')).status).toBe(403);
    expect((await client().get('/api/admin/reports')).status).toBe(401);
  });
});
