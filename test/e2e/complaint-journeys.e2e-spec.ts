import type { Page } from 'playwright-core';
import { axeViolations, tabTo } from '../support/page-checks.js';
import { describeWithBrowser, useBrowserSession } from '../support/browser.js';
import type { TestApp } from '../support/test-app.js';
import { describeWithDatabase } from '../support/test-database.js';

describeWithDatabase('complaint journeys, keyboard only', () => {
  describeWithBrowser('in Chromium', () => {
    const session = useBrowserSession();
    let api: TestApp;
    let page: Page;
    beforeEach(() => {
      ({ api, page } = session);
    });

    test.each(['en', 'ar'])('file a complaint without an account and track it (%s)', async (lang) => {
      await page.goto(`${api.url}/complaints/new?lang=${lang}`);
      await page.waitForSelector(`html[lang="${lang}"] #complaint-form`);

      // Sending with nothing filled in: the summary takes focus, nothing is lost.
      await tabTo(page, '#complaint-submit');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#complaint-form-error-summary');
      await page.waitForFunction(() => document.activeElement?.closest('#complaint-form-error-summary') !== null);
      expect(await axeViolations(page)).toEqual([]);

      await tabTo(page, '#complaint-service-pothole');
      await page.keyboard.press('Space');
      await tabTo(page, '#complaint-description');
      await page.keyboard.type('A deep pothole in the bus lane near the plaza.');
      await tabTo(page, '#complaint-address');
      await page.keyboard.type('110 Sejong-daero, Jung-gu');
      await tabTo(page, '#complaint-submit');
      await page.keyboard.press('Enter');

      await page.waitForSelector('#complaint-panel-heading');
      await page.waitForFunction(() => document.activeElement?.id === 'complaint-panel-heading');
      const caseNumber = (await page.textContent('#complaint-case-number'))?.trim() ?? '';
      expect(caseNumber).toMatch(/^SEL-\d{4}-\d{6}$/);
      expect(await axeViolations(page)).toEqual([]);

      await tabTo(page, '#complaint-track-link');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#track-case-number');
      expect((await page.textContent('#track-case-number'))?.trim()).toBe(caseNumber);
      expect(await page.getAttribute('#track-status [data-status]', 'data-status')).toBe('submitted');
      expect(await axeViolations(page)).toEqual([]);
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
