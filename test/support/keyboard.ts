import type { Page } from 'playwright-core';
import { tabTo } from './page-checks.js';

// What a keyboard-only person does in the journey tests: move focus with Tab, Shift+Tab and the arrow keys, and press.

/** Tabs to the element matching `selector` and presses `key` on it (Enter follows links and buttons, Space ticks). */
export async function press(page: Page, selector: string, key = 'Enter'): Promise<void> {
  await tabTo(page, selector);
  await page.keyboard.press(key);
}

/** Moves focus backwards with Shift+Tab only, until the element matching `selector` has it. */
export async function shiftTabTo(page: Page, selector: string, limit = 40): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Shift+Tab');
  }
  throw new Error(`${selector} was not reached with ${limit} presses of Shift+Tab`);
}

/** Chooses an option of a select reached with Tab, with the arrow keys. */
export async function chooseWithArrows(page: Page, selector: string, value: string, limit = 40): Promise<void> {
  await tabTo(page, selector);
  for (let presses = 0; presses < limit; presses += 1) {
    if ((await page.inputValue(selector)) === value) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`${value} was not reached in ${selector}`);
}

/** Tabs into a radio group and moves through it with the arrow keys (Space for the first) until `id` is chosen. */
export async function chooseRadio(page: Page, name: string, id: string, limit = 60): Promise<void> {
  await tabTo(page, `input[name="${name}"]`);
  for (let presses = 0; presses < limit; presses += 1) {
    if (await page.isChecked(`#${id}`)) return;
    const focused = await page.evaluate(() => document.activeElement?.id);
    await page.keyboard.press(focused === id ? 'Space' : 'ArrowDown');
  }
  throw new Error(`#${id} was not reached with the arrow keys`);
}

/** Waits until the element with this id has focus (pages move focus to a heading, banner or summary). */
export async function focusIsOn(page: Page, id: string): Promise<void> {
  await page.waitForFunction((wanted) => document.activeElement?.id === wanted, id);
}
