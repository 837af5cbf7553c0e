import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import * as tus from 'tus-js-client';
import { RetentionService } from '../../api/src/privacy/retention.service.js';
import type { LiveEvents } from '../../api/src/live/live-events.types.js';
import { TestClient, uniqueEmail } from '../support/http-client.js';
import { makeOfficial } from '../support/officials.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeWithClamd, EICAR_PDF, testClamd, type TestClamd } from '../support/test-clamd.js';
import { describeWithDatabase } from '../support/test-database.js';

interface DocumentView {
  id: string;
  state: string;
  rejectionReason: string | null;
  name: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  contentAvailable: boolean;
  requirementId: string;
}
interface SubmissionView {
  id: string;
  caseNumber: string;
  state: string;
  reviewReason: string | null;
  documents: DocumentView[];
  missingRequirementIds: string[];
}

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);
const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);
const pdf = (size = 2048, fill = 1) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size - 9, fill)]);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

// One DATA_DIR for every instance of this file, as instances of a deployment share their document storage.
const dataDir = mkdtempSync(join(tmpdir(), 'civicverse-documents-'));
const stored = () => (readdirSync(dataDir).includes('documents') ? readdirSync(join(dataDir, 'documents')) : []);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function startApi(env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  return startTestApp({ DATA_DIR: dataDir, DOCUMENT_SCAN_RETRY_SECONDS: '1', ...env });
}

function helpers(api: () => TestApp) {
  const client = () => new TestClient(api().url);
  const citizen = async () => {
    const person = client();
    await person.register(uniqueEmail('submitter'));
    return person;
  };
  const official = async (departmentId: string) => (await makeOfficial(api().url, departmentId, 'Reviewer')).client;
  const draft = async (person: TestClient, serviceId = 'residence-certificate') =>
    (await (await person.post('/api/submissions', { serviceId })).json()) as SubmissionView;
  /** A browser's multipart upload: the requirement first, then the file. */
  const upload = (person: TestClient, path: string, bytes: Buffer, name: string, requirementId?: string, type = 'application/pdf') => {
    const form = new FormData();
    if (requirementId) form.append('requirementId', requirementId);
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
    return fetch(`${api().url}${path}`, {
      method: 'POST',
      headers: { cookie: person.cookie ?? '', origin: api().url, 'sec-fetch-site': 'same-origin' },
      body: form,
    });
  };
  const waitForState = async (person: TestClient, id: string, state: string): Promise<DocumentView> => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const document = (await (await person.get(`/api/documents/${id}`)).json()) as DocumentView;
      if (document.state === state || Date.now() > deadline) return document;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  return { client, citizen, official, draft, upload, waitForState };
}

