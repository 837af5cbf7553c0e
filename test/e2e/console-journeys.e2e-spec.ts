import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { localesDir } from '../../api/src/config/paths.js';
import { describeWithBrowser, launchBrowser, newPage } from '../support/browser.js';
import { TestClient, uniqueEmail } from '../support/http-client.js';
import { focusIsOn, press } from '../support/keyboard.js';
import { makeOfficial, officialPassword as password } from '../support/officials.js';
import { axeViolations, tabTo } from '../support/page-checks.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeWithDatabase } from '../support/test-database.js';

interface Filed {
  complaint: { id: string; caseNumber: string };
}

interface Viewed {
  description: string | null;
  history: { status: string; note: string | null; public: boolean }[];
}

/** The console's texts a test compares with, in each language. */
function consoleText(lang: string): { inbox: { table: { you: string } } } {
  return JSON.parse(readFileSync(join(localesDir, lang, 'console.json'), 'utf8')) as { inbox: { table: { you: string } } };
}

async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await tabTo(page, selector);
  await page.keyboard.type(text);
}

/** After a change on the case page: the success banner has focus and the page shows the new state. */
async function savedWithBanner(page: Page): Promise<void> {
  await focusIsOn(page, 'case-notice');
  expect(await page.getAttribute('#case-notice', 'role')).toBe('status');
}

