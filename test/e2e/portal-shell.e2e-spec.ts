import type { Browser, Page } from 'playwright-core';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localesDir } from '../../api/src/config/paths.js';
import { axeViolations } from '../support/page-checks.js';
import { describeWithBrowser, launchBrowser, newPage, useBrowserSession } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeWithDatabase } from '../support/test-database.js';

/** Every language the portal ships: one folder each in locales/. */
const languages = readdirSync(localesDir).sort();
const englishCommon = JSON.parse(readFileSync(join(localesDir, 'en', 'common.json'), 'utf8')) as { services: { title: string } };
/**
 * The portal's own route list, so a page joins these tests by joining the portal. Imported by a computed path:
 * the portal is type-checked by its own tsconfig (DOM, bundler resolution), not the API's.
 */
const portalRoutes = '../../portal/src/routes.js';
const { routes, notFoundRoute } = (await import(portalRoutes)) as {
  routes: { path: string; loadsTwin?: boolean }[];
  notFoundRoute: { path: string };
};
const pages = [...routes, notFoundRoute].map((route) => route.path);
/** The routes that open the 3D twin: the only ones allowed to load Cesium. */
const twinPages = new Set(routes.filter((route) => route.loadsTwin).map((route) => route.path));

async function open(page: Page, url: string, lang: string): Promise<void> {
  await page.goto(url);
  // Generous: the 3D page's heading can wait on Cesium's chunk when the machine is busy.
  await page.waitForSelector(`html[lang="${lang}"] main h1`, { timeout: 60_000 });
  // The page is ready when the city's name has arrived and no loading state remains.
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
}

describeWithDatabase('portal shell in a real browser', () => {
  describeWithBrowser('every route in every language', () => {
    let api: TestApp;
    let browser: Browser;
    let page: Page;
    const cspViolations: string[] = [];
    const requests: { url: string; from: string }[] = [];

    beforeAll(async () => {
      api = await startTestApp();
      browser = await launchBrowser();
      page = await newPage(browser);
      page.on('console', (message) => {
        if (/Content[- ]Security[- ]Policy/i.test(message.text())) cspViolations.push(message.text());
      });
      page.on('request', (request) => requests.push({ url: request.url(), from: new URL(page.url()).pathname }));
    });
    afterAll(async () => {
      await browser?.close();
      await api?.close();
    });

    test.each(languages.flatMap((lang) => pages.map((path) => [path, lang])))(
      '%s in %s has no WCAG 2.2 AA violation',
      async (path, lang) => {
        await open(page, `${api.url}${path}?lang=${lang}`, lang);
        expect(await page.getAttribute('html', 'dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
        expect(await axeViolations(page)).toEqual([]);
      },
    );

    test.each(['en', 'ar'])(
      'and again in the high-contrast theme (%s)',
      async (lang) => {
        await open(page, `${api.url}/?lang=${lang}`, lang);
        const toggle = page.locator('#theme-toggle');
        if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
        await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
        for (const path of pages) {
          await open(page, `${api.url}${path}?lang=${lang}`, lang);
          expect([path, lang, await axeViolations(page)]).toEqual([path, lang, []]);
        }
        await page.locator('#theme-toggle').click();
      },
      300_000,
    );

    test('the pages never load anything from elsewhere, never Cesium, and break no CSP rule', () => {
      const origin = new URL(api.url).origin;
      expect(requests.filter(({ url }) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
      expect(requests.filter(({ url, from }) => /cesium/i.test(url) && !twinPages.has(from))).toEqual([]);
      expect(cspViolations).toEqual([]);
    });
  });

  describeWithBrowser('keyboard, language and theme', () => {
    const session = useBrowserSession();
    let api: TestApp;
    let page: Page;
    beforeEach(() => {
      ({ api, page } = session);
    });

    test('the first Tab reaches the skip link, which moves focus to the main content', async () => {
      await open(page, `${api.url}/services?lang=en`, 'en');
      await page.keyboard.press('Tab');
      const skip = await page.evaluate(() => ({
        text: document.activeElement?.textContent?.trim(),
        href: document.activeElement?.getAttribute('href'),
      }));
      expect(skip).toEqual({ text: 'Skip to main content', href: '#main' });
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.closest('main')?.id)).toBe('main');
    });

    test('moving between pages by link puts focus on the new heading and announces the page', async () => {
      await open(page, `${api.url}/?lang=en`, 'en');
      await page.locator('#primary-nav a[href="/services"]').click();
      await page.waitForFunction(() => location.pathname === '/services' && document.activeElement?.tagName === 'H1');
      expect((await page.locator('main h1').textContent())?.trim()).toBeTruthy();
      const pageTitle = englishCommon.services.title;
      await page.waitForFunction((text) => document.querySelector('#announcer')?.textContent?.includes(text), pageTitle);
      expect(await page.locator('#primary-nav a[aria-current="page"]').getAttribute('href')).toBe('/services');
      expect(await page.title()).toMatch(new RegExp(`^${pageTitle} — `));
    });

    test('switching to Arabic turns the page right-to-left and keeps the user on the same page', async () => {
      await open(page, `${api.url}/services?lang=en`, 'en');
      const englishTitle = await page.title();
      await page.locator('[data-lang-option="ar"]').click();
      await page.waitForSelector('html[lang="ar"][dir="rtl"]');
      expect(new URL(page.url()).pathname).toBe('/services');
      expect(await page.title()).not.toBe(englishTitle);
      expect(await page.locator('main h1').textContent()).toMatch(/[\u0600-\u06FF]/);
      // The choice is remembered.
      await page.goto(`${api.url}/accessibility`);
      await page.waitForSelector('html[lang="ar"][dir="rtl"] main h1');
    });

    test('the home page lists the five services and the header names the city in the active language', async () => {
      await open(page, `${api.url}/?lang=ko`, 'ko');
      expect(await page.locator('header').textContent()).toContain(api.context.pack.name.ko);
      expect(await page.locator('main h2').count()).toBeGreaterThanOrEqual(5);
    });

    test('the high-contrast choice is a pressed button that survives a reload', async () => {
      await open(page, `${api.url}/?lang=en`, 'en');
      const toggle = page.locator('#theme-toggle');
      await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
      await toggle.press('Enter');
      await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
      await page.reload();
      await page.waitForSelector('main h1');
      await expect(page.locator('#theme-toggle').getAttribute('aria-pressed')).resolves.toBe('true');
    });
  });
});
