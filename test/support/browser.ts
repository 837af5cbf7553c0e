import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from './test-app.js';

/** Debian's Chromium; never a downloaded browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const missingBrowser = existsSync(CHROMIUM_PATH) ? undefined : `no Chromium at CHROMIUM_PATH ${CHROMIUM_PATH}`;
if (missingBrowser) {
  if (process.env.CI === 'true') throw new Error(`CI needs a browser: ${missingBrowser} (apt-get install -y chromium)`);
  process.stderr.write(
    `\n${'!'.repeat(80)}\nSKIPPING browser tests: ${missingBrowser}. Install it: apt-get install -y chromium\n${'!'.repeat(80)}\n\n`,
  );
}

/** `describe` for suites that drive the browser: skipped outside CI, loudly, when Chromium is missing. */
export const describeWithBrowser: jest.Describe = missingBrowser ? describe.skip : describe;

/** Debian's Chromium with the project's flags, and any a suite needs besides (fake media devices, say). */
export function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
      ...extraArgs,
    ],
  });
}

/** A page in a context of its own (axe needs one), at a size that keeps software rendering quick. */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  return context.newPage();
}

export interface BrowserSession {
  readonly api: TestApp;
  /** A fresh page in its own context for each test. */
  readonly page: Page;
}

/** The real API and Chromium for a describe block, with a fresh page for every test. */
export function useBrowserSession(): BrowserSession {
  let api: TestApp | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    api = await startTestApp();
    browser = await launchBrowser();
  });
  beforeEach(async () => {
    page = await newPage(browser as Browser);
  });
  afterEach(() => page?.context().close());
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });
  return {
    get api() {
      if (!api) throw new Error('the browser session has not started');
      return api;
    },
    get page() {
      if (!page) throw new Error('no page outside a test');
      return page;
    },
  };
}
