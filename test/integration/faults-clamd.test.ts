import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoAccounts } from '../../api/src/accounts/demo-accounts.js';
import { TestClient, uniqueEmail } from '../support/http-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeWithClamd, EICAR_PDF, testClamd, type TestClamd } from '../support/test-clamd.js';
import { describeWithDatabase } from '../support/test-database.js';
import { within } from '../support/within.js';

interface DocumentView {
  id: string;
  state: string;
}

const pdf = (fill: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4000, fill)]);

describeWithDatabase('clamd stopped and restarted', () => {
  describeWithClamd('on a private clamd', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'civicverse-faults-clamd-'));
    let clamd: TestClamd;
    let api: TestApp;
    beforeAll(async () => {
      clamd = await testClamd();
      await clamd.start();
      api = await startTestApp({ DATA_DIR: dataDir, CLAMD_URL: clamd.url, DOCUMENT_SCAN_RETRY_SECONDS: '1' });
    }, 60_000);
    afterAll(async () => {
      await api?.close();
      await clamd?.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    });

    const upload = async (person: TestClient, submissionId: string, bytes: Buffer) => {
      const form = new FormData();
      form.append('requirementId', 'identity-document');
      form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), 'id.pdf');
      const response = await fetch(`${api.url}/api/submissions/${submissionId}/documents`, {
        method: 'POST',
        headers: { cookie: person.cookie ?? '', origin: api.url, 'sec-fetch-site': 'same-origin' },
        body: form,
      });
      expect(response.status).toBe(201);
      return (await response.json()) as DocumentView;
    };
    const stateOf = async (person: TestClient, id: string) =>
      ((await (await person.get(`/api/documents/${id}`)).json()) as DocumentView).state;
    const scanAttempts = async (ids: string[]) =>
      (await api.context.dataSource.query<{ scan_attempts: number }[]>('SELECT scan_attempts FROM document WHERE id = ANY($1)', [ids])).map(
        (row) => row.scan_attempts,
      );
    const civilAffairsOfficial = async () => {
      const admin = new TestClient(api.url);
      const demoAdmin = demoAccounts.find((a) => a.role === 'admin');
      await admin.signIn(demoAdmin?.email ?? '', demoAdmin?.password ?? '');
      const email = uniqueEmail('reviewer');
      await admin.post('/api/admin/officials', {
        email,
        displayName: 'Reviewer',
        departmentId: 'civil-affairs',
        password: 'harbour-lantern-99',
      });
      const official = new TestClient(api.url);
      await official.signIn(email, 'harbour-lantern-99');
      return official;
    };

    test('uploads while clamd is away stay quarantined, none released; once it is back the retry scans them', async () => {
      const person = new TestClient(api.url);
      await person.register(uniqueEmail('submitter'));
      const submission = (await (await person.post('/api/submissions', { serviceId: 'residence-certificate' })).json()) as { id: string };
      // The scanner works: a file uploaded now is cleared.
      const before = await upload(person, submission.id, pdf(1));
      await within(20_000, 'the file uploaded with clamd up is ready', async () => (await stateOf(person, before.id)) === 'ready');

      await clamd.stop();
      const held = [
        await upload(person, submission.id, pdf(2)),
        await upload(person, submission.id, EICAR_PDF),
        await upload(person, submission.id, pdf(3)),
      ];
      const ids = held.map((document) => document.id);
      // Each has met the absent scanner at least once: tried, no verdict, kept back for a retry.
      await within(20_000, 'a scan tried and failed for every held file', async () =>
        (await scanAttempts(ids)).every((attempts) => attempts >= 1),
      );
      expect(await Promise.all(ids.map((id) => stateOf(person, id)))).toEqual(['quarantined', 'quarantined', 'quarantined']);
      // Nobody can release them by hand while a scanner is configured: it alone decides.
      const official = await civilAffairsOfficial();
      const release = await official.post(`/api/documents/${ids[0]}/release`);
      expect(release.status).toBe(409);
      expect(await release.json()).toMatchObject({ code: 'DOCUMENT_SCANNER_DECIDES' });
      // Nor is a held file opened.
      expect((await person.get(`/api/documents/${ids[0]}/content`)).status).toBe(409);

      await clamd.start();
      await within(20_000, 'the retry scanned every held file', async () => {
        const states = await Promise.all(ids.map((id) => stateOf(person, id)));
        return states.every((state) => state !== 'quarantined');
      });
      expect(await Promise.all(ids.map((id) => stateOf(person, id)))).toEqual(['ready', 'rejected', 'ready']);
    }, 90_000);
  });
});
