import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import type { VisitorPosition } from '../../api/src/presence/presence.types.js';
import type { ConsultationView } from '../../api/src/consultations/consultation-view.types.js';
import { metresBetween } from '../../api/src/presence/personal-space.js';
import type { IssuedTicket } from '../../api/src/queues/queue-view.types.js';
import { describeWithBrowser, launchBrowser } from '../support/browser.js';
import { makeOfficial } from '../support/officials.js';
import { TestClient, uniqueEmail } from '../support/http-client.js';
import { ask, collect, connectLive, until } from '../support/live-client.js';
import { axeViolations, tabTo } from '../support/page-checks.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeWithDatabase } from '../support/test-database.js';

/** Small and at half resolution: Chromium draws WebGL in software (SwiftShader) here. */
const VIEWPORT = { width: 800, height: 600 };
const TWIN = '/twin?scale=0.5&testHooks=1';

/** What `window.__twin.labelImages()` gives (portal/src/twin/text-labels.ts). */
interface LabelImageInfo {
  key: string;
  text: string;
  direction: 'ltr' | 'rtl';
  width: number;
  height: number;
}
interface DrawnVisitor {
  visitorId: string;
  lat: number;
  lon: number;
  headingDegrees: number;
  own: boolean;
}
type TwinWindow = Window & { __twin: { labelImages(): LabelImageInfo[]; visitorsDrawn(): DrawnVisitor[] } };

/** A spot on Seoul's hall floor, away from where the portal places a visitor who turns presence on. */
const spot = (east: number) => ({ lat: 37.5668, lon: 126.978 + east / 88_000, headingDegrees: 0 });

async function openTwin(page: Page, url: string, lang = 'en'): Promise<void> {
  await page.goto(`${url}${TWIN}&lang=${lang}`);
  await page.waitForSelector(`html[lang="${lang}"] main h1`);
  await page.waitForSelector('[data-twin="ready"]', { timeout: 90_000 });
}

