import type { Browser } from 'playwright-core';
import type { IssuedTicket } from '../../api/src/queues/queue-view.types.js';
import { describeWithBrowser, launchBrowser } from '../support/browser.js';
import { people } from '../support/consultation-people.js';
import { press } from '../support/keyboard.js';
import { axeViolations } from '../support/page-checks.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeWithDatabase } from '../support/test-database.js';

describeWithDatabase('tmp counter smoke', () => {
  describeWithBrowser('chromium', () => {
    let api: TestApp;
    let browser: Browser;
    const folks = people(() => api);
    beforeAll(async () => {
      api = await startTestApp();
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await api?.close();
    });
    test('counter', async () => {
      const [citizen, officer] = await Promise.all([folks.citizen(), folks.official('housing')]);
      expect((await officer.post('/api/queues/counter-3/open')).status).toBe(200);
      const issued = (await (await citizen.post('/api/queues/counter-3/tickets', { serviceId: 'youth-rent-support' })).json()) as IssuedTicket;
      const called = await (await officer.post('/api/queues/counter-3/call-next')).json();
      expect(called).toMatchObject({ id: issued.ticket.id });
      const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
      const [name = '', value = ''] = (officer.cookie ?? '').split('=');
      await context.addCookies([{ name, value, url: api.url }]);
      const page = await context.newPage();
      for (const lang of ['en', 'ar']) {
        await page.goto(`${api.url}/console/counter?id=counter-3&lang=${lang}`);
        await page.waitForSelector(`#counter-consult-${issued.ticket.id}`);
        expect(await page.isVisible('#counter-consultation-section')).toBe(lang === 'ar');
        if (lang === 'en') {
          await press(page, `#counter-consult-${issued.ticket.id}`);
          await page.waitForSelector('#counter-notice');
        }
        await page.waitForSelector('#counter-consultation #consultation-form');
        console.log(lang, await page.textContent('#counter-notice').catch(() => null), await page.textContent('#consultation-panel-heading'));
        expect(await axeViolations(page)).toEqual([]);
      }
      const mine = await (await citizen.get('/api/consultations')).json();
      expect(mine).toMatchObject([{ subject: { type: 'ticket', id: issued.ticket.id }, citizen: { language: 'en' } }]);
      await context.close();
    }, 120_000);
  });
});