describeWithDatabase('documents without a virus scanner: upload checks, held files, access, review', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());
  const { client, citizen, official, draft, upload, waitForState } = helpers(() => api);

  test('document services list what each requires', async () => {
    const services = (await (await client().get('/api/document-services')).json()) as { id: string; requiredDocuments: { id: string }[] }[];
    expect(services.map((s) => s.id)).toContain('residence-certificate');
    expect(services.find((s) => s.id === 'residence-certificate')?.requiredDocuments.map((d) => d.id)).toEqual(['identity-document']);
  });

  test('a multipart body that ends inside the file → 400 MALFORMED_BODY, and nothing is kept', async () => {
    const person = await citizen();
    const submission = await draft(person);
    const before = stored().length;
    const boundary = 'civicverse-cut-short';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="requirementId"\r\n\r\nidentity-document\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="id.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      pdf(4000),
    ]);
    const response = await fetch(`${api.url}/api/submissions/${submission.id}/documents`, {
      method: 'POST',
      headers: {
        cookie: person.cookie ?? '',
        origin: api.url,
        'sec-fetch-site': 'same-origin',
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      body,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'MALFORMED_BODY' });
    expect(stored().length).toBe(before);
    expect(((await (await person.get(`/api/submissions/${submission.id}`)).json()) as SubmissionView).documents).toEqual([]);
  });

  test('a PNG that claims to be a PDF → 415, and nothing is kept', async () => {
    const person = await citizen();
    const submission = await draft(person, 'disability-registration');
    const before = stored();
    const response = await upload(person, `/api/submissions/${submission.id}/documents`, PNG, 'scan.pdf', 'disability-diagnosis');
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ code: 'DOCUMENT_TYPE_NOT_ALLOWED', detected: 'image/png', allowed: ['application/pdf'] });
    expect(stored()).toEqual(before);
  });

  test('one byte over the limit → 413 while streaming, and no file is left on disk', async () => {
    const person = await citizen();
    const submission = await draft(person, 'disability-registration');
    const limit = 3145728;
    const before = stored();
    const oversize = Buffer.concat([JPEG_HEAD, Buffer.alloc(limit + 1 - JPEG_HEAD.length, 3)]);
    const response = await upload(person, `/api/submissions/${submission.id}/documents`, oversize, 'photo.jpg', 'photo', 'image/jpeg');
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: 'DOCUMENT_TOO_LARGE', limitBytes: limit });
    expect(stored()).toEqual(before);
    const exact = await upload(
      person,
      `/api/submissions/${submission.id}/documents`,
      oversize.subarray(0, limit),
      'photo.jpg',
      'photo',
      'image/jpeg',
    );
    expect(exact.status).toBe(201);
  });

  test('the answer carries the sha256 of the bytes; a hostile file name is kept only as a safe display name', async () => {
    const person = await citizen();
    const submission = await draft(person);
    const bytes = pdf(5000);
    const response = await upload(person, `/api/submissions/${submission.id}/documents`, bytes, '../../x', 'identity-document');
    expect(response.status).toBe(201);
    const document = (await response.json()) as DocumentView;
    expect(document).toMatchObject({
      state: 'quarantined',
      name: 'x',
      mediaType: 'application/pdf',
      sizeBytes: 5000,
      sha256: sha256(bytes),
    });
    expect(stored()).not.toContain('x');
    expect(stored().every((name) => /^[0-9a-f]{32}$/.test(name))).toBe(true);
    const rtl = await upload(person, `/api/submissions/${submission.id}/documents`, bytes, 'id\u202efdp.exe\u0000', 'identity-document');
    expect(((await rtl.json()) as DocumentView).name).toBe('idfdp.exe');
  });

  test('without a scanner files stay quarantined until an official of the department releases them (audited)', async () => {
    const person = await citizen();
    const submission = await draft(person);
    const document = (await (
      await upload(person, `/api/submissions/${submission.id}/documents`, pdf(), 'id.pdf', 'identity-document')
    ).json()) as DocumentView;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await waitForState(person, document.id, 'quarantined')).state).toBe('quarantined');
    expect((await person.get(`/api/documents/${document.id}/content`)).status).toBe(409);
    expect((await person.post(`/api/documents/${document.id}/release`)).status).toBe(403);
    expect((await (await official('welfare')).post(`/api/documents/${document.id}/release`)).status).toBe(404);
    const civilAffairs = await official('civil-affairs');
    const released = await civilAffairs.post(`/api/documents/${document.id}/release`);
    expect(await released.json()).toMatchObject({ id: document.id, state: 'ready' });
    const audited = await api.context.dataSource.query<{ action: string }[]>(
      'SELECT action FROM audit_event WHERE object_id = $1 ORDER BY id',
      [document.id],
    );
    expect(audited.map((e) => e.action)).toEqual(['document.uploaded', 'document.released']);
    expect((await civilAffairs.post(`/api/documents/${document.id}/release`)).status).toBe(409);
  });

  test("another person's document and submission → 404; officials of another department → 404", async () => {
    const owner = await citizen();
    const submission = await draft(owner);
    const document = (await (
      await upload(owner, `/api/submissions/${submission.id}/documents`, pdf(), 'id.pdf', 'identity-document')
    ).json()) as DocumentView;
    const stranger = await citizen();
    const missing = await stranger.get('/api/documents/00000000-0000-4000-8000-000000000000');
    for (const path of [`/api/documents/${document.id}`, `/api/documents/${document.id}/content`, `/api/submissions/${submission.id}`]) {
      const probe = await stranger.get(path);
      expect(probe.status).toBe(404);
      expect(await probe.json()).toEqual(await missing.clone().json());
    }
    expect((await stranger.delete(`/api/documents/${document.id}`)).status).toBe(404);
    expect((await upload(stranger, `/api/submissions/${submission.id}/documents`, pdf(), 'x.pdf', 'identity-document')).status).toBe(404);
    const welfare = await official('welfare');
    expect((await welfare.get(`/api/documents/${document.id}`)).status).toBe(404);
    expect((await welfare.get(`/api/submissions/${submission.id}`)).status).toBe(404);
    expect((await (await official('civil-affairs')).get(`/api/documents/${document.id}`)).status).toBe(200);
    expect((await client().get(`/api/documents/${document.id}`)).status).toBe(401);
  });

  test("the officials' list: their department's sent submissions, drafts only when asked, newest first, 100 a page", async () => {
    const owner = await citizen();
    const idsOf = async (person: TestClient, query: string) =>
      ((await (await person.get(`/api/submissions${query}`)).json()) as SubmissionView[]).map((s) => s.id);
    // 101 drafts of one citizen: one more than a page, so the second page of their own list holds exactly the first.
    const drafts: SubmissionView[] = [];
    for (let made = 0; made < 101; made += 1) drafts.push(await draft(owner));
    const sent = drafts[100] as SubmissionView;
    const file = (await (
      await upload(owner, `/api/submissions/${sent.id}/documents`, pdf(), 'id.pdf', 'identity-document')
    ).json()) as DocumentView;
    const reviewer = await official('civil-affairs');
    expect((await owner.post(`/api/documents/${file.id}/release`)).status).toBe(403);
    expect((await reviewer.post(`/api/documents/${file.id}/release`)).status).toBe(200);
    expect((await owner.post(`/api/submissions/${sent.id}/submit`)).status).toBe(200);

    const [ownFirst, ownSecond] = [await idsOf(owner, ''), await idsOf(owner, '?page=2')];
    expect(ownFirst).toEqual(
      drafts
        .slice(1)
        .map((s) => s.id)
        .reverse(),
    );
    expect(ownSecond).toEqual([drafts[0]?.id]);

    const sentOnes = (await (await reviewer.get('/api/submissions')).json()) as (SubmissionView & { createdAt: string; state: string })[];
    expect(sentOnes.map((s) => s.id)).toContain(sent.id);
    expect(sentOnes.every((s) => s.state !== 'draft')).toBe(true);
    const created = sentOnes.map((s) => Date.parse(s.createdAt));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    expect(await idsOf(reviewer, '?state=submitted')).toContain(sent.id);
    expect(await idsOf(reviewer, '?state=approved')).not.toContain(sent.id);
    // Drafts when asked: at least this citizen's hundred on the first page, the oldest of theirs further on.
    const draftPages = [await idsOf(reviewer, '?state=draft'), await idsOf(reviewer, '?state=draft&page=2')];
    expect(draftPages[0]).toHaveLength(100);
    expect(draftPages[0]?.some((id) => draftPages[1]?.includes(id))).toBe(false);
    expect(draftPages.flat()).toEqual(expect.arrayContaining(drafts.slice(0, 100).map((s) => s.id)));

    // Another department's official, and another citizen, see none of them.
    const welfare = await official('welfare');
    for (const query of ['', '?state=draft', '?state=submitted']) expect(await idsOf(welfare, query)).not.toContain(sent.id);
    expect(await idsOf(welfare, '?state=draft')).not.toContain(drafts[0]?.id);
    expect(await idsOf(await citizen(), '')).toEqual([]);
    for (const query of ['?page=0', '?page=1001', '?page=two', '?state=closed']) {
      expect(await (await reviewer.get(`/api/submissions${query}`)).json()).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    }
    expect(await idsOf(reviewer, '?page=1000')).toEqual([]);
    expect((await client().get('/api/submissions')).status).toBe(401);
  });

  test('submit needs every document ready; review goes submitted → in_review → needs_more → resubmitted → approved', async () => {
    const person = await citizen();
    const submission = await draft(person);
    expect(submission).toMatchObject({ state: 'draft', missingRequirementIds: ['identity-document'] });
    expect(submission.caseNumber).toMatch(/^SEL-\d{4}-\d{6}$/);
    const notReady = await person.post(`/api/submissions/${submission.id}/submit`);
    expect(await notReady.json()).toMatchObject({
      statusCode: 409,
      code: 'SUBMISSION_DOCUMENTS_NOT_READY',
      missingRequirementIds: ['identity-document'],
    });
    const first = (await (
      await upload(person, `/api/submissions/${submission.id}/documents`, pdf(), 'id.pdf', 'identity-document')
    ).json()) as DocumentView;
    expect(await (await person.post(`/api/submissions/${submission.id}/submit`)).json()).toMatchObject({
      code: 'SUBMISSION_DOCUMENTS_NOT_READY',
      pendingDocumentIds: [first.id],
    });
    const reviewer = await official('civil-affairs');
    await reviewer.post(`/api/documents/${first.id}/release`);
    const submitted = await person.post(`/api/submissions/${submission.id}/submit`);
    expect(await submitted.json()).toMatchObject({ state: 'submitted', missingRequirementIds: [] });
    expect((await person.delete(`/api/documents/${first.id}`)).status).toBe(409);
    expect((await person.post(`/api/submissions/${submission.id}/review`, { state: 'in_review' })).status).toBe(403);

    const review = (body: unknown) => reviewer.post(`/api/submissions/${submission.id}/review`, body);
    expect(await (await review({ state: 'approved' })).json()).toMatchObject({ code: 'SUBMISSION_INVALID_TRANSITION', from: 'submitted' });
    expect(await (await review({ state: 'in_review' })).json()).toMatchObject({ state: 'in_review' });
    expect(await (await review({ state: 'needs_more' })).json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'reason' }],
    });
    expect(await (await review({ state: 'needs_more', reason: 'The scan is cut off.' })).json()).toMatchObject({
      state: 'needs_more',
      reviewReason: 'The scan is cut off.',
    });
    const listed = (await (await reviewer.get('/api/submissions?state=needs_more')).json()) as SubmissionView[];
    expect(listed.map((s) => s.id)).toContain(submission.id);
    expect(await (await person.get(`/api/submissions/${submission.id}`)).json()).toMatchObject({
      state: 'needs_more',
      reviewReason: 'The scan is cut off.',
    });

    expect((await person.delete(`/api/documents/${first.id}`)).status).toBe(204);
    const second = (await (
      await upload(person, `/api/submissions/${submission.id}/documents`, pdf(3000, 2), 'id-full.pdf', 'identity-document')
    ).json()) as DocumentView;
    await reviewer.post(`/api/documents/${second.id}/release`);
    expect(await (await person.post(`/api/submissions/${submission.id}/submit`)).json()).toMatchObject({
      state: 'submitted',
      reviewReason: null,
    });
    await review({ state: 'in_review' });
    expect(await (await review({ state: 'approved' })).json()).toMatchObject({ state: 'approved' });
    expect((await review({ state: 'rejected', reason: 'late' })).status).toBe(409);
    expect(((await (await person.get('/api/submissions')).json()) as SubmissionView[]).map((s) => s.id)).toContain(submission.id);

    // Retention: a year and a day after the decision the bytes go; the row stays as the case's history.
    await api.context.dataSource.query(`UPDATE submission SET decided_at = now() - interval '366 days' WHERE id = $1`, [submission.id]);
    const report = await api.app.get(RetentionService).run({ dryRun: false }, { actorId: null, source: 'system', requestId: null });
    expect(report.closedSubmissionFiles).toBeGreaterThanOrEqual(1);
    expect(await (await person.get(`/api/documents/${second.id}`)).json()).toMatchObject({ state: 'ready', contentAvailable: false });
    expect((await person.get(`/api/documents/${second.id}/content`)).status).toBe(410);
  });

  test('a complaint takes photos from its filer while open; export lists the files; erasure deletes their bytes', async () => {
    const person = await citizen();
    const filed = (await (
      await person.post('/api/complaints', {
        serviceId: 'pothole',
        description: 'A deep pothole in the bus lane.',
        location: { lat: 37.5665, long: 126.978 },
        attributes: { size: 'large', lane: 'bus_lane' },
      })
    ).json()) as { complaint: { id: string } };
    const path = `/api/complaints/${filed.complaint.id}/documents`;
    const photo = Buffer.concat([JPEG_HEAD, Buffer.alloc(1000, 9)]);
    const attached = await upload(person, path, photo, 'hole.jpg', undefined, 'image/jpeg');
    expect(attached.status).toBe(201);
    const attachment = (await attached.json()) as DocumentView;
    expect(attachment).toMatchObject({ state: 'quarantined', mediaType: 'image/jpeg', sha256: sha256(photo) });
    expect((await upload(person, path, Buffer.from('GIF89a....'), 'x.gif', undefined, 'image/gif')).status).toBe(415);
    expect((await upload(await citizen(), path, photo, 'hole.jpg', undefined, 'image/jpeg')).status).toBe(404);
    expect(((await (await person.get(path)).json()) as DocumentView[]).map((d) => d.id)).toEqual([attachment.id]);

    const exported = (await (await person.get('/api/me/export')).json()) as { documents: { files: { id: string; sha256: string }[] } };
    expect(exported.documents.files).toEqual([expect.objectContaining({ id: attachment.id, sha256: sha256(photo) })]);
    const before = stored().length;
    expect((await person.request('DELETE', '/api/me', { password: 'lantern-harbour-42' })).status).toBeLessThan(300);
    expect(stored().length).toBe(before - 1);
  });

  test('a complaint keeps five files at most: the sixth is refused before its bytes are kept', async () => {
    const person = await citizen();
    const filed = (await (
      await person.post('/api/complaints', {
        serviceId: 'pothole',
        description: 'A pothole that grows every day.',
        location: { lat: 37.5665, long: 126.978 },
        attributes: { size: 'large', lane: 'bus_lane' },
      })
    ).json()) as { complaint: { id: string } };
    const path = `/api/complaints/${filed.complaint.id}/documents`;
    const photo = (n: number) => Buffer.concat([JPEG_HEAD, Buffer.alloc(2000, n)]);
    for (let n = 1; n <= 3; n += 1)
      expect((await upload(person, path, photo(n), `hole-${n}.jpg`, undefined, 'image/jpeg')).status).toBe(201);
    // Two at once while there is room for both: each is counted after the other, and both fit.
    const before = stored().length;
    const both = await Promise.all([4, 5].map((n) => upload(person, path, photo(n), `hole-${n}.jpg`, undefined, 'image/jpeg')));
    expect(both.map((response) => response.status)).toEqual([201, 201]);
    const full = await upload(person, path, photo(7), 'hole-7.jpg', undefined, 'image/jpeg');
    expect(await full.json()).toMatchObject({ statusCode: 409, code: 'COMPLAINT_ATTACHMENTS_FULL', limit: 5 });
    expect(stored().length).toBe(before + 2);
    expect((await (await person.get(path)).json()) as DocumentView[]).toHaveLength(5);
  });

  test('the last place of a complaint goes to one of two files sent at once', async () => {
    const person = await citizen();
    const filed = (await (
      await person.post('/api/complaints', {
        serviceId: 'pothole',
        description: 'Another pothole, by the market.',
        location: { lat: 37.5665, long: 126.978 },
        attributes: { size: 'small', lane: 'bus_lane' },
      })
    ).json()) as { complaint: { id: string } };
    const path = `/api/complaints/${filed.complaint.id}/documents`;
    const photo = (n: number) => Buffer.concat([JPEG_HEAD, Buffer.alloc(50_000, n)]);
    for (let n = 1; n <= 4; n += 1) expect((await upload(person, path, photo(n), `p-${n}.jpg`, undefined, 'image/jpeg')).status).toBe(201);
    const before = stored().length;
    const raced = await Promise.all([5, 6, 7].map((n) => upload(person, path, photo(n), `p-${n}.jpg`, undefined, 'image/jpeg')));
    const statuses = raced.map((response) => response.status).sort();
    expect(statuses).toEqual([201, 409, 409]);
    expect(stored().length).toBe(before + 1);
    expect((await (await person.get(path)).json()) as DocumentView[]).toHaveLength(5);
  });
});

