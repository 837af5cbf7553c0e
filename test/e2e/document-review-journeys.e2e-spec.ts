import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { localesDir } from '../../api/src/config/paths.js';
import type { DocumentView, SubmissionView } from '../../api/src/documents/document-view.types.js';
import { describeWithBrowser, launchBrowser, newPage } from '../support/browser.js';
import { TestClient, uniqueEmail } from '../support/http-client.js';
import { chooseRadio, chooseWithArrows, focusIsOn, press } from '../support/keyboard.js';
import { makeOfficial } from '../support/officials.js';
import { axeViolations, tabTo } from '../support/page-checks.js';
import { describeWithClamd, EICAR_PDF, testClamd, type TestClamd } from '../support/test-clamd.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeWithDatabase } from '../support/test-database.js';

// Seoul's youth rent support (housing) for the review; disability registration (welfare) for per-file errors: its
// photo takes 3 MiB at most, the smallest limit of the city pack, and its diagnosis a PDF.
const RENT = { service: 'youth-rent-support', requirements: ['lease-contract', 'rent-payment-proof', 'resident-registration-copy'] };
const DISABILITY = { service: 'disability-registration', photo: 'photo', photoLimit: 3 * 1024 * 1024, diagnosis: 'disability-diagnosis' };

/** A PNG's signature: the API types a file by its first bytes. */
const PNG_HEAD = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const pdfBytes = (fill: number) => Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2048, fill), Buffer.from('\n%%EOF\n')]);

interface Texts {
  documents: {
    documentState: { quarantined: string; ready: string; rejected: string };
    rejectionReason: { malware: string };
    submissionState: Record<string, string>;
  };
  errors: Record<string, string>;
}

function texts(lang: string): Texts {
  const read = (namespace: string): unknown => JSON.parse(readFileSync(join(localesDir, lang, `${namespace}.json`), 'utf8'));
  return { documents: read('documents') as Texts['documents'], errors: read('errors') as Record<string, string> };
}

/** The people of a journey, made through the API as the portal would, and a browser that takes over a session. */
function people(api: () => TestApp) {
  const citizen = async (): Promise<TestClient> => {
    const person = new TestClient(api().url);
    expect((await person.register(uniqueEmail('applicant'))).status).toBe(201);
    return person;
  };
  const draft = async (person: TestClient, serviceId: string): Promise<SubmissionView> => {
    const made = await person.post('/api/submissions', { serviceId });
    expect(made.status).toBe(201);
    return (await made.json()) as SubmissionView;
  };
  /** A browser's multipart upload: the requirement first, then the file. */
  const upload = async (person: TestClient, submissionId: string, requirementId: string, bytes: Buffer): Promise<DocumentView> => {
    const form = new FormData();
    form.append('requirementId', requirementId);
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), `${requirementId}.pdf`);
    const response = await fetch(`${api().url}/api/submissions/${submissionId}/documents`, {
      method: 'POST',
      headers: { cookie: person.cookie ?? '', origin: api().url, 'sec-fetch-site': 'same-origin' },
      body: form,
    });
    expect(response.status).toBe(201);
    return (await response.json()) as DocumentView;
  };
  const signInBrowser = async (page: Page, person: TestClient) => {
    const [name = '', value = ''] = (person.cookie ?? '').split('=');
    await page.context().addCookies([{ name, value, url: api().url }]);
  };
  return { citizen, draft, upload, signInBrowser };
}

async function textIs(page: Page, id: string, text: string): Promise<void> {
  await page.waitForFunction(
    ([element, wanted]) => document.getElementById(element ?? '')?.textContent?.includes(wanted ?? ''),
    [id, text],
  );
}

