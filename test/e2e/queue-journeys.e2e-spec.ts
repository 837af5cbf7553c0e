import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { localesDir } from '../../api/src/config/paths.js';
import type { IssuedTicket, TicketView } from '../../api/src/queues/queue-view.types.js';
import { describeWithBrowser, launchBrowser, newPage } from '../support/browser.js';
import { TestClient } from '../support/http-client.js';
import { chooseRadio, chooseWithArrows, focusIsOn, press } from '../support/keyboard.js';
import { makeOfficial, officialPassword as password, type TestOfficial } from '../support/officials.js';
import { axeViolations, tabTo } from '../support/page-checks.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeWithDatabase } from '../support/test-database.js';

// Seoul's hall (the test app's city). The run's database is shared with other files: counters 3, 4 and 5 serve
// housing, welfare and business matters, whose lines no other test file uses (appointments check in at counter 6,
// queues-live.test.ts uses counter 2, queues.test.ts Dubai's hall).
const CITIZEN_COUNTER = 'counter-5';
const OFFICIAL_COUNTER = 'counter-4';
const BOARD_COUNTER = 'counter-3';

interface QueueTexts {
  ticket: { next: string; ahead_one: string };
  console: { counter: { empty: string }; line: { live_other: string } };
}

function queueTexts(lang: string): QueueTexts {
  return JSON.parse(readFileSync(join(localesDir, lang, 'queues.json'), 'utf8')) as QueueTexts;
}

async function regionSays(page: Page, id: string, ...parts: string[]): Promise<void> {
  await page.waitForFunction(
    ({ region, texts }) => {
      const said = document.getElementById(region)?.textContent ?? '';
      return said !== '' && texts.every((text) => said.includes(text));
    },
    { region: id, texts: parts },
  );
}

