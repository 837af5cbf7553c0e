import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { CityPack } from '../../api/src/city/city-pack.types.js';
import type { TicketView } from '../../api/src/queues/queue-view.types.js';
import { CHROMIUM_PATH, describeWithBrowser, launchBrowser, useBrowserSession } from '../support/browser.js';
import type { TestClient } from '../support/http-client.js';
import { makeOfficial } from '../support/officials.js';
import { axeViolations, tabTo } from '../support/page-checks.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeWithDatabase } from '../support/test-database.js';

// Seoul's counter 1 (Park Ji-hyun) belongs to the twin's tests; tourism.test.ts leaves it closed, these open it.
const COUNTER = 'counter-1';
const OFFICIAL = 'park-ji-hyun';
/** Small and at half resolution: Chromium draws WebGL in software (SwiftShader) here, at a few frames a second. */
const VIEWPORT = { width: 800, height: 600 };
const TWIN = '/twin?scale=0.5&testHooks=1';

interface TwinHooks {
  framesRendered(): number;
  firstFrameMs(): Promise<number>;
  screenPositionOf(key: string): { x: number; y: number } | null;
  distinctColours(): Promise<number>;
}
type TwinWindow = Window & { __twin: TwinHooks };

/** Every point of interest of the pack, as the text twin must list it. */
function pointsOfInterest(pack: CityPack): string[] {
  const sites = pack.tourismZones.flatMap((zone) => zone.sites);
  return [
    ...pack.cityHall.counters.map((counter) => `counter:${counter.id}`),
    ...pack.officials.map((official) => `official:${official.id}`),
    ...pack.buildings.filter((building) => building.landmark).map((building) => `landmark:${building.id}`),
    ...sites.map((site) => `site:${site.id}`),
    ...sites.flatMap((site) => site.tourStops.map((stop) => `stop:${stop.id}`)),
  ];
}

async function openTwin(page: Page, url: string, lang = 'en'): Promise<void> {
  await page.goto(`${url}${TWIN}&lang=${lang}`);
  await page.waitForSelector(`html[lang="${lang}"] main h1`);
  await page.waitForSelector('[data-twin="ready"]', { timeout: 90_000 });
}

async function storedTicket(page: Page, api: TestApp): Promise<TicketView> {
  const token = await page.evaluate(() => localStorage.getItem('civicverse.queue.ticketToken'));
  const response = await fetch(`${api.url}/api/queues/tickets/${token ?? ''}`);
  expect(response.status).toBe(200);
  return (await response.json()) as TicketView;
}

