import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { localesDir } from '../../api/src/config/paths.js';
import type { SubmissionView } from '../../api/src/documents/document-view.types.js';
import { describeWithBrowser, launchBrowser, newPage } from '../support/browser.js';
import { TestClient, uniqueEmail } from '../support/http-client.js';
import { press } from '../support/keyboard.js';
import { makeOfficial } from '../support/officials.js';
import { axeViolations, tabTo } from '../support/page-checks.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeWithDatabase } from '../support/test-database.js';

// Seoul's youth rent support (housing): two of its three documents accept PDF only, so a PNG is refused there.
const SERVICE = 'youth-rent-support';
const REQUIREMENTS = ['lease-contract', 'rent-payment-proof', 'resident-registration-copy'];
const PDF_ONLY = 'lease-contract';

/** The smallest file whose first bytes say PDF, as the API's type check reads them. */
const pdf = (name: string) => ({
  name,
  mimeType: 'application/pdf',
  buffer: Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`),
});
const png = {
  name: 'scan.png',
  mimeType: 'image/png',
  buffer: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]),
};

interface DocumentTexts {
  documentState: { quarantined: string; ready: string };
}

function texts(lang: string): { documents: DocumentTexts; errors: Record<string, string> } {
  const read = (namespace: string): unknown => JSON.parse(readFileSync(join(localesDir, lang, `${namespace}.json`), 'utf8'));
  return { documents: read('documents') as DocumentTexts, errors: read('errors') as Record<string, string> };
}

/**
 * Chooses a file in the focused file input. Keyboard users open the system's file dialog with Enter, which a test
 * cannot drive, so the file is given to the input that Tab reached.
 */
async function chooseFile(page: Page, requirementId: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const selector = `#document-file-${requirementId}`;
  await tabTo(page, selector);
  await page.setInputFiles(selector, file);
}

describeWithDatabase('document journeys, keyboard only', () => {
  describeWithBrowser('in Chromium', () => {
    let api: TestApp;
    let browser: Browser;
    let page: Page;
    beforeAll(async () => {
      // Without CLAMD_URL files are held until an official of the department releases them.
      api = await startTestApp({ DEMO_DATA: 'true' });
      browser = await launchBrowser();
    });
    beforeEach(async () => {
      page = await newPage(browser);
    });
    afterEach(() => page.context().close());
    afterAll(async () => {
      await browser?.close();
      await api?.close();
    });

    const client = () => new TestClient(api.url);
    const citizen = async (): Promise<TestClient> => {
      const person = client();
      expect((await person.register(uniqueEmail('applicant'))).status).toBe(201);
      return person;
    };
    const officialOf = async (departmentId: string): Promise<TestClient> => (await makeOfficial(api.url, departmentId)).client;
    /** The browser takes over the session of a person signed in through the API. */
    const signInBrowser = async (person: TestClient) => {
      const [name = '', value = ''] = (person.cookie ?? '').split('=');
      await page.context().addCookies([{ name, value, url: api.url }]);
    };

    test.each(['en', 'ar'])(
      'start an application, upload each document with progress, see them checked live and send it (%s)',
      async (lang) => {
        const { documents: words, errors } = texts(lang);
        const person = await citizen();
        await signInBrowser(person);

        await page.goto(`${api.url}/documents?lang=${lang}`);
        await page.waitForSelector(`html[lang="${lang}"] #documents-start-${SERVICE}`);
        await page.waitForSelector('#documents-mine-empty');
        expect(await axeViolations(page)).toEqual([]);

        await press(page, `#documents-start-${SERVICE}`);
        await page.waitForSelector('#submission-details');
        const id = new URL(page.url()).searchParams.get('id') ?? '';
        const caseNumber = (await page.textContent('#submission-case-number'))?.trim() ?? '';
        expect(caseNumber).toMatch(/^SEL-\d{4}-\d{6}$/);
        expect(await page.getAttribute('#submission-state [data-state]', 'data-state')).toBe('draft');
        await page.waitForSelector('html[data-live="ready"]');
        expect(await axeViolations(page)).toEqual([]);

        // A PNG where only PDF is accepted: the API's 415, in the page's language, on that document's field.
        await chooseFile(page, PDF_ONLY, png);
        await press(page, `#document-upload-${PDF_ONLY}`);
        await page.waitForSelector(`#document-file-${PDF_ONLY}-error`);
        expect(await page.textContent(`#document-file-${PDF_ONLY}-error`)).toContain(errors.DOCUMENT_TYPE_NOT_ALLOWED);
        expect(await page.getAttribute(`#document-file-${PDF_ONLY}`, 'aria-invalid')).toBe('true');
        expect(await page.$(`#document-files-${PDF_ONLY}-none`)).not.toBeNull();
        expect(await axeViolations(page)).toEqual([]);

        // The last upload's connection drops once in the middle: tus asks how much arrived and goes on.
        let uploadsStarted = 0;
        let dropped = false;
        await page.route('**/api/uploads/**', async (route) => {
          if (route.request().method() === 'PATCH' && uploadsStarted === REQUIREMENTS.length && !dropped) {
            dropped = true;
            await route.abort('connectionreset');
            return;
          }
          await route.continue();
        });
        for (const requirementId of REQUIREMENTS) {
          uploadsStarted += 1;
          await chooseFile(page, requirementId, pdf(`${requirementId}.pdf`));
          await press(page, `#document-upload-${requirementId}`);
          await page.waitForFunction(
            (bar) => (document.getElementById(bar) as HTMLProgressElement | null)?.value === 100,
            `document-progress-${requirementId}-bar`,
          );
          await page.waitForFunction(
            ([list, text]) => document.getElementById(list ?? '')?.textContent?.includes(text ?? '') ?? false,
            [`document-files-${requirementId}`, words.documentState.quarantined],
          );
        }
        expect(dropped).toBe(true);

        // A file sent by mistake is deleted while the application is a draft, and sent again.
        const last = REQUIREMENTS[REQUIREMENTS.length - 1] ?? '';
        const lastId = ((await page.getAttribute(`#document-files-${last} li`, 'id')) ?? '').replace(/^document-/, '');
        await press(page, `#document-delete-${lastId}`);
        await page.waitForSelector(`#document-files-${last}-none`);
        await page.waitForFunction((input) => document.activeElement?.id === input, `document-file-${last}`);
        await chooseFile(page, last, pdf(`${last}-again.pdf`));
        await press(page, `#document-upload-${last}`);
        await page.waitForFunction(
          ([list, text]) => document.getElementById(list ?? '')?.textContent?.includes(text ?? '') ?? false,
          [`document-files-${last}`, words.documentState.quarantined],
        );
        expect(await page.$(`#document-file-${PDF_ONLY}-error`)).toBeNull();
        expect(await page.$('#submission-not-ready')).not.toBeNull();
        expect(await axeViolations(page)).toEqual([]);

        // An official of housing checks the held files and releases them; the page hears it live.
        const official = await officialOf('housing');
        const submission = (await (await person.get(`/api/submissions/${id}`)).json()) as SubmissionView;
        expect(submission.documents.map((file) => file.state)).toEqual(['quarantined', 'quarantined', 'quarantined']);
        for (const file of submission.documents) {
          expect((await official.post(`/api/documents/${file.id}/release`)).status).toBe(200);
        }
        for (const file of submission.documents) {
          await page.waitForFunction(
            ([state, text]) => document.getElementById(state ?? '')?.textContent === text,
            [`document-state-${file.id}`, words.documentState.ready],
          );
        }
        await page.waitForSelector('#submission-submit');
        expect(await axeViolations(page)).toEqual([]);

        await press(page, '#submission-submit');
        await page.waitForFunction(() => document.activeElement?.id === 'submission-sent-heading');
        expect((await page.textContent('#submission-sent-case-number'))?.trim()).toBe(caseNumber);
        expect(await axeViolations(page)).toEqual([]);

        await press(page, '#submission-mine-link');
        await page.waitForSelector(`#documents-mine-table tr[data-case-number="${caseNumber}"][data-state="submitted"]`);
        expect(await axeViolations(page)).toEqual([]);
      },
      // Seven axe scans of a few seconds each, on top of the journey.
      180_000,
    );
  });
});