describeWithDatabase('queue journeys, keyboard only', () => {
  describeWithBrowser('in Chromium', () => {
    let api: TestApp;
    let browser: Browser;
    let page: Page;
    const officials = new Map<string, TestOfficial>();

    /** An official of the department, made by the demo admin as the city would, signed in for API steps. */
    const officialOf = async (departmentId: string) => {
      const known = officials.get(departmentId);
      if (known) return known;
      const official = await makeOfficial(api.url, departmentId, 'Officer Han');
      officials.set(departmentId, official);
      return official;
    };
    const json = async <T>(response: Promise<Response>): Promise<T> => (await (await response).json()) as T;
    const take = async (counterId: string, serviceId: string): Promise<IssuedTicket> => {
      const response = await new TestClient(api.url).post(`/api/queues/${counterId}/tickets`, { serviceId });
      expect(response.status).toBe(201);
      return (await response.json()) as IssuedTicket;
    };
    const track = (token: string) => json<TicketView>(new TestClient(api.url).get(`/api/queues/tickets/${token}`));
    const counterNameIn = (counterId: string, lang: string) => {
      const counter = api.context.pack.cityHall.counters.find((candidate) => candidate.id === counterId);
      return counter?.name[lang] ?? counter?.name.en ?? counterId;
    };

    beforeAll(async () => {
      api = await startTestApp({ DEMO_DATA: 'true' });
      browser = await launchBrowser();
    });
    beforeEach(async () => {
      page = await newPage(browser);
    });
    afterEach(() => page?.context().close());
    afterAll(async () => {
      await browser?.close();
      await api?.close();
    });

    test.each(['en', 'ar'])(
      'a signed-out citizen takes a ticket, hears the line move and the call, keeps it on reload and cancels it (%s)',
      async (lang) => {
        const texts = queueTexts(lang);
        const { client: desk } = await officialOf('economy');
        expect((await desk.post(`/api/queues/${CITIZEN_COUNTER}/open`)).status).toBe(200);
        const ahead = await take(CITIZEN_COUNTER, 'business-permit-consultation');

        await page.goto(`${api.url}/queues?lang=${lang}`);
        await page.waitForSelector(`html[lang="${lang}"] #queue-take-form`);
        expect(await axeViolations(page)).toEqual([]);
        await chooseRadio(page, 'counterId', `queue-counter-${CITIZEN_COUNTER}`);
        await chooseRadio(page, 'serviceId', 'queue-service-food-business-report');
        expect(await axeViolations(page)).toEqual([]);
        await press(page, '#queue-take-submit');

        await focusIsOn(page, 'queue-ticket-heading');
        const number = (await page.textContent('#queue-ticket-number')) ?? '';
        expect(number).toMatch(/^E-\d{3}$/);
        expect(await page.getAttribute('#queue-ticket-number', 'dir')).toBe('ltr');
        expect(await page.textContent('#queue-ticket-counter')).toBe(counterNameIn(CITIZEN_COUNTER, lang));
        expect(await page.getAttribute('#queue-ticket-status [data-status]', 'data-status')).toBe('waiting');
        const token = await page.evaluate(() => localStorage.getItem('civicverse.queue.ticketToken') ?? '');
        const mine = await track(token);
        expect(mine).toMatchObject({ number, status: 'waiting' });
        expect(mine.position).toBeGreaterThan(1);
        const positionBefore = (await page.textContent('#queue-ticket-position')) ?? '';
        if (lang === 'en' && mine.position === 2) expect(positionBefore).toBe(texts.ticket.ahead_one.replace('{{count, number}}', '1'));
        expect(await axeViolations(page)).toEqual([]);

        // The ticket ahead is called: the place changes where it stands and is said politely.
        await page.waitForSelector('html[data-live="ready"]');
        expect(await json<TicketView>(desk.post(`/api/queues/${CITIZEN_COUNTER}/call-next`))).toMatchObject({ id: ahead.ticket.id });
        await page.waitForFunction((before) => document.getElementById('queue-ticket-position')?.textContent !== before, positionBefore);
        const positionAfter = (await page.textContent('#queue-ticket-position')) ?? '';
        if (lang === 'en') expect(positionAfter).toBe(texts.ticket.next);
        await regionSays(page, 'announcer', number, positionAfter);
        await focusIsOn(page, 'queue-ticket-heading');

        // Their own ticket is called: said assertively, with the counter; focus stays where it was.
        expect(await json<TicketView>(desk.post(`/api/queues/${CITIZEN_COUNTER}/call-next`))).toMatchObject({ id: mine.id });
        await regionSays(page, 'announcer-assertive', number, counterNameIn(CITIZEN_COUNTER, lang));
        await page.waitForSelector('#queue-ticket-status [data-status="called"]');
        await focusIsOn(page, 'queue-ticket-heading');

        // The sound is off until asked for, then remembered.
        expect(await page.getAttribute('#queue-sound-toggle', 'aria-pressed')).toBe('false');
        await press(page, '#queue-sound-toggle', 'Space');
        expect(await page.getAttribute('#queue-sound-toggle', 'aria-pressed')).toBe('true');

        // A reload shows the same ticket again.
        await page.reload();
        await page.waitForSelector('#queue-ticket-status [data-status="called"]');
        expect(await page.textContent('#queue-ticket-number')).toBe(number);
        expect(await page.getAttribute('#queue-sound-toggle', 'aria-pressed')).toBe('true');
        expect(await axeViolations(page)).toEqual([]);

        // Cancel, with a confirmation; then the device forgets the ticket.
        await press(page, '#queue-ticket-cancel');
        await focusIsOn(page, 'queue-ticket-cancel-question');
        expect(await axeViolations(page)).toEqual([]);
        await press(page, '#queue-ticket-cancel-yes');
        await focusIsOn(page, 'queue-ticket-ended');
        await page.waitForSelector('#queue-ticket-status [data-status="cancelled"]');
        expect(await track(token)).toMatchObject({ id: mine.id, status: 'cancelled' });
        expect(await page.evaluate(() => localStorage.getItem('civicverse.queue.ticketToken'))).toBe('');
        expect(await axeViolations(page)).toEqual([]);
        await page.reload();
        await page.waitForSelector('#queue-take-form');
      },
      120_000,
    );

    test.each(['en', 'ar'])(
      'an official opens the counter, calls, serves, completes, transfers and marks a no-show, the line updating live (%s)',
      async (lang) => {
        const texts = queueTexts(lang);
        const { email } = await officialOf('welfare');
        await page.goto(`${api.url}/sign-in?next=${encodeURIComponent('/console/counters')}&lang=${lang}`);
        await tabTo(page, '#sign-in-email');
        await page.keyboard.type(email);
        await tabTo(page, '#sign-in-password');
        await page.keyboard.type(password);
        await page.keyboard.press('Enter');
        await page.waitForURL(/\/console\/counters/);
        await page.waitForSelector(`#counters-link-${OFFICIAL_COUNTER}`);
        expect(await page.getAttribute('#primary-nav-counter-console', 'aria-current')).toBe('page');
        // Only the counters of the official's department are offered.
        expect(await page.$(`#counters-link-${CITIZEN_COUNTER}`)).toBeNull();
        expect(await axeViolations(page)).toEqual([]);

        await press(page, `#counters-link-${OFFICIAL_COUNTER}`);
        await page.waitForSelector('#counter-open-toggle');
        await page.waitForSelector('html[data-live="ready"]');
        expect(await page.getAttribute('#counter-state', 'data-open')).toBe('false');
        expect(await axeViolations(page)).toEqual([]);

        await press(page, '#counter-open-toggle');
        await focusIsOn(page, 'counter-notice');
        expect(await page.getAttribute('#counter-state', 'data-open')).toBe('true');
        await press(page, '#counter-call-next');
        await page.waitForFunction(
          (text) => document.getElementById('counter-notice')?.textContent?.includes(text),
          texts.console.counter.empty,
        );
        await focusIsOn(page, 'counter-notice');

        // Citizens take tickets: the line is shown again in place and its length said, focus staying put.
        const tickets = [];
        for (let index = 0; index < 3; index += 1) tickets.push(await take(OFFICIAL_COUNTER, 'welfare-counselling'));
        await page.waitForFunction(() => document.querySelectorAll('#counter-line-table tbody tr').length === 3);
        const [first, second, third] = tickets.map((issued) => issued.ticket) as [TicketView, TicketView, TicketView];
        expect(await page.$$eval('#counter-line-table tbody tr', (rows) => rows.map((row) => row.getAttribute('data-ticket-id')))).toEqual([
          first.id,
          second.id,
          third.id,
        ]);
        if (lang === 'en') await regionSays(page, 'announcer', texts.console.line.live_other.replace('{{count, number}}', '3'));
        await focusIsOn(page, 'counter-notice');
        expect(await axeViolations(page)).toEqual([]);

        await press(page, '#counter-call-next');
        await focusIsOn(page, 'counter-notice');
        await page.waitForSelector(`#counter-current-${first.id}[data-status="called"]`);
        expect(await page.textContent('#counter-notice')).toContain(first.number);
        expect(await axeViolations(page)).toEqual([]);
        await press(page, `#counter-serve-${first.id}`);
        await page.waitForSelector(`#counter-current-${first.id}[data-status="serving"]`);
        await focusIsOn(page, 'counter-notice');
        await press(page, `#counter-complete-${first.id}`);
        await page.waitForSelector('#counter-current-none');
        await focusIsOn(page, 'counter-notice');

        // Transfer: to the housing counter, keeping the place by the time the ticket was taken.
        await press(page, '#counter-call-next');
        await page.waitForSelector(`#counter-current-${second.id}[data-status="called"]`);
        await chooseWithArrows(page, `#counter-transfer-target-${second.id}`, 'counter-3/housing-support-consultation');
        expect(await axeViolations(page)).toEqual([]);
        await press(page, `#counter-transfer-${second.id}`);
        await focusIsOn(page, 'counter-notice');
        const moved = await track(tickets[1]?.ticketToken ?? '');
        expect(moved).toMatchObject({ counterId: 'counter-3', serviceId: 'housing-support-consultation', status: 'waiting' });
        expect(await page.textContent('#counter-notice')).toContain(moved.number);

        await press(page, '#counter-call-next');
        await page.waitForSelector(`#counter-current-${third.id}[data-status="called"]`);
        await press(page, `#counter-no-show-${third.id}`);
        await page.waitForSelector('#counter-current-none');
        await page.waitForSelector('#counter-line-empty');
        expect(await track(tickets[2]?.ticketToken ?? '')).toMatchObject({ status: 'noshow' });
        expect(await axeViolations(page)).toEqual([]);

        // Closed again, as the next run expects to find it.
        await press(page, '#counter-open-toggle');
        await page.waitForSelector('#counter-state[data-open="false"]');
      },
      120_000,
    );

    test('the board shows a call live and says it politely', async () => {
      const { client: desk } = await officialOf('housing');
      expect((await desk.post(`/api/queues/${BOARD_COUNTER}/open`)).status).toBe(200);
      await page.goto(`${api.url}/queues/board?lang=en`);
      await page.waitForSelector(`#board-table-${BOARD_COUNTER}`);
      await page.waitForSelector('html[data-live="ready"]');
      expect(await axeViolations(page)).toEqual([]);

      await take(BOARD_COUNTER, 'youth-rent-support');
      const called = await json<TicketView>(desk.post(`/api/queues/${BOARD_COUNTER}/call-next`));
      await page.waitForSelector(`#board-table-${BOARD_COUNTER} tr[data-number="${called.number}"][data-status="called"]`);
      await regionSays(page, 'announcer', called.number, counterNameIn(BOARD_COUNTER, 'en'));
      expect(await axeViolations(page)).toEqual([]);
    });
  });
});
