import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { demoAccounts } from '../../api/src/accounts/demo-accounts.js';
import type { AppointmentView } from '../../api/src/appointments/appointment-view.types.js';
import { repoRoot } from '../../api/src/config/paths.js';
import { appointmentHelpers } from '../support/appointment-helpers.js';
import { TestClient, uniqueEmail } from '../support/http-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeWithDatabase, runDatabaseUrl } from '../support/test-database.js';

const password = 'harbour-lantern-99';
const RESIDENT = 'resident-registration-consultation';

describeWithDatabase("officials' accounts linked to the city pack's officials", () => {
  let api: TestApp;
  const db = new pg.Client({ connectionString: runDatabaseUrl() });
  beforeAll(async () => {
    api = await startTestApp();
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await api.close();
  });
  const { client, citizen, admin, seoulDate, slots, booked } = appointmentHelpers(() => api.url);

  /** Makes an official's account through the admin API; the answer as it came. */
  const createOfficial = async (departmentId: string, officialId?: string) => {
    const email = uniqueEmail(`official-${departmentId}`);
    const response = await (
      await admin()
    ).post('/api/admin/officials', { email, displayName: 'Officer', departmentId, password, officialId });
    return { email, response, body: (await response.json()) as { id: string; officialId: string | null; code?: string } };
  };
  const signedIn = async (email: string) => {
    const person = client();
    expect((await person.signIn(email, password)).status).toBe(200);
    return person;
  };
  const link = async (accountId: string, officialId: string | null) =>
    (await admin()).patch(`/api/admin/accounts/${accountId}/official`, { officialId });
  const auditActions = async (accountId: string) =>
    (await db.query<{ action: string }>(`SELECT action FROM audit_event WHERE object_id = $1 ORDER BY id`, [accountId])).rows.map(
      (row) => row.action,
    );
  const freeUp = (accountId: string) => link(accountId, null);

  test('only a pack official of the account’s own department can be linked, by an admin, audited', async () => {
    // welfare's only official is jung-min-ho; park-ji-hyun is of civil-affairs.
    for (const officialId of ['park-ji-hyun', 'no-such-official']) {
      const refused = await createOfficial('welfare', officialId);
      expect(refused.response.status).toBe(400);
      expect(refused.body.code).toBe('ACCOUNT_OFFICIAL_NOT_IN_DEPARTMENT');
      expect((await client().signIn(refused.email, password)).status).toBe(401);
    }
    expect((await createOfficial('welfare', 'Not An Id')).body.code).toBe('VALIDATION_FAILED');

    const made = await createOfficial('welfare', 'jung-min-ho');
    expect(made.response.status).toBe(201);
    expect(made.body.officialId).toBe('jung-min-ho');
    expect(await auditActions(made.body.id)).toEqual(['account.role_changed', 'account.official_linked']);

    // One pack official, one account: on creation and on linking.
    const second = await createOfficial('welfare', 'jung-min-ho');
    expect(second.response.status).toBe(409);
    expect(second.body.code).toBe('ACCOUNT_OFFICIAL_TAKEN');
    const unlinked = await createOfficial('welfare');
    expect(unlinked.body.officialId).toBeNull();
    const taken = await link(unlinked.body.id, 'jung-min-ho');
    expect(taken.status).toBe(409);
    expect(await taken.json()).toMatchObject({ code: 'ACCOUNT_OFFICIAL_TAKEN' });
    expect((await link(unlinked.body.id, 'choi-yu-jin')).status).toBe(400);

    // Unlinking frees the official for another account; both changes are audited.
    const cleared = await freeUp(made.body.id);
    expect(cleared.status).toBe(200);
    expect(await cleared.json()).toMatchObject({ id: made.body.id, officialId: null });
    const moved = await link(unlinked.body.id, 'jung-min-ho');
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ officialId: 'jung-min-ho' });
    expect(await auditActions(made.body.id)).toEqual(['account.role_changed', 'account.official_linked', 'account.official_unlinked']);
    expect(await auditActions(unlinked.body.id)).toEqual(['account.role_changed', 'account.official_linked']);

    // A citizen has no pack official; only an admin links; the body must say which (null to unlink).
    const person = await citizen();
    const { id: citizenId } = (await (await person.get('/api/me')).json()) as { id: string };
    const notOfficial = await link(citizenId, 'jung-min-ho');
    expect(notOfficial.status).toBe(400);
    expect(await notOfficial.json()).toMatchObject({ code: 'ACCOUNT_NOT_AN_OFFICIAL' });
    expect(await (await link(citizenId, null)).json()).toMatchObject({ code: 'ACCOUNT_NOT_AN_OFFICIAL' });
    expect((await person.patch(`/api/admin/accounts/${citizenId}/official`, { officialId: null })).status).toBe(403);
    expect(await (await (await admin()).patch(`/api/admin/accounts/${unlinked.body.id}/official`, {})).json()).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect((await link('00000000-0000-4000-8000-000000000000', null)).status).toBe(404);

    // A role change away from official (or to another department) ends the link; the database holds the rule too.
    expect(await (await (await admin()).patch(`/api/admin/accounts/${unlinked.body.id}/role`, { role: 'citizen' })).json()).toMatchObject({
      role: 'citizen',
      officialId: null,
    });
    await expect(db.query(`UPDATE user_account SET official_id = 'jung-min-ho' WHERE id = $1`, [citizenId])).rejects.toThrow(
      /ck_user_account_official_id/,
    );
  });

  test('two admins linking two accounts to one official at once: exactly one wins', async () => {
    const [first, second] = await Promise.all([createOfficial('economy'), createOfficial('economy')]);
    const answers = await Promise.all([link(first.body.id, 'kang-su-bin'), link(second.body.id, 'kang-su-bin')]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const { rows } = await db.query(`SELECT id FROM user_account WHERE official_id = 'kang-su-bin'`);
    expect(rows).toHaveLength(1);
    await freeUp((rows[0] as { id: string }).id);
  });

  test("an erased official's account frees the pack official for another account", async () => {
    const erased = await createOfficial('tourism-sports', 'song-da-eun');
    expect(erased.response.status).toBe(201);
    expect((await (await signedIn(erased.email)).delete('/api/me', { password })).status).toBe(204);
    const next = await createOfficial('tourism-sports', 'song-da-eun');
    expect(next.response.status).toBe(201);
    expect(next.body.officialId).toBe('song-da-eun');
    expect((await link(erased.body.id, 'song-da-eun')).status).toBe(404);
    await freeUp(next.body.id);
  });

  test('GET /api/me names the pack official and their counter; the demo official is linked', async () => {
    const made = await createOfficial('housing', 'choi-yu-jin');
    const me = await (await (await signedIn(made.email)).get('/api/me')).json();
    expect(me).toMatchObject({
      officialId: 'choi-yu-jin',
      official: { id: 'choi-yu-jin', name: { en: 'Choi Yu-jin' }, counterId: 'counter-3', counterName: { en: expect.any(String) } },
    });
    const unlinked = await createOfficial('housing');
    expect(await (await (await signedIn(unlinked.email)).get('/api/me')).json()).toMatchObject({ officialId: null, official: null });
    await freeUp(made.body.id);

    const demo = demoAccounts.find((account) => account.role === 'official');
    const demoClient = new TestClient(api.url);
    await demoClient.signIn(demo?.email ?? '', demo?.password ?? '');
    expect(await (await demoClient.get('/api/me')).json()).toMatchObject({
      departmentId: 'civil-affairs',
      officialId: 'park-ji-hyun',
      official: { id: 'park-ji-hyun', counterId: 'counter-1' },
    });
  });

  describe('calendar and feed', () => {
    let date: string;
    let hans: AppointmentView;
    let parks: AppointmentView;
    let linkedEmail: string;
    let linkedId: string;
    let unlinkedEmail: string;
    beforeAll(async () => {
      // A Wednesday far ahead, and late slots, away from the other test files' bookings.
      date = seoulDate(11, 3);
      const free = (await slots(RESIDENT, date)).reverse();
      const of = (officialId: string) => {
        const slot = free.find((candidate) => candidate.officialId === officialId);
        if (!slot) throw new Error(`no slot of ${officialId} on ${date}`);
        return slot;
      };
      hans = await booked(await citizen(), RESIDENT, of('han-so-young'));
      parks = await booked(await citizen(), RESIDENT, of('park-ji-hyun'));
      const linked = await createOfficial('civil-affairs', 'han-so-young');
      expect(linked.response.status).toBe(201);
      ({
        email: linkedEmail,
        body: { id: linkedId },
      } = linked);
      ({ email: unlinkedEmail } = await createOfficial('civil-affairs'));
    });
    afterAll(async () => {
      await freeUp(linkedId);
    });
    const calendarIds = async (person: TestClient, extra = '') => {
      const response = await person.get(`/api/appointments?from=${date}&to=${date}${extra}`);
      expect(response.status).toBe(200);
      return ((await response.json()) as AppointmentView[]).map((appointment) => appointment.id);
    };

    test('a linked official sees their own appointments by default, the department on asking', async () => {
      const linked = await signedIn(linkedEmail);
      const mine = await calendarIds(linked);
      expect(mine).toContain(hans.id);
      expect(mine).not.toContain(parks.id);
      expect(await calendarIds(linked, '&scope=mine')).toEqual(mine);
      expect(await calendarIds(linked, '&scope=department')).toEqual(expect.arrayContaining([hans.id, parks.id]));

      const unlinked = await signedIn(unlinkedEmail);
      expect(await calendarIds(unlinked)).toEqual(expect.arrayContaining([hans.id, parks.id]));
      const noOfficial = await unlinked.get(`/api/appointments?from=${date}&to=${date}&scope=mine`);
      expect(noOfficial.status).toBe(400);
      expect(await noOfficial.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'scope', rules: ['linkedOfficial'] }] });
      expect((await linked.get(`/api/appointments?scope=everyone`)).status).toBe(400);
    });

    test("a linked official's calendar feed has their appointments only", async () => {
      const feedUids = async (email: string) => {
        const person = await signedIn(email);
        const { url } = (await (await person.post('/api/me/calendar-feed')).json()) as { url: string };
        const feed = await client().get(url);
        expect(feed.status).toBe(200);
        return [...(await feed.text()).matchAll(/^UID:([0-9a-f-]{36})@/gm)].map((match) => match[1]);
      };
      const linkedFeed = await feedUids(linkedEmail);
      expect(linkedFeed).toContain(hans.id);
      expect(linkedFeed).not.toContain(parks.id);
      expect(await feedUids(unlinkedEmail)).toEqual(expect.arrayContaining([hans.id, parks.id]));
    });
  });

  test('npm run admin -- create-official --official-id links the account, or names the refusal', async () => {
    const run = promisify(execFile);
    const cli = (args: string[]) =>
      run(process.execPath, [join(repoRoot, 'dist', 'api', 'src', 'cli', 'admin.js'), 'create-official', ...args], {
        cwd: repoRoot,
        // Demo data on, as in every test app: off, start-up would take the demo accounts from the tests running beside.
        env: { PATH: process.env.PATH, LOG_LEVEL: 'silent', CITY: 'seoul', DEMO_DATA: 'true', DATABASE_URL: runDatabaseUrl() },
      });
    const email = uniqueEmail('cli-official');
    const base = ['--email', email, '--name', 'Officer Kang', '--department', 'economy', '--password', password];
    await expect(cli([...base, '--official-id', 'choi-yu-jin'])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("This official is not one of the city's officials in the account's department"),
    });
    const created = await cli([...base, '--official-id', 'kang-su-bin']);
    expect(created.stdout).toMatch(/^created official .+ \(([0-9a-f-]{36})\) in department economy, linked to kang-su-bin\n$/);
    const { rows } = await db.query<{ id: string; official_id: string }>(`SELECT id, official_id FROM user_account WHERE email = $1`, [
      email,
    ]);
    expect(rows).toEqual([{ id: expect.any(String), official_id: 'kang-su-bin' }]);
    const events = await db.query(`SELECT action, source FROM audit_event WHERE object_id = $1 ORDER BY id`, [rows[0]?.id]);
    expect(events.rows).toEqual([
      { action: 'account.role_changed', source: 'cli' },
      { action: 'account.official_linked', source: 'cli' },
    ]);
    await freeUp(rows[0]?.id ?? '');
  });
});