describeWithDatabase('the 3D twin in a real browser', () => {
  describeWithBrowser('CesiumJS offline, avatars, keyboard, tours', () => {
    let api: TestApp;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let desk: TestClient;
    const requests: string[] = [];
    const cspViolations: string[] = [];

    beforeAll(async () => {
      api = await startTestApp();
      browser = await launchBrowser();
      // An official opens counter 1, so its official is available and takes tickets.
      ({ client: desk } = await makeOfficial(api.url, 'civil-affairs'));
      expect((await desk.post(`/api/queues/${COUNTER}/open`)).status).toBe(200);
    }, 60_000);
    beforeEach(async () => {
      context = await browser.newContext({ viewport: VIEWPORT, reducedMotion: 'reduce' });
      page = await context.newPage();
      page.on('request', (request) => requests.push(request.url()));
      page.on('console', (message) => {
        if (/Content[- ]Security[- ]Policy/i.test(message.text())) cspViolations.push(message.text());
      });
    });
    afterEach(() => context.close());
    afterAll(async () => {
      await desk?.post(`/api/queues/${COUNTER}/close`);
      await browser?.close();
      await api?.close();
    });

    test('the home page loads no Cesium file', async () => {
      requests.length = 0;
      await page.goto(`${api.url}/?lang=en`);
      await page.waitForSelector('main h1');
      await page.waitForLoadState('networkidle');
      expect(requests.filter((url) => /cesium|twin-view/i.test(url))).toEqual([]);
    });

    test('the 3D page renders a non-blank scene from the project’s own files, with no request leaving 127.0.0.1', async () => {
      requests.length = 0;
      cspViolations.length = 0;
      await openTwin(page, api.url);
      const firstFrame = await page.evaluate(() => (window as unknown as TwinWindow).__twin.firstFrameMs());
      expect(firstFrame).toBeGreaterThan(0);
      // Sky, ground, extruded blocks, the hall and labels: many colours, where a blank canvas has one.
      expect(await page.evaluate(() => (window as unknown as TwinWindow).__twin.distinctColours())).toBeGreaterThan(20);
      const origin = new URL(api.url).origin;
      expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
      expect(requests.some((url) => url.startsWith(`${origin}/cesium/Workers/`))).toBe(true);
      expect(requests.some((url) => url.endsWith('/twin/official-avatar.glb'))).toBe(true);
      expect(cspViolations).toEqual([]);
      expect(await page.getAttribute('canvas', 'aria-label')).toMatch(/3D view/);
    });

    test('an idle scene renders at most one frame a second', async () => {
      await openTwin(page, api.url);
      // Idle: the avatars, the workers' geometry and the ground's tiles have arrived (no frame for 2 s).
      const frames = () => page.evaluate(() => (window as unknown as TwinWindow).__twin.framesRendered());
      for (let last = -1, still = 0, polls = 0; still < 4 && polls < 80; polls += 1) {
        await page.waitForTimeout(500);
        const now = await frames();
        still = now === last ? still + 1 : 0;
        last = now;
      }
      const before = await frames();
      await page.waitForTimeout(5000);
      const after = await frames();
      expect(after - before).toBeLessThanOrEqual(5);
    }, 120_000);

    test('clicking an official’s avatar opens the dialog, which takes a real ticket at their counter', async () => {
      await openTwin(page, api.url);
      // Focusing the official in the text twin brings the camera to them (a cut: reduced motion).
      await page.focus(`[data-place="official:${OFFICIAL}"]`);
      await page.locator('canvas').scrollIntoViewIfNeeded();
      const canvas = await page.locator('canvas').boundingBox();
      if (!canvas) throw new Error('no canvas');
      // The avatar's model arrives after the first frame: click until the pick finds it.
      for (let attempt = 0; attempt < 15 && !(await page.locator('#twin-dialog[open]').count()); attempt += 1) {
        await page.waitForTimeout(1000);
        const at = await page.evaluate((key) => (window as unknown as TwinWindow).__twin.screenPositionOf(key), `official:${OFFICIAL}`);
        if (at) await page.mouse.click(canvas.x + at.x, canvas.y + at.y);
      }
      await page.waitForSelector('#twin-dialog[open]');
      expect(await page.locator('#twin-dialog-title').textContent()).toBe('Park Ji-hyun');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('twin-dialog-title');
      expect(await page.locator('#twin-official-state').textContent()).toBe('Available');
      expect(await page.getAttribute('#twin-official-book', 'href')).toBe(
        `/appointments/new?service=resident-registration-consultation&official=${OFFICIAL}`,
      );
      await page.selectOption('#twin-ticket-service', 'residence-certificate');
      await page.click('#twin-ticket-take');
      const number = (await page.locator('#twin-ticket-number').textContent()) ?? '';
      const ticket = await storedTicket(page, api);
      expect(ticket).toMatchObject({ counterId: COUNTER, serviceId: 'residence-certificate', status: 'waiting' });
      expect(number).toBe(`Your ticket: ${ticket.number}`);
      expect(await page.getAttribute('#twin-ticket-follow', 'href')).toBe('/queues');
    });

    test('the same by keyboard alone: arrows in the 3D view, Enter, Tab, and focus back on the canvas', async () => {
      await openTwin(page, api.url);
      await tabTo(page, 'canvas');
      // Counter 1 first, then its official: the selection is announced, the camera follows.
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => document.querySelector('#announcer')?.textContent?.includes('Park Ji-hyun'));
      expect(await page.getAttribute(`[data-place="official:${OFFICIAL}"]`, 'aria-current')).toBe('true');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#twin-dialog[open]');
      await tabTo(page, '#twin-ticket-take', 10);
      await page.keyboard.press('Enter');
      await page.waitForSelector('#twin-ticket-number');
      expect(await storedTicket(page, api)).toMatchObject({ counterId: COUNTER, status: 'waiting' });
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.querySelector<HTMLDialogElement>('#twin-dialog')?.open);
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('CANVAS');
    });

    test('a guided tour runs to its end by keyboard, with a caption at every stop', async () => {
      await openTwin(page, api.url);
      const site = api.context.pack.tourismZones[0]?.sites.find((candidate) => candidate.id === 'donuimun');
      if (!site) throw new Error('Seoul’s pack has no Donuimun');
      await tabTo(page, '[data-place="site:donuimun"]');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'twin-tour-heading');
      // The gate was lost in 1915: today and the reconstruction are both there to choose.
      expect(await page.locator('#twin-then-today').count()).toBe(1);
      const captions: string[] = [];
      for (const [index, stop] of site.tourStops.entries()) {
        await page.waitForFunction((text) => document.querySelector('#twin-tour-caption')?.textContent === text, stop.caption.en);
        captions.push((await page.locator('#twin-tour-caption').textContent()) ?? '');
        expect(await page.locator('#twin-tour-progress').textContent()).toBe(`Stop ${index + 1} of ${site.tourStops.length}`);
        await tabTo(page, '#twin-tour-next', 5);
        await page.keyboard.press('Enter');
      }
      expect(captions).toEqual(site.tourStops.map((stop) => stop.caption.en));
      await page.waitForFunction(() => document.querySelector('#twin-tour-progress')?.textContent === 'Tour finished');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('twin-tour-previous');
    });

    test.each(['en', 'ko', 'ar'])('axe finds nothing on the 3D page (%s)', async (lang) => {
      await openTwin(page, api.url, lang);
      expect(await axeViolations(page)).toEqual([]);
    });

    test('report a problem here: a landmark opens the complaint form with that place chosen', async () => {
      await openTwin(page, api.url);
      await page.click('[data-place="landmark:seoul-library"]');
      await page.waitForSelector('#twin-dialog[open]');
      await page.click('#twin-report-link');
      await page.waitForSelector('#complaint-form');
      expect(await page.inputValue('#complaint-place')).toBe('seoul-library');
    });
  });

  describeWithBrowser('report a problem at a picked building', () => {
    const session = useBrowserSession();

    test('the complaint form shows the picked building and floor, and files the complaint there', async () => {
      const { api, page } = session;
      const pick = 'service=illegal-dumping&buildingId=koreana-hotel&floor=3&lat=37.568900&long=126.976900';
      await page.goto(`${api.url}/complaints/new?${pick}&lang=en`);
      await page.waitForSelector('#complaint-picked');
      expect(await page.locator('#complaint-picked').textContent()).toContain('Koreana Hotel, floor 3');
      expect(await page.isChecked('#complaint-service-illegal-dumping')).toBe(true);
      await page.check('#complaint-attribute-amount-bags');
      await page.fill('#complaint-description', 'Bags of rubbish left by the hotel’s side entrance since Monday.');
      await page.click('#complaint-submit');
      const token = (await page.locator('#complaint-token').textContent())?.trim() ?? '';
      const filed = (await (await fetch(`${api.url}/api/complaints/track/${token}`)).json()) as { location: Record<string, unknown> };
      expect(filed.location).toMatchObject({ buildingId: 'koreana-hotel', floor: 3 });
      expect(filed.location.lat).toBeCloseTo(37.5689, 4);
    });
  });

  describeWithBrowser('without WebGL', () => {
    let api: TestApp;
    let browser: Browser;
    beforeAll(async () => {
      api = await startTestApp();
      browser = await chromium.launch({
        executablePath: CHROMIUM_PATH,
        args: ['--no-sandbox', '--disable-gpu', '--disable-webgl', '--no-first-run'],
      });
    });
    afterAll(async () => {
      await browser?.close();
      await api?.close();
    });

    test('the text twin alone lists every point of interest, loads no Cesium, and keeps every action', async () => {
      const context = await browser.newContext({ viewport: VIEWPORT });
      const page = await context.newPage();
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.goto(`${api.url}/twin?lang=en`);
      await page.waitForSelector('#twin-places');
      expect(await page.locator('#twin-status').textContent()).toMatch(/cannot draw the 3D view/);
      expect(await page.locator('canvas').count()).toBe(0);
      const listed = await page
        .locator('[data-place]')
        .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-place')));
      expect(listed.sort()).toEqual(pointsOfInterest(api.context.pack).sort());
      await page.click(`[data-place="official:${OFFICIAL}"]`);
      await page.waitForSelector('#twin-dialog[open] #twin-official-complaint');
      expect(await page.locator('#twin-dialog a[href^="/documents"]').count()).toBe(1);
      expect(requests.filter((url) => /cesium|twin-view/i.test(url))).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    });
  });
});
