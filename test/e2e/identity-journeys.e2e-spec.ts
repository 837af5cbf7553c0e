import type { Page } from 'playwright-core';
import { axeViolations, tabTo } from '../support/page-checks.js';
import { describeWithBrowser, useBrowserSession } from '../support/browser.js';
import { uniqueEmail } from '../support/http-client.js';
import type { TestApp } from '../support/test-app.js';
import { describeWithDatabase } from '../support/test-database.js';

async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await tabTo(page, selector);
  await page.keyboard.type(text);
}

describeWithDatabase('identity journeys, keyboard only', () => {
  describeWithBrowser('in Chromium', () => {
    const session = useBrowserSession();
    let api: TestApp;
    let page: Page;
    beforeEach(() => {
      ({ api, page } = session);
    });

    test('sign up in Arabic, see the errors first, end on the account page signed in', async () => {
      const email = uniqueEmail('journey');
      await page.goto(`${api.url}/register?lang=ar`);
      await page.waitForSelector('html[dir="rtl"] #register-form');

      // A common password: the error summary takes focus and links to the field.
      await typeInto(page, '#register-email', email);
      await typeInto(page, '#register-display-name', 'سارة');
      await typeInto(page, '#register-password', 'password123');
      await tabTo(page, '#register-submit');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#register-form-error-summary');
      await page.waitForFunction(() => document.activeElement?.closest('#register-form-error-summary') !== null);
      expect(await page.getAttribute('#register-password', 'aria-invalid')).toBe('true');
      expect(await axeViolations(page)).toEqual([]);

      // The typed input is kept; a better password goes through.
      expect(await page.inputValue('#register-email')).toBe(email);
      await page.fill('#register-password', '');
      await typeInto(page, '#register-password', 'lantern-harbour-42');
      await tabTo(page, '#register-submit');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/account/);
      await page.waitForSelector('#account-link');
      expect(await page.textContent('#account-link')).toContain('سارة');
      expect(await axeViolations(page)).toEqual([]);
    });

    test('sign in from the header and come back to the page left; a wrong password is reported on the field', async () => {
      const email = uniqueEmail('signin');
      const created = await fetch(`${api.url}/api/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, displayName: 'Ji-woo', password: 'lantern-harbour-42', preferredLanguage: 'ko' }),
      });
      expect(created.status).toBe(201);

      await page.goto(`${api.url}/services?lang=en`);
      await page.waitForSelector('#sign-in-link');
      await tabTo(page, '#sign-in-link');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#sign-in-form');

      await typeInto(page, '#sign-in-email', email);
      await typeInto(page, '#sign-in-password', 'not-my-password');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#sign-in-password-error');
      expect(await page.getAttribute('#sign-in-password', 'aria-invalid')).toBe('true');

      await page.fill('#sign-in-password', '');
      await typeInto(page, '#sign-in-password', 'lantern-harbour-42');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/services(\?|$)/);
      await page.waitForSelector('#sign-out-button');

      await tabTo(page, '#sign-out-button');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#sign-in-link');
      expect((await fetch(`${api.url}/api/me`)).status).toBe(401);
    });

    test('erase the account: password and confirmation, then signed out for good', async () => {
      const email = uniqueEmail('erase-journey');
      await page.goto(`${api.url}/register?lang=en`);
      await page.waitForSelector('#register-form');
      await typeInto(page, '#register-email', email);
      await typeInto(page, '#register-display-name', 'Omar');
      await typeInto(page, '#register-password', 'lantern-harbour-42');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/account/);
      await page.waitForSelector('#delete-form');

      await typeInto(page, '#delete-password', 'lantern-harbour-42');
      await tabTo(page, '#delete-confirm');
      await page.keyboard.press('Space');
      await tabTo(page, '#delete-submit');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#sign-in-link');
      expect(new URL(page.url()).pathname).toBe('/');

      const again = await fetch(`${api.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'lantern-harbour-42' }),
      });
      expect(again.status).toBe(401);
    });
  });
});