describeWithClamd('documents scanned by ClamAV', () => {
  let clamd: TestClamd;
  let api: TestApp;
  beforeAll(async () => {
    clamd = await testClamd();
    await clamd.start();
    api = await startApi({ CLAMD_URL: clamd.url });
  });
  afterAll(async () => {
    await api.close();
    await clamd.dispose();
  });
  const { citizen, official, draft, upload, waitForState } = helpers(() => api);

  test('a clean file is released by the scanner and downloads as an attachment, nosniff, with its stored type', async () => {
    const person = await citizen();
    const submission = await draft(person);
    const bytes = pdf(70_000, 5);
    const document = (await (
      await upload(person, `/api/submissions/${submission.id}/documents`, bytes, '증명서 (사본).pdf', 'identity-document')
    ).json()) as DocumentView;
    expect(document.state).toBe('quarantined');
    expect((await waitForState(person, document.id, 'ready')).state).toBe('ready');
    const content = await person.get(`/api/documents/${document.id}/content`);
    expect(content.status).toBe(200);
    expect(content.headers.get('content-type')).toBe('application/pdf');
    expect(content.headers.get('x-content-type-options')).toBe('nosniff');
    expect(content.headers.get('content-disposition')).toBe(
      `attachment; filename="___ (__).pdf"; filename*=UTF-8''%EC%A6%9D%EB%AA%85%EC%84%9C%20%28%EC%82%AC%EB%B3%B8%29.pdf`,
    );
    expect(sha256(Buffer.from(await content.arrayBuffer()))).toBe(sha256(bytes));
    expect((await (await official('civil-affairs')).get(`/api/documents/${document.id}/content`)).status).toBe(200);
    expect((await (await official('civil-affairs')).post(`/api/documents/${document.id}/release`)).status).toBe(409);
  });

  test('the owner and the department hear each state change live, after it has committed', async () => {
    const person = await citizen();
    const reviewer = await official('civil-affairs');
    const listen = async (who: TestClient) => {
      const socket: Socket = io(`${api.url}/live`, {
        path: '/socket.io',
        transports: ['websocket'],
        reconnection: false,
        extraHeaders: { origin: api.url, cookie: who.cookie ?? '' },
      });
      await new Promise((resolve) => socket.once('live.ready', resolve));
      const documents: LiveEvents['document.state'][] = [];
      const submissions: LiveEvents['submission.updated'][] = [];
      socket.on('document.state', (payload: LiveEvents['document.state']) => documents.push(payload));
      socket.on('submission.updated', (payload: LiveEvents['submission.updated']) => submissions.push(payload));
      return { socket, documents, submissions };
    };
    const [mine, department] = [await listen(person), await listen(reviewer)];
    try {
      const submission = await draft(person);
      const document = (await (
        await upload(person, `/api/submissions/${submission.id}/documents`, pdf(), 'id.pdf', 'identity-document')
      ).json()) as DocumentView;
      await waitForState(person, document.id, 'ready');
      await person.post(`/api/submissions/${submission.id}/submit`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      for (const heard of [mine, department]) {
        expect(heard.documents.filter((e) => e.id === document.id).map((e) => e.state)).toEqual(['quarantined', 'ready']);
      }
      expect(mine.submissions.filter((e) => e.id === submission.id).map((e) => e.state)).toEqual(['submitted']);
      expect(department.submissions.filter((e) => e.id === submission.id).map((e) => e.state)).toEqual(['submitted']);
    } finally {
      mine.socket.close();
      department.socket.close();
    }
  });

  test('EICAR → rejected as malware and its bytes deleted at once', async () => {
    const person = await citizen();
    const submission = await draft(person);
    const before = stored();
    const document = (await (
      await upload(person, `/api/submissions/${submission.id}/documents`, EICAR_PDF, 'eicar.pdf', 'identity-document')
    ).json()) as DocumentView;
    expect(document.state).toBe('quarantined');
    expect(await waitForState(person, document.id, 'rejected')).toMatchObject({ rejectionReason: 'malware', contentAvailable: false });
    // The bytes go right after the rejection has committed (so a failed commit never leaves a document without them).
    for (const deadline = Date.now() + 5000; stored().length !== before.length && Date.now() < deadline;)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stored()).toEqual(before);
    expect((await person.get(`/api/documents/${document.id}/content`)).status).toBe(410);
  });

  test('a tus upload interrupted halfway resumes and completes, and the same checks apply', async () => {
    const person = await citizen();
    const submission = await draft(person);
    const bytes = pdf(400_000, 4);
    const options = (extra: Partial<tus.UploadOptions>): tus.UploadOptions => ({
      endpoint: `${api.url}/api/uploads`,
      headers: { cookie: person.cookie ?? '' },
      metadata: { submissionId: submission.id, requirementId: 'identity-document', filename: '../scan.pdf' },
      chunkSize: 200_000,
      retryDelays: [],
      ...extra,
    });
    const firstHalf = await new Promise<string>((resolve, reject) => {
      const attempt: tus.Upload = new tus.Upload(
        bytes,
        options({
          onChunkComplete: () => {
            void attempt.abort().then(() => resolve(attempt.url ?? ''));
          },
          onError: reject,
        }),
      );
      attempt.start();
    });
    const head = await fetch(firstHalf, { method: 'HEAD', headers: { cookie: person.cookie ?? '', 'tus-resumable': '1.0.0' } });
    expect(head.headers.get('upload-offset')).toBe('200000');
    expect((await fetch(firstHalf, { method: 'HEAD', headers: { 'tus-resumable': '1.0.0' } })).status).toBe(401);
    const stranger = await citizen();
    expect((await fetch(firstHalf, { method: 'HEAD', headers: { cookie: stranger.cookie ?? '', 'tus-resumable': '1.0.0' } })).status).toBe(
      404,
    );
    const pending = (await (await person.get(`/api/submissions/${submission.id}`)).json()) as SubmissionView;
    expect(pending.documents).toEqual([expect.objectContaining({ state: 'uploading', name: 'scan.pdf' })]);

    let resumedFrom = -1;
    await new Promise<void>((resolve, reject) => {
      const resumed = new tus.Upload(
        bytes,
        options({
          uploadUrl: firstHalf,
          onProgress: (sent) => (resumedFrom = resumedFrom < 0 ? sent : resumedFrom),
          onSuccess: () => resolve(),
          onError: reject,
        }),
      );
      resumed.start();
    });
    expect(resumedFrom).toBeGreaterThanOrEqual(200_000);
    const finished = (await (await person.get(`/api/submissions/${submission.id}`)).json()) as SubmissionView;
    const [document] = finished.documents;
    expect(document).toMatchObject({ sha256: sha256(bytes), sizeBytes: bytes.length, mediaType: 'application/pdf' });
    expect((await waitForState(person, document?.id ?? '', 'ready')).state).toBe('ready');

    const wrongType = await new Promise<string>((resolve) => {
      new tus.Upload(Buffer.from('GIF89a, not a PDF'), {
        ...options({ onSuccess: () => resolve('accepted'), onError: (error) => resolve(String(error)) }),
        metadata: { submissionId: submission.id, requirementId: 'identity-document', filename: 'x.pdf' },
      }).start();
    });
    expect(wrongType).toMatch(/response code: 415/);
    const tooLarge = await fetch(`${api.url}/api/uploads`, {
      method: 'POST',
      headers: {
        cookie: person.cookie ?? '',
        'tus-resumable': '1.0.0',
        'upload-length': String(10485761),
        'upload-metadata': `submissionId ${Buffer.from(submission.id).toString('base64')},requirementId ${Buffer.from('identity-document').toString('base64')}`,
      },
    });
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({ code: 'DOCUMENT_TOO_LARGE' });
    const after = (await (await person.get(`/api/submissions/${submission.id}`)).json()) as SubmissionView;
    expect(after.documents).toHaveLength(1);
  });
});

describeWithClamd('documents while the scanner is away', () => {
  let clamd: TestClamd;
  let api: TestApp;
  beforeAll(async () => {
    clamd = await testClamd();
    api = await startApi({ CLAMD_URL: clamd.url });
  });
  afterAll(async () => {
    await api.close();
    await clamd.dispose();
  });
  const { citizen, draft, upload, waitForState } = helpers(() => api);

  test('clamd down → the file stays quarantined (never released); it is scanned once clamd is back', async () => {
    const person = await citizen();
    const submission = await draft(person);
    const document = (await (
      await upload(person, `/api/submissions/${submission.id}/documents`, pdf(), 'id.pdf', 'identity-document')
    ).json()) as DocumentView;
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect((await (await person.get(`/api/documents/${document.id}`)).json()) as DocumentView).toMatchObject({ state: 'quarantined' });
    await clamd.start();
    expect((await waitForState(person, document.id, 'ready')).state).toBe('ready');
  });
});
