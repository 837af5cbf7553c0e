import type { Browser, Page } from 'playwright-core';
import { axeViolations, tabTo } from '../support/page-checks.js';
import { describeWithBrowser, launchBrowser, newPage } from '../support/browser.js';
import { TestClient, uniqueEmail } from '../support/http-client.js';
import { chooseWithArrows, focusIsOn, press, shiftTabTo } from '../support/keyboard.js';
import { makeOfficial } from '../support/officials.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeWithDatabase } from '../support/test-database.js';

interface Filed {
  complaint: { id: string; caseNumber: string; departmentId: string };
  trackingToken: string;
}

const password = 'lantern-harbour-42';

describeWithDatabase('complaint journeys, keyboard only', () => {
  describeWithBrowser('in Chromium', () => {
    // Demo data gives the admin who makes an official for the officials' steps.
    let api: TestApp;
    let browser: Browser;
    let page: Page;
    beforeAll(async () => {
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
    const fileAt = async (placeId: string, description: string): Promise<Filed> => {
      const response = await client().post('/api/complaints', {
        serviceId: 'pothole',
        description,
        location: { placeId },
        attributes: { size: 'large', lane: 'bus_lane' },
      });
      expect(response.status).toBe(201);
      return (await response.json()) as Filed;
    };
    const officialOf = async (departmentId: string): Promise<TestClient> => (await makeOfficial(api.url, departmentId)).client;

    test.each(['en', 'ar'])('file a complaint with its questions answered, without an account, and track it (%s)', async (lang) => {
      await page.goto(`${api.url}/complaints/new?lang=${lang}`);
      await page.waitForSelector(`html[lang="${lang}"] #complaint-form`);

      // Sending with nothing filled in: the summary takes focus, nothing is lost.
      await press(page, '#complaint-submit');
      await page.waitForSelector('#complaint-form-error-summary');
      await page.waitForFunction(() => document.activeElement?.closest('#complaint-form-error-summary') !== null);
      expect(await axeViolations(page)).toEqual([]);

      // Choosing a kind of problem brings its questions; another kind swaps them and keeps the description.
      await press(page, '#complaint-service-pothole', 'Space');
      await page.waitForSelector('#complaint-attribute-size-small');
      await tabTo(page, '#complaint-description');
      await page.keyboard.type('A deep pothole in the bus lane near the plaza.');
      await shiftTabTo(page, '#complaint-service-pothole');
      await page.keyboard.press('ArrowDown');
      await page.waitForSelector('#complaint-attribute-obstruction-fire_hydrant');
      expect(await page.$('#complaint-attribute-size-small')).toBeNull();
      expect(await page.inputValue('#complaint-description')).toBe('A deep pothole in the bus lane near the plaza.');
      await page.keyboard.press('ArrowUp');
      await page.waitForSelector('#complaint-attribute-size-small');

      // The required question left unanswered is reported on it.
      await tabTo(page, '#complaint-address');
      await page.keyboard.type('110 Sejong-daero, Jung-gu');
      await press(page, '#complaint-submit');
      await page.waitForSelector('#complaint-attribute-size-error');
      expect(await page.$$eval('#complaint-form-error-summary a', (links) => links.map((link) => link.getAttribute('href')))).toEqual([
        '#complaint-attribute-size-small',
      ]);
      expect(await axeViolations(page)).toEqual([]);

      await press(page, '#complaint-attribute-size-small', 'Space');
      await press(page, '#complaint-submit');
      await page.waitForSelector('#complaint-panel-heading');
      await focusIsOn(page, 'complaint-panel-heading');
      const caseNumber = (await page.textContent('#complaint-case-number'))?.trim() ?? '';
      expect(caseNumber).toMatch(/^SEL-\d{4}-\d{6}$/);
      expect(await axeViolations(page)).toEqual([]);

      await press(page, '#complaint-track-link');
      await page.waitForSelector('#track-case-number');
      expect((await page.textContent('#track-case-number'))?.trim()).toBe(caseNumber);
      expect(await page.getAttribute('#track-status [data-status]', 'data-status')).toBe('submitted');
      expect(await axeViolations(page)).toEqual([]);
    });

    test.each(['en', 'ar'])(
      'a similar open complaint nearby is suggested; following it without an account gives a tracking code (%s)',
      async (lang) => {
        const { complaint } = await fileAt('seoul-library', `Pothole by the library steps (${lang}).`);

        await page.goto(`${api.url}/complaints/new?lang=${lang}`);
        await page.waitForSelector(`html[lang="${lang}"] #complaint-form`);
        await press(page, '#complaint-service-pothole', 'Space');
        await chooseWithArrows(page, '#complaint-place', 'seoul-library');
        const suggestion = `#complaint-nearby-list [data-case-number="${complaint.caseNumber}"]`;
        await page.waitForSelector(suggestion);
        const heading = (await page.textContent('#complaint-nearby-heading')) ?? '';
        await page.waitForFunction((text) => document.getElementById('announcer')?.textContent === text, heading);
        expect(await page.textContent(suggestion)).toContain(`Pothole by the library steps (${lang}).`);
        expect(await axeViolations(page)).toEqual([]);

        await press(page, `#nearby-follow-${complaint.id}`);
        await page.waitForSelector('#follow-panel-heading');
        await focusIsOn(page, 'follow-panel-heading');
        expect((await page.textContent('#follow-case-number'))?.trim()).toBe(complaint.caseNumber);
        expect((await page.textContent('#follow-token'))?.trim()).toMatch(/^[A-Za-z0-9_-]{24}$/);
        expect(await axeViolations(page)).toEqual([]);

        await press(page, '#follow-track-link');
        await page.waitForSelector('#track-case-number');
        expect((await page.textContent('#track-case-number'))?.trim()).toBe(complaint.caseNumber);
        expect(await axeViolations(page)).toEqual([]);
      },
    );

    test.each(['en', 'ar'])(
      'a signed-in citizen follows a complaint, finds it in My complaints and reads its history (%s)',
      async (lang) => {
        const { complaint } = await fileAt('seoul-council', `Pothole at the council gate (${lang}).`);
        const official = await officialOf(complaint.departmentId);
        const note = `Crew booked for Thursday (${lang}).`;
        expect((await official.patch(`/api/complaints/${complaint.id}`, { status: 'acknowledged', note })).status).toBe(200);
        expect(
          (await official.patch(`/api/complaints/${complaint.id}`, { note: 'Internal: same caller as last week.', public: false })).status,
        ).toBe(200);
        const email = uniqueEmail('follower');
        expect((await client().register(email, password)).status).toBe(201);

        await page.goto(`${api.url}/sign-in?next=${encodeURIComponent('/complaints/new')}&lang=${lang}`);
        await page.waitForSelector(`html[lang="${lang}"] #sign-in-form`);
        await tabTo(page, '#sign-in-email');
        await page.keyboard.type(email);
        await tabTo(page, '#sign-in-password');
        await page.keyboard.type(password);
        await page.keyboard.press('Enter');
        await page.waitForSelector('#complaint-signed-in');

        await press(page, '#complaint-service-pothole', 'Space');
        await chooseWithArrows(page, '#complaint-place', 'seoul-council');
        // As a person would: the suggestions come (and are announced) before one is chosen.
        await page.waitForSelector(`#complaint-nearby-list [data-case-number="${complaint.caseNumber}"]`);
        await press(page, `#nearby-follow-${complaint.id}`);
        await page.waitForSelector('#nearby-followed');
        await focusIsOn(page, 'nearby-followed');
        expect(await axeViolations(page)).toEqual([]);

        await press(page, '#nearby-mine-link');
        const row = `#mine-table tr[data-case-number="${complaint.caseNumber}"]`;
        await page.waitForSelector(row);
        expect(await page.getAttribute(row, 'data-relation')).toBe('following');
        expect(await page.textContent(`${row} .tag--following`)).toBeTruthy();
        expect(await page.getAttribute(`${row} [data-status]`, 'data-status')).toBe('acknowledged');
        expect(await axeViolations(page)).toEqual([]);

        await press(page, `${row} a`);
        await page.waitForSelector('#case-history');
        expect((await page.textContent('#case-case-number'))?.trim()).toBe(complaint.caseNumber);
        expect(await page.$$eval('#case-history > li', (items) => items.map((item) => item.getAttribute('data-status')))).toEqual([
          'submitted',
          'acknowledged',
        ]);
        const history = (await page.textContent('#case-history')) ?? '';
        expect(history).toContain(note);
        expect(history).not.toContain('Internal');
        expect(await page.textContent('#case-description')).toBe(`Pothole at the council gate (${lang}).`);
        // A follower sees the problem and its history, not the filer's answers to the questions.
        expect(await page.$('#case-attributes')).toBeNull();
        expect(await axeViolations(page)).toEqual([]);

        await press(page, '#case-unfollow');
        await page.waitForURL(/\/complaints\/mine/);
        await page.waitForSelector('#mine-empty');
        expect(await page.$(row)).toBeNull();
        expect(await axeViolations(page)).toEqual([]);
      },
    );

    test('the tracking page follows the complaint live: a step by an official shows and is announced', async () => {
      const { complaint, trackingToken } = await fileAt('seoul-council', 'A pothole that the tracking page watches.');
      await page.goto(`${api.url}/complaints/track?lang=en&token=${trackingToken}`);
      await page.waitForSelector('#track-status [data-status="submitted"]');
      // The socket is admitted and watching before the official acts.
      await page.waitForSelector('html[data-live="ready"]');
      const official = await officialOf(complaint.departmentId);
      await official.patch(`/api/complaints/${complaint.id}`, { status: 'acknowledged', note: 'A crew is on its way.' });
      await page.waitForSelector('#track-status [data-status="acknowledged"]');
      expect(await page.textContent('#track-history')).toContain('A crew is on its way.');
      await page.waitForFunction(() => document.getElementById('announcer')?.textContent?.includes('Acknowledged') ?? false);
    });

    test('after a break in the connection the tracking page catches up with what it missed', async () => {
      const { complaint, trackingToken } = await fileAt('seoul-library', 'A pothole seen while the connection dropped.');
      await page.goto(`${api.url}/complaints/track?lang=en&token=${trackingToken}`);
      await page.waitForSelector('html[data-live="ready"]');
      await page.context().setOffline(true);
      await page.waitForSelector('html:not([data-live])');
      const official = await officialOf(complaint.departmentId);
      await official.patch(`/api/complaints/${complaint.id}`, { status: 'acknowledged', note: 'Logged while you were away.' });
      await page.context().setOffline(false);
      await page.waitForSelector('#track-status [data-status="acknowledged"]', { timeout: 20_000 });
      expect(await page.textContent('#track-history')).toContain('Logged while you were away.');
    });

    test('an unknown tracking code is reported on the field', async () => {
      await page.goto(`${api.url}/complaints/track?lang=en`);
      await page.waitForSelector('#track-form');
      await tabTo(page, '#track-token');
      await page.keyboard.type('AAAAAAAAAAAAAAAAAAAAAAAA');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#track-token-error');
      expect(await page.getAttribute('#track-token', 'aria-invalid')).toBe('true');
    });
  });
});