describeWithDatabase("the twin's visitors' presence in a real browser", () => {
  describeWithBrowser('opt-in, other visitors in the text twin, hide and report, Arabic labels', () => {
    let api: TestApp;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    const sockets: Socket[] = [];

    const citizen = async () => {
      const person = new TestClient(api.url);
      await person.register(uniqueEmail('visitor'), 'lantern-harbour-42', 'Visitor Person');
      return person;
    };
    const signInBrowser = async (person: TestClient) => {
      const [name = '', value = ''] = (person.cookie ?? '').split('=');
      await context.addCookies([{ name, value, url: api.url }]);
    };
    /** A second visitor, present in the hall from Node, as another browser would be. */
    const visitorAt = async (east: number) => {
      const socket = await connectLive(api.url, await citizen());
      sockets.push(socket);
      const joined = await ask<{ ok: boolean; you: VisitorPosition }>(socket, 'presence.join', spot(east));
      expect(joined.ok).toBe(true);
      return { socket, you: joined.you };
    };

    beforeAll(async () => {
      api = await startTestApp();
      browser = await launchBrowser();
    }, 60_000);
    beforeEach(async () => {
      context = await browser.newContext({ viewport: VIEWPORT, reducedMotion: 'reduce' });
      page = await context.newPage();
    });
    afterEach(async () => {
      for (const socket of sockets.splice(0)) socket.disconnect();
      await context.close();
    });
    afterAll(async () => {
      await browser?.close();
      await api?.close();
    });

    test('presence is off by default; turned on by keyboard the visitor sees others, walks, reports and hides them', async () => {
      const person = await citizen();
      await signInBrowser(person);
      const first = await visitorAt(0);
      const second = await visitorAt(3);
      const heardByFirst = collect(first.socket, 'presence.joined');
      const movesHeard = collect(first.socket, 'presence.moved');
      await openTwin(page, api.url);

      // Off: nobody listed, nothing told to the others.
      expect(await page.getAttribute('#twin-presence-switch', 'aria-checked')).toBe('false');
      expect(await page.locator('[data-visitor]').count()).toBe(0);
      expect(heardByFirst).toEqual([]);

      await tabTo(page, '#twin-presence-switch');
      await page.keyboard.press('Space');
      await page.waitForSelector('#twin-presence-switch[aria-checked="true"]');
      await page.waitForSelector(`[data-visitor="${second.you.visitorId}"]`);
      expect(await page.locator('[data-visitor]').count()).toBe(2);
      expect(await page.locator('#twin-presence-count').textContent()).toBe('2 other visitors here');
      expect(await page.locator(`[data-visitor="${first.you.visitorId}"] .twin-presence__name`).textContent()).toMatch(/^Visitor \d$/);
      const [browserVisitor] = await until(heardByFirst, 1);
      expect(JSON.stringify(browserVisitor)).not.toMatch(/Visitor Person|@/);
      expect(await axeViolations(page)).toEqual([]);
      // Drawn in 3D too: both, and you, nobody inside your bubble.
      const drawn = await page.evaluate(() => (window as unknown as TwinWindow).__twin.visitorsDrawn());
      const own = drawn.find((visitor) => visitor.own) as DrawnVisitor;
      expect(drawn.map((visitor) => visitor.visitorId).sort()).toEqual([first.you.visitorId, second.you.visitorId, own.visitorId].sort());
      for (const other of drawn.filter((visitor) => !visitor.own)) expect(metresBetween(own, other)).toBeGreaterThanOrEqual(1.2);

      // Walking with W in the 3D view: the others hear the move.
      await page.focus('canvas');
      await page.keyboard.press('w');
      const [walked] = await until(movesHeard, 1);
      expect(walked?.visitorId).toBe(browserVisitor?.visitorId);

      // Report the first visitor by keyboard: stored with both accounts, and they are hidden.
      await tabTo(page, `#twin-report-button-${first.you.visitorId}`);
      await page.keyboard.press('Enter');
      await page.waitForSelector(`#twin-report-${first.you.visitorId} input:focus`);
      await page.keyboard.press('ArrowDown');
      await tabTo(page, `#twin-report-${first.you.visitorId} button[type="submit"]`);
      expect(await axeViolations(page)).toEqual([]);
      await page.keyboard.press('Enter');
      await page.waitForSelector(`[data-visitor="${first.you.visitorId}"]`, { state: 'detached' });
      const me = (await (await person.get('/api/me')).json()) as { id: string };
      const reports = await api.context.dataSource.query<{ reason: string }[]>(
        `SELECT reason FROM presence_report WHERE reporter_id = $1`,
        [me.id],
      );
      expect(reports).toEqual([{ reason: 'blocking' }]);

      // Hide the second: gone from the list, and their moves no longer reach this page.
      await tabTo(page, `#twin-hide-${second.you.visitorId}`);
      await page.keyboard.press('Enter');
      await page.waitForSelector(`[data-visitor="${second.you.visitorId}"]`, { state: 'detached' });
      expect(await page.locator('#twin-presence-count').textContent()).toBe('No other visitors are here.');
      await ask(second.socket, 'presence.move', spot(4));
      await page.waitForTimeout(500);
      expect(await page.locator('[data-visitor]').count()).toBe(0);

      // Off again: the others hear at once that the visitor left.
      const left = collect(second.socket, 'presence.left');
      await page.focus('#twin-presence-switch');
      await page.keyboard.press('Space');
      expect((await until(left, 1))[0]).toEqual({ visitorId: browserVisitor?.visitorId });
    }, 180_000);

    test('signed out, the section explains why no one is shown, and offers no switch', async () => {
      await visitorAt(-3);
      await page.goto(`${api.url}/twin?view=text&lang=en`);
      await page.waitForSelector('#twin-presence');
      expect(await page.locator('#twin-presence-switch').count()).toBe(0);
      expect(await page.locator('#twin-presence').textContent()).toMatch(/Sign in to see other visitors/);
      expect(await page.locator('[data-visitor]').count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
    });

    test('a citizen with a live consultation sees it beside the 3D view, standing across the desk from the official', async () => {
      // A housing ticket at counter 3, called (as call-next would, without calling another test's ticket), and a
      // consultation the official opened on it.
      const { client: housing } = await makeOfficial(api.url, 'housing');
      await housing.post('/api/queues/counter-3/open');
      const holder = await citizen();
      const issued = (await (
        await holder.post('/api/queues/counter-3/tickets', { serviceId: 'housing-support-consultation' })
      ).json()) as IssuedTicket;
      await api.context.dataSource.query(`UPDATE queue_ticket SET status = 'called', called_at = now() WHERE id = $1`, [issued.ticket.id]);
      const opened = await housing.post('/api/consultations', { ticketId: issued.ticket.id });
      expect(opened.status).toBe(201);
      const room = (await opened.json()) as ConsultationView;
      await signInBrowser(holder);
      await openTwin(page, api.url);

      await page.waitForSelector(`#twin-consultation:not([hidden]) #consultation-panel[data-consultation-id="${room.id}"]`);
      const drawn = await page.evaluate(() => (window as unknown as TwinWindow).__twin.visitorsDrawn());
      const counter3 = { lat: 37.5665, lon: 126.9777 };
      const figure = drawn.find((visitor) => visitor.visitorId === 'consultation');
      expect(figure).toMatchObject({ own: true, headingDegrees: 0 });
      expect(metresBetween(counter3, figure as DrawnVisitor)).toBeCloseTo(1.6, 1);
      expect(figure?.lat).toBeLessThan(counter3.lat);
      expect(await axeViolations(page)).toEqual([]);
    }, 120_000);

    test('the Arabic page draws its 3D labels as whole right-to-left strings', async () => {
      await openTwin(page, api.url, 'ar');
      const labels = await page.evaluate(() => (window as unknown as TwinWindow).__twin.labelImages());
      const hall = labels.find((label) => label.key === 'hall:seoul-city-hall');
      expect(hall).toMatchObject({ text: 'مبنى بلدية سيول', direction: 'rtl' });
      expect(hall?.width).toBeGreaterThan(100);
      // Officials' names and roles, counters, landmarks and heritage sites are labelled too, in Arabic.
      expect(labels.filter((label) => label.direction === 'rtl').length).toBeGreaterThan(10);
      expect(labels.some((label) => label.key.startsWith('official:') && /[\u0600-\u06ff]/.test(label.text))).toBe(true);
      if (process.env.TWIN_SCREENSHOT) await page.locator('canvas').screenshot({ path: process.env.TWIN_SCREENSHOT });
    }, 120_000);
  });
});