describeWithDatabase("officials' complaint pages, keyboard only", () => {
  describeWithBrowser('in Chromium', () => {
    let api: TestApp;
    let browser: Browser;
    let page: Page;
    let officialEmail: string;
    let officialId: string;

    beforeAll(async () => {
      api = await startTestApp({ DEMO_DATA: 'true' });
      browser = await launchBrowser();
      // An official of the department potholes go to, made by an admin as the city would.
      ({ email: officialEmail, id: officialId } = await makeOfficial(api.url, 'safety', 'Officer Min'));
    });
    beforeEach(async () => {
      page = await newPage(browser);
    });
    afterEach(() => page?.context().close());
    afterAll(async () => {
      await browser?.close();
      await api?.close();
    });

    /** A citizen with an account files a pothole complaint; it goes to the safety department. */
    const fileComplaint = async (description: string): Promise<{ citizen: TestClient; id: string; caseNumber: string }> => {
      const citizen = new TestClient(api.url);
      await citizen.register(uniqueEmail('console-filer'));
      const response = await citizen.post('/api/complaints', {
        serviceId: 'pothole',
        description,
        location: { address: '110 Sejong-daero, Jung-gu' },
        attributes: { size: 'medium', lane: 'bus_lane' },
      });
      expect(response.status).toBe(201);
      const { complaint } = (await response.json()) as Filed;
      return { citizen, id: complaint.id, caseNumber: complaint.caseNumber };
    };

    /** Opens the inbox signed out, follows its sign-in link and signs in: the inbox comes back, signed in. */
    const signInToInbox = async (lang: string): Promise<void> => {
      await page.goto(`${api.url}/console/complaints?lang=${lang}`);
      await page.waitForSelector(`html[lang="${lang}"] #console-sign-in-link`);
      expect(await axeViolations(page)).toEqual([]);
      await press(page, '#console-sign-in-link', 'Enter');
      await page.waitForSelector('#sign-in-form');
      await typeInto(page, '#sign-in-email', officialEmail);
      await typeInto(page, '#sign-in-password', password);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/console\/complaints/);
      await page.waitForSelector('#inbox-filters');
      await page.waitForFunction(() => !document.querySelector('#inbox-results[aria-busy]'));
    };

    test('a citizen is told the inbox is not for their account, without a request for complaints', async () => {
      const citizen = new TestClient(api.url);
      const email = uniqueEmail('console-citizen');
      await citizen.register(email);
      const requests: string[] = [];
      page.on('request', (request) => requests.push(new URL(request.url()).pathname));
      await page.goto(`${api.url}/sign-in?next=%2Fconsole%2Fcomplaints&lang=en`);
      await typeInto(page, '#sign-in-email', email);
      await typeInto(page, '#sign-in-password', 'lantern-harbour-42');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#console-not-staff');
      expect(await page.$('#primary-nav-complaints-inbox')).toBeNull();
      expect(requests.filter((path) => path === '/api/complaints')).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
    });

    test.each(['en', 'ar'])(
      'an official filters the inbox, acknowledges, notes, assigns and redacts a complaint (%s)',
      async (lang) => {
        const { citizen, id, caseNumber } = await fileComplaint('A deep pothole; the neighbour at number 12 is a fool.');
        await signInToInbox(lang);
        expect(await page.getAttribute('#primary-nav-complaints-inbox', 'aria-current')).toBe('page');
        expect(await axeViolations(page)).toEqual([]);

        // Filters: received complaints that no one has taken yet.
        await tabTo(page, '#inbox-status');
        await page.keyboard.press('ArrowDown');
        expect(await page.inputValue('#inbox-status')).toBe('submitted');
        await tabTo(page, '#inbox-assignee-any');
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowDown');
        expect(await page.isChecked('#inbox-assignee-none')).toBe(true);
        await press(page, '#inbox-filters-submit', 'Enter');
        await page.waitForURL(/status=submitted&assignee=none/);
        await focusIsOn(page, 'inbox-caption');
        expect(await page.textContent(`#inbox-case-${id}`)).toBe(caseNumber);
        expect(await axeViolations(page)).toEqual([]);

        // The address keeps the filters: back, forward and reload.
        await page.goBack();
        await page.waitForFunction(() => (document.querySelector<HTMLSelectElement>('#inbox-status')?.value ?? 'x') === '');
        expect(await page.isChecked('#inbox-assignee-any')).toBe(true);
        await page.goForward();
        await page.waitForFunction(() => document.querySelector<HTMLSelectElement>('#inbox-status')?.value === 'submitted');
        await page.reload();
        await page.waitForSelector(`#inbox-case-${id}`);
        expect(await page.inputValue('#inbox-status')).toBe('submitted');
        expect(await page.isChecked('#inbox-assignee-none')).toBe(true);

        await press(page, `#inbox-case-${id}`, 'Enter');
        await page.waitForSelector('#case-status-form');
        expect(await page.textContent('h1')).toContain(caseNumber);
        expect(await page.textContent('#case-attribute-size')).not.toBe('');
        expect(await axeViolations(page)).toEqual([]);

        // Acknowledge with a public note.
        await press(page, '#case-step-acknowledged', 'Space');
        await typeInto(page, '#case-note', 'Crew informed, repair this week.');
        expect(await page.isChecked('#case-visibility-public')).toBe(true);
        await press(page, '#case-status-submit', 'Enter');
        await savedWithBanner(page);
        expect(await page.getAttribute('#case-status [data-status]', 'data-status')).toBe('acknowledged');
        expect(await axeViolations(page)).toEqual([]);

        // An internal note: the status stays.
        await tabTo(page, '#case-step-in_progress');
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowDown');
        expect(await page.isChecked('#case-step-note')).toBe(true);
        await typeInto(page, '#case-note', 'Caller is a regular reporter.');
        await tabTo(page, '#case-visibility-public');
        await page.keyboard.press('ArrowDown');
        expect(await page.isChecked('#case-visibility-internal')).toBe(true);
        await press(page, '#case-status-submit', 'Enter');
        await savedWithBanner(page);
        expect(await page.getAttribute('#case-status [data-status]', 'data-status')).toBe('acknowledged');
        expect(await page.textContent('#case-history [data-public="false"]')).toContain('Caller is a regular reporter.');
        expect(await axeViolations(page)).toEqual([]);

        // Take it: the person comes first after "no one".
        await tabTo(page, '#case-assignee');
        await page.keyboard.press('ArrowDown');
        expect(await page.inputValue('#case-assignee')).toBe(officialId);
        await press(page, '#case-assignment-submit', 'Enter');
        await savedWithBanner(page);
        expect((await page.textContent('#case-assignee-current'))?.trim()).toBe(consoleText(lang).inbox.table.you);
        expect(await axeViolations(page)).toEqual([]);

        // Redact: without the confirmation nothing happens; with it the description is gone for good.
        await typeInto(page, '#case-redaction-reason', 'Insults a neighbour.');
        await press(page, '#case-redaction-submit', 'Enter');
        await focusIsOn(page, 'case-redaction-form-error-summary');
        expect(await page.getAttribute('#case-redaction-confirm', 'aria-invalid')).toBe('true');
        expect(await axeViolations(page)).toEqual([]);
        await press(page, '#case-redaction-confirm', 'Space');
        await press(page, '#case-redaction-submit', 'Enter');
        await savedWithBanner(page);
        expect(await page.textContent('#case-description')).toContain('Insults a neighbour.');
        expect(await page.textContent('#case-description')).not.toContain('fool');
        expect(await page.$('#case-redaction-form')).toBeNull();
        expect(await axeViolations(page)).toEqual([]);

        // The filer sees the public note, not the internal one, and no description.
        const seen = (await (await citizen.get(`/api/complaints/${id}`)).json()) as Viewed;
        expect(seen.description).toBeNull();
        const notes = seen.history.map((entry) => entry.note);
        expect(notes).toContain('Crew informed, repair this week.');
        expect(notes).not.toContain('Caller is a regular reporter.');
      },
      // Eight axe scans and a long keyboard journey: longer than one page's minute.
      180_000,
    );

    test('a step another official took first is reported with the steps still possible', async () => {
      const { id } = await fileComplaint('A pothole by the bus stop.');
      await signInToInbox('en');
      await page.goto(`${api.url}/console/complaint?id=${id}&lang=en`);
      await page.waitForSelector('#case-status-form');

      // Nothing chosen: the summary names both problems.
      await press(page, '#case-status-submit', 'Enter');
      await focusIsOn(page, 'case-status-form-error-summary');
      expect(await page.$$('#case-status-form-error-summary li')).toHaveLength(2);

      await press(page, '#case-step-acknowledged', 'Space');
      await typeInto(page, '#case-note', 'On our list.');
      const colleague = new TestClient(api.url);
      await colleague.signIn(officialEmail, password);
      expect((await colleague.patch(`/api/complaints/${id}`, { status: 'acknowledged', note: 'Taken.' })).status).toBe(200);
      await press(page, '#case-status-submit', 'Enter');

      await page.waitForSelector('#case-status-form-error-summary');
      await page.waitForFunction(() => document.activeElement?.closest('#case-status-form-error-summary') !== null);
      const summary = (await page.textContent('#case-status-form-error-summary')) ?? '';
      expect(summary).toContain('In progress');
      expect(summary).toContain('Rejected');
      expect(await page.getAttribute('#case-status [data-status]', 'data-status')).toBe('acknowledged');
      expect(await page.$('#case-step-acknowledged')).toBeNull();
      expect(await axeViolations(page)).toEqual([]);
    });

    test('a complaint filed while the inbox is open is announced and shown on request', async () => {
      // The server says "live.ready" once the socket has joined the department's room.
      const ready = new Promise<void>((resolve) => {
        page.on('websocket', (socket) => {
          socket.on('framereceived', (frame) => {
            if (String(frame.payload).includes('live.ready')) resolve();
          });
        });
      });
      await signInToInbox('en');
      await ready;

      const { id, caseNumber } = await fileComplaint('A pothole that opened this morning.');
      await page.waitForSelector('#inbox-new-button');
      expect(await page.textContent('#inbox-new-button')).toContain('1 new complaint');
      await page.waitForFunction(() => document.getElementById('announcer')?.textContent?.includes('1 new complaint') ?? false);
      // Nothing moved under the reader: the new row waits for the button.
      expect(await page.$(`#inbox-case-${id}`)).toBeNull();
      expect(await axeViolations(page)).toEqual([]);

      await press(page, '#inbox-new-button', 'Enter');
      await focusIsOn(page, 'inbox-caption');
      expect(await page.textContent(`#inbox-case-${id}`)).toBe(caseNumber);
      expect(await page.$('#inbox-new-button')).toBeNull();
    });
  });
});