describeWithDatabase("officials' review and per-file errors of applications, keyboard only", () => {
  describeWithBrowser('in Chromium', () => {
    let browser: Browser;
    let page: Page;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    beforeEach(async () => {
      page = await newPage(browser);
    });
    afterEach(() => page.context().close());
    afterAll(() => browser?.close());

    describe('without a virus scanner: officials release held files, then decide', () => {
      let api: TestApp;
      beforeAll(async () => {
        api = await startTestApp({ DEMO_DATA: 'true' });
      });
      afterAll(() => api?.close());
      const { citizen, draft, upload, signInBrowser } = people(() => api);

      test.each(['en', 'ar'])(
        'release the held files of one application, approve it, refuse another with a reason; the citizen sees both (%s)',
        async (lang) => {
          const { documents: words } = texts(lang);
          const applicant = await citizen();
          const official = await makeOfficial(api.url, 'housing');
          // One application sent already (its files released through the API), one still held as a draft.
          const [sent, held] = [await draft(applicant, RENT.service), await draft(applicant, RENT.service)];
          for (const submission of [sent, held]) {
            for (const [index, requirementId] of RENT.requirements.entries())
              await upload(applicant, submission.id, requirementId, pdfBytes(index));
          }
          const sentFiles = ((await (await applicant.get(`/api/submissions/${sent.id}`)).json()) as SubmissionView).documents;
          for (const file of sentFiles) expect((await official.client.post(`/api/documents/${file.id}/release`)).status).toBe(200);
          expect((await applicant.post(`/api/submissions/${sent.id}/submit`)).status).toBe(200);

          await signInBrowser(page, official.client);
          await page.goto(`${api.url}/console/submissions?lang=${lang}`);
          await page.waitForSelector(`html[lang="${lang}"] #submissions-table tr[data-submission-id="${sent.id}"]`);
          expect(await page.$(`tr[data-submission-id="${held.id}"]`)).toBeNull();
          expect(await axeViolations(page)).toEqual([]);

          // Drafts are shown when asked for: the filter is kept in the address.
          await chooseWithArrows(page, '#submissions-state', 'draft');
          await press(page, '#submissions-filters-submit');
          await focusIsOn(page, 'submissions-caption');
          expect(new URL(page.url()).searchParams.get('state')).toBe('draft');
          await page.waitForSelector(`tr[data-submission-id="${held.id}"]`);
          expect(await axeViolations(page)).toEqual([]);

          // The held application: each file with its facts, released one by one after checking.
          await press(page, `#submissions-case-${held.id}`);
          await page.waitForSelector('#review-files');
          await page.waitForSelector('html[data-live="ready"]');
          const heldFiles = ((await (await applicant.get(`/api/submissions/${held.id}`)).json()) as SubmissionView).documents;
          for (const file of heldFiles) {
            expect(await page.textContent(`#review-file-${file.id} code`)).toBe(file.sha256);
            expect(await page.getAttribute(`#review-download-${file.id}`, 'href')).toBe(`/api/documents/${file.id}/content`);
          }
          expect(await page.$('#review-no-decision')).not.toBeNull();
          expect(await axeViolations(page)).toEqual([]);
          for (const file of heldFiles) {
            await press(page, `#review-release-${file.id}`);
            await focusIsOn(page, 'review-notice');
            await textIs(page, `review-state-${file.id}`, words.documentState.ready);
          }
          expect(await page.$('[id^="review-release-"]')).toBeNull();
          expect(await axeViolations(page)).toEqual([]);

          // The citizen sends it: the page hears it live and offers the decision.
          expect((await applicant.post(`/api/submissions/${held.id}/submit`)).status).toBe(200);
          await page.waitForSelector('#review-decision-approved');
          await chooseRadio(page, 'state', 'review-decision-approved');
          await press(page, '#review-confirm', 'Space');
          await press(page, '#review-submit');
          await focusIsOn(page, 'review-notice');
          await textIs(page, 'review-state', words.submissionState.approved ?? '');
          expect(await axeViolations(page)).toEqual([]);

          // The other one: refusing needs a reason, and the confirmation.
          await press(page, '#review-back-link');
          await page.waitForSelector(`#submissions-case-${sent.id}`);
          await press(page, `#submissions-case-${sent.id}`);
          await page.waitForSelector('#review-decision-rejected');
          await chooseRadio(page, 'state', 'review-decision-rejected');
          await press(page, '#review-submit');
          await page.waitForFunction(() => document.activeElement?.closest('#review-form-error-summary') !== null);
          expect(await page.$$eval('#review-form-error-summary li', (items) => items.length)).toBe(2);
          expect(await axeViolations(page)).toEqual([]);
          const reason = lang === 'ar' ? 'عقد الإيجار غير موقّع.' : 'The lease contract is not signed.';
          await tabTo(page, '#review-reason');
          await page.keyboard.type(reason);
          await press(page, '#review-confirm', 'Space');
          await press(page, '#review-submit');
          await focusIsOn(page, 'review-notice');
          await textIs(page, 'review-reason-given', reason);
          expect(await axeViolations(page)).toEqual([]);

          // The citizen sees each outcome, and why.
          const citizenPage = await newPage(browser);
          try {
            await signInBrowser(citizenPage, applicant);
            await citizenPage.goto(`${api.url}/documents/submission?id=${sent.id}&lang=${lang}`);
            await citizenPage.waitForSelector('#submission-details [data-state="rejected"]');
            expect((await citizenPage.textContent('#submission-review-reason'))?.trim()).toBe(reason);
            expect(await axeViolations(citizenPage)).toEqual([]);
            await citizenPage.goto(`${api.url}/documents?lang=${lang}`);
            await citizenPage.waitForSelector(`#documents-mine-table tr[data-case-number="${held.caseNumber}"][data-state="approved"]`);
            expect(await axeViolations(citizenPage)).toEqual([]);
          } finally {
            await citizenPage.context().close();
          }
        },
        // Eleven axe scans of a few seconds each, on top of the journey.
        240_000,
      );

      test('a signed-in filer adds photos once the complaint is sent: progress, a refused file, the case page, the limit (ar)', async () => {
        const { documents: words, errors } = texts('ar');
        const filer = await citizen();
        await signInBrowser(page, filer);
        await page.goto(`${api.url}/complaints/new?lang=ar`);
        await page.waitForSelector('html[lang="ar"] #complaint-photos-hint');
        await press(page, '#complaint-service-pothole', 'Space');
        await press(page, '#complaint-attribute-size-small', 'Space');
        await tabTo(page, '#complaint-description');
        await page.keyboard.type('حفرة عميقة في ممر الحافلات.');
        await chooseWithArrows(page, '#complaint-place', 'seoul-library');
        await press(page, '#complaint-submit');
        await focusIsOn(page, 'complaint-panel-heading');
        await page.waitForSelector('#document-files-complaint-photos-none');
        await page.waitForSelector('html[data-live="ready"]');
        expect(await axeViolations(page)).toEqual([]);

        // A photo goes up with its progress and is then checked; a GIF is refused on the field, and kept nowhere.
        const png = { name: 'pothole.png', mimeType: 'image/png', buffer: Buffer.concat([PNG_HEAD, Buffer.alloc(200_000, 3)]) };
        await tabTo(page, '#document-file-complaint-photos');
        await page.setInputFiles('#document-file-complaint-photos', png);
        await press(page, '#document-upload-complaint-photos');
        await page.waitForFunction(
          () => (document.getElementById('document-progress-complaint-photos-bar') as HTMLProgressElement | null)?.value === 100,
        );
        await textIs(page, 'document-files-complaint-photos', words.documentState.quarantined);
        const gif = { name: 'pothole.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a-not-allowed-here') };
        await tabTo(page, '#document-file-complaint-photos');
        await page.setInputFiles('#document-file-complaint-photos', gif);
        await press(page, '#document-upload-complaint-photos');
        await textIs(page, 'document-file-complaint-photos-error', errors.DOCUMENT_TYPE_NOT_ALLOWED?.split('{{')[0] ?? '');
        expect(await page.$$eval('#document-files-complaint-photos li', (items) => items.length)).toBe(1);
        expect(await axeViolations(page)).toEqual([]);

        // The complaint's page shows the photo; with five files kept, the field gives way to the limit.
        const [complaint] = (await (await filer.get('/api/complaints')).json()) as { id: string }[];
        const path = `/api/complaints/${complaint?.id ?? ''}/documents`;
        for (let n = 0; n < 4; n += 1) {
          const form = new FormData();
          form.append('file', new Blob([new Uint8Array(png.buffer)], { type: 'image/png' }), `more-${n}.png`);
          const sent = await fetch(`${api.url}${path}`, {
            method: 'POST',
            headers: { cookie: filer.cookie ?? '', origin: api.url, 'sec-fetch-site': 'same-origin' },
            body: form,
          });
          expect(sent.status).toBe(201);
        }
        await page.goto(`${api.url}/complaints/case?id=${complaint?.id ?? ''}&lang=ar`);
        await page.waitForSelector('#document-files-complaint-photos-full:not([hidden])');
        expect(await page.$$eval('#document-files-complaint-photos li', (items) => items.length)).toBe(5);
        expect(await page.isHidden('#document-field-complaint-photos')).toBe(true);
        expect(await axeViolations(page)).toEqual([]);
      }, 120_000);
    });

    describeWithClamd('with ClamAV: a file over the limit and a file with malware, each refused on its own', () => {
      let clamd: TestClamd;
      let api: TestApp;
      beforeAll(async () => {
        clamd = await testClamd();
        await clamd.start();
        api = await startTestApp({ CLAMD_URL: clamd.url });
      }, 60_000);
      afterAll(async () => {
        await api?.close();
        await clamd?.dispose();
      });
      const { citizen, draft, signInBrowser } = people(() => api);

      test('one byte over the limit → the 413 on that file and nothing kept; EICAR → rejected as malware and its bytes gone', async () => {
        const { documents: words, errors } = texts('en');
        const applicant = await citizen();
        const submission = await draft(applicant, DISABILITY.service);
        await signInBrowser(page, applicant);
        await page.goto(`${api.url}/documents/submission?id=${submission.id}&lang=en`);
        await page.waitForSelector(`#document-file-${DISABILITY.photo}`);
        await page.waitForSelector('html[data-live="ready"]');

        // A PNG one byte over the photo's 3 MiB: refused before any byte is kept, the message on that file only.
        const overLimit = Buffer.concat([
          Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
          Buffer.alloc(DISABILITY.photoLimit - 7, 1),
        ]);
        await tabTo(page, `#document-file-${DISABILITY.photo}`);
        await page.setInputFiles(`#document-file-${DISABILITY.photo}`, { name: 'photo.png', mimeType: 'image/png', buffer: overLimit });
        await press(page, `#document-upload-${DISABILITY.photo}`);
        await page.waitForSelector(`#document-file-${DISABILITY.photo}-error`);
        const tooLarge = (errors.DOCUMENT_TOO_LARGE ?? '').replace('{{megabytes}}', '3');
        expect(await page.textContent(`#document-file-${DISABILITY.photo}-error`)).toContain(tooLarge);
        expect(await page.getAttribute(`#document-file-${DISABILITY.photo}`, 'aria-invalid')).toBe('true');
        await page.waitForSelector(`#document-files-${DISABILITY.photo}-none`);
        expect(await page.$(`#document-file-${DISABILITY.diagnosis}-error`)).toBeNull();
        expect(((await (await applicant.get(`/api/submissions/${submission.id}`)).json()) as SubmissionView).documents).toEqual([]);
        expect(await axeViolations(page)).toEqual([]);

        // EICAR in a PDF passes the type check, then the scanner rejects it: the page says why, live.
        await tabTo(page, `#document-file-${DISABILITY.diagnosis}`);
        await page.setInputFiles(`#document-file-${DISABILITY.diagnosis}`, {
          name: 'diagnosis.pdf',
          mimeType: 'application/pdf',
          buffer: EICAR_PDF,
        });
        await press(page, `#document-upload-${DISABILITY.diagnosis}`);
        const rejected = words.documentState.rejected.replace('{{reason}}', words.rejectionReason.malware);
        await textIs(page, `document-files-${DISABILITY.diagnosis}`, rejected);
        const [infected] = ((await (await applicant.get(`/api/submissions/${submission.id}`)).json()) as SubmissionView).documents;
        expect(infected).toMatchObject({ state: 'rejected', rejectionReason: 'malware', contentAvailable: false });
        expect((await applicant.get(`/api/documents/${infected?.id ?? ''}/content`)).status).toBe(410);
        expect(await page.$(`#document-file-${DISABILITY.photo}-error`)).not.toBeNull();
        expect(await axeViolations(page)).toEqual([]);
      }, 120_000);
    });
  });
});
