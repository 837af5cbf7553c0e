import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { demoAccounts } from '../../api/src/accounts/demo-accounts.js';
import type { Browser, Page } from 'playwright-core';
import type { AppointmentView } from '../../api/src/appointments/appointment-view.types.js';
import type { FreeSlot } from '../../api/src/appointments/appointment-view.types.js';
import { appointmentHelpers } from '../support/appointment-helpers.js';
import { describeWithBrowser, launchBrowser, newPage } from '../support/browser.js';
import { TestClient } from '../support/http-client.js';
import { chooseRadio, focusIsOn, press } from '../support/keyboard.js';
import { axeViolations, tabTo } from '../support/page-checks.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeWithDatabase } from '../support/test-database.js';

// Business permits (Kang Su-bin, economy, counter 5): in person or virtual, so the journey also chooses how to meet.
// Other files book this service weeks ahead on fixed days; these journeys take the first free time from tomorrow on.
const SERVICE = 'business-permit-consultation';
const DEPARTMENT = 'economy';
const DAY_MS = 86_400_000;

function seoulToday(): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Asia/Seoul' }).format(new Date());
}

function seoulDateOf(instant: string): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Asia/Seoul' }).format(
    new Date(instant),
  );
}

function addDays(date: string, days: number): string {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

describeWithDatabase('appointment journeys, keyboard only', () => {
  describeWithBrowser('in Chromium', () => {
    // Demo data gives the admin who makes the official of the calendar journey.
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
    const { citizen, official, slots, booked, book } = appointmentHelpers(() => api.url);

    /** The browser takes over the session of a person signed in through the API. */
    const signInBrowser = async (person: TestClient) => {
      const [name = '', value = ''] = (person.cookie ?? '').split('=');
      await page.context().addCookies([{ name, value, url: api.url }]);
    };

    /** The first free slot at least two hours ahead (so it stays bookable through the journey), found as the page finds it. */
    const firstSlot = async (): Promise<FreeSlot> => {
      const today = seoulToday();
      const free = await slots(SERVICE, today, addDays(today, 27));
      const slot = free.find((candidate) => new Date(candidate.startsAt).getTime() > Date.now() + 2 * 3_600_000);
      if (!slot) throw new Error('no free slot in four weeks');
      return slot;
    };

    const radioOf = async (slot: FreeSlot): Promise<string> => {
      const selector = `input[data-starts-at="${slot.startsAt}"][data-official-id="${slot.officialId}"]`;
      await page.waitForSelector(selector);
      return (await page.getAttribute(selector, 'id')) ?? '';
    };

    /** Pages to the week of `date` with the picker's buttons and chooses the day: its name is the full date. */
    const chooseDay = async (date: string, lang: string) => {
      await page.waitForSelector('#slot-days button');
      const weeks = Math.floor((new Date(`${date}T00:00:00Z`).getTime() - new Date(`${seoulToday()}T00:00:00Z`).getTime()) / (7 * DAY_MS));
      for (let week = 0; week < weeks; week += 1) {
        const shown = await page.textContent('#slot-week-label');
        await press(page, '#slot-week-next');
        await page.waitForFunction((before) => document.getElementById('slot-week-label')?.textContent !== before, shown);
      }
      await page.waitForSelector(`#slot-day-${date}`);
      await press(page, `#slot-day-${date}`);
      await page.waitForSelector(`#slot-day-${date}[aria-pressed="true"]`);
      const dayName = ((await page.textContent(`#slot-day-${date} .slot-day__date`)) ?? '').trim();
      if (lang === 'en')
        expect(dayName).toBe(new Intl.DateTimeFormat('en', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`)));
      expect(await page.textContent('#slot-time legend')).toContain(dayName);
      return dayName;
    };

    /** Service, day, time and (for this service) how to meet, up to the check-your-answers step. */
    const chooseUpToCheck = async (lang: string, slot: FreeSlot) => {
      await page.goto(`${api.url}/appointments/new?lang=${lang}`);
      await page.waitForSelector(`html[lang="${lang}"] #service-form`);
      expect(await axeViolations(page)).toEqual([]);
      await chooseRadio(page, 'serviceId', `appointment-service-${SERVICE}`);
      await press(page, '#service-submit');
      await page.waitForSelector('#slot-picker');
      await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
      const dayName = await chooseDay(seoulDateOf(slot.startsAt), lang);
      await chooseRadio(page, 'slot', await radioOf(slot));
      expect(await axeViolations(page)).toEqual([]);
      await chooseRadio(page, 'mode', 'slot-mode-in_person');
      await press(page, '#slot-submit');
      await page.waitForSelector('#check-answers');
      expect((await page.textContent('#check-date'))?.trim()).toBe(dayName);
      expect(await axeViolations(page)).toEqual([]);
    };

    test.each(['en', 'ar'])(
      'a citizen books (service → day → time → check), finds it, downloads the .ics, moves it and cancels it (%s)',
      async (lang) => {
        const person = await citizen();
        await signInBrowser(person);
        const slot = await firstSlot();
        await chooseUpToCheck(lang, slot);

        await press(page, '#book-submit');
        await page.waitForSelector('#booked-panel-heading');
        await focusIsOn(page, 'booked-panel-heading');
        const caseNumber = ((await page.textContent('#booked-case-number')) ?? '').trim();
        expect(caseNumber).toMatch(/^SEL-\d{4}-\d{6}$/);
        expect(await axeViolations(page)).toEqual([]);
        const mine = (await (await person.get('/api/appointments')).json()) as AppointmentView[];
        expect(mine).toHaveLength(1);
        const [appointment] = mine as [AppointmentView];
        expect(appointment).toMatchObject({
          startsAt: slot.startsAt,
          officialId: slot.officialId,
          mode: 'in_person',
          status: 'booked',
          caseNumber,
        });

        // The calendar file, downloaded with the keyboard: text/calendar that a real parser reads to the booked instant.
        const downloading = page.waitForEvent('download');
        await press(page, '#booked-ics-link');
        const download = await downloading;
        const calendar = new ICAL.Component(ICAL.parse(readFileSync((await download.path()) ?? '', 'utf8')));
        const [vevent] = calendar.getAllSubcomponents('vevent');
        const event = new ICAL.Event(vevent);
        expect(event.startDate.toJSDate().toISOString()).toBe(slot.startsAt);
        const response = await page.context().request.get(`${api.url}/api/appointments/${appointment.id}/ics`);
        expect(response.headers()['content-type']).toBe('text/calendar; charset=utf-8');

        await press(page, '#booked-mine-link');
        const card = `#appointments-upcoming-list [data-appointment-id="${appointment.id}"]`;
        await page.waitForSelector(card);
        expect(await page.getAttribute(card, 'data-status')).toBe('booked');
        expect(await page.getAttribute(`#appointment-ics-${appointment.id}`, 'href')).toBe(`/api/appointments/${appointment.id}/ics`);
        expect(await axeViolations(page)).toEqual([]);

        // Move it to another free time of the same day.
        await press(page, `#appointment-reschedule-${appointment.id}`);
        await page.waitForSelector('#reschedule-current');
        const date = seoulDateOf(slot.startsAt);
        const laterToday = (await slots(SERVICE, date)).find(
          (other) => other.startsAt !== slot.startsAt && new Date(other.startsAt).getTime() > Date.now() + 2 * 3_600_000,
        );
        if (!laterToday) throw new Error(`no second free time on ${date}`);
        await chooseDay(date, lang);
        await chooseRadio(page, 'slot', await radioOf(laterToday));
        expect(await axeViolations(page)).toEqual([]);
        await press(page, '#slot-submit');
        await page.waitForSelector('#reschedule-submit');
        expect(await axeViolations(page)).toEqual([]);
        await press(page, '#reschedule-submit');
        await page.waitForSelector('#page-notice');
        await page.waitForSelector(card);
        const moved = (await (await person.get(`/api/appointments/${appointment.id}`)).json()) as AppointmentView;
        expect(moved).toMatchObject({ startsAt: laterToday.startsAt, status: 'booked', caseNumber });
        expect(await axeViolations(page)).toEqual([]);

        // Cancel, after a confirmation that takes focus.
        await press(page, `#appointment-cancel-${appointment.id}`);
        await focusIsOn(page, `appointment-cancel-question-${appointment.id}`);
        expect(await axeViolations(page)).toEqual([]);
        await press(page, `#appointment-cancel-confirm-${appointment.id}`);
        await focusIsOn(page, 'appointments-notice');
        await page.waitForSelector(`#appointments-past-list [data-appointment-id="${appointment.id}"][data-status="cancelled"]`);
        expect(await page.$(card)).toBeNull();
        expect(await axeViolations(page)).toEqual([]);
      },
      // Three pages, each checked with axe: slow on a busy machine.
      180_000,
    );

    test('a time taken between choosing and confirming: a clear message takes focus and the times are loaded again (ar)', async () => {
      const person = await citizen();
      await signInBrowser(person);
      const slot = await firstSlot();
      await chooseUpToCheck('ar', slot);

      const rival = await citizen();
      expect((await book(rival, SERVICE, slot)).status).toBe(201);
      await press(page, '#book-submit');
      await page.waitForSelector('#slot-taken');
      await focusIsOn(page, 'slot-taken');
      await page.waitForSelector('#slot-time');
      expect(await page.$(`input[data-starts-at="${slot.startsAt}"][data-official-id="${slot.officialId}"]`)).toBeNull();
      expect(await axeViolations(page)).toEqual([]);
      expect((await (await person.get('/api/appointments')).json()) as AppointmentView[]).toEqual([]);
    });

    test('the waiting list: joined from the picker, a freed time is offered live without moving focus, and accepted', async () => {
      const waiter = await citizen();
      await signInBrowser(waiter);
      const slot = await firstSlot();
      const date = seoulDateOf(slot.startsAt);
      const other = await citizen();
      const taken = await booked(other, SERVICE, slot);

      await page.goto(`${api.url}/appointments/new?service=${SERVICE}&lang=en`);
      await chooseDay(date, 'en');
      await press(page, '#slot-waitlist-join');
      await page.waitForSelector('#slot-waitlist-joined');
      expect(await axeViolations(page)).toEqual([]);

      await page.goto(`${api.url}/appointments?lang=en`);
      await page.waitForSelector('html[data-live="ready"] #appointments-waitlist-list [data-status="waiting"]');
      await tabTo(page, '#appointments-new-link');
      expect((await other.post(`/api/appointments/${taken.id}/cancel`)).status).toBe(200);

      const offer = '#appointments-offers-list [data-status="held"]';
      await page.waitForSelector(offer);
      await page.waitForFunction(() => /offered to you/.test(document.getElementById('announcer')?.textContent ?? ''));
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('appointments-new-link');
      expect(await axeViolations(page)).toEqual([]);
      const held = ((await (await waiter.get('/api/appointments')).json()) as AppointmentView[]).find((mine) => mine.status === 'held');
      expect(held).toMatchObject({ startsAt: slot.startsAt, officialId: slot.officialId });

      await press(page, `#appointment-accept-${held?.id ?? ''}`);
      await focusIsOn(page, 'appointments-notice');
      await page.waitForSelector(`#appointments-upcoming-list [data-appointment-id="${held?.id ?? ''}"][data-status="booked"]`);
      expect(await axeViolations(page)).toEqual([]);
    });

    test("an official's calendar shows the booking; they mark the citizen arrived", async () => {
      const person = await citizen();
      const slot = await firstSlot();
      const appointment = await booked(person, SERVICE, slot);
      const staff = await official(DEPARTMENT);
      await signInBrowser(staff);

      await page.goto(`${api.url}/console/calendar?from=${seoulDateOf(slot.startsAt)}&lang=en`);
      const row = `tr[data-appointment-id="${appointment.id}"]`;
      await page.waitForSelector(row);
      expect(await page.getAttribute(row, 'data-status')).toBe('booked');
      expect(await page.textContent(row)).toContain(appointment.caseNumber ?? '');
      expect(await page.$('#primary-nav-calendar[aria-current="page"]')).not.toBeNull();
      expect(await axeViolations(page)).toEqual([]);

      await press(page, `#calendar-arrived-${appointment.id}`);
      await page.waitForSelector(`${row}[data-status="arrived"]`);
      await focusIsOn(page, `calendar-fulfilled-${appointment.id}`);
      const after = (await (await staff.get(`/api/appointments/${appointment.id}`)).json()) as AppointmentView;
      expect(after.status).toBe('arrived');
      expect(await axeViolations(page)).toEqual([]);
    });

    test('an official linked to a pack official sees their own appointments, or the whole department on choosing it', async () => {
      // The demo official is Park Ji-hyun of civil affairs; Han So-young shares the service. A day far ahead, late slots.
      const start = addDays(seoulToday(), 13 * 7);
      const free = (await slots('resident-registration-consultation', start, addDays(start, 6))).reverse();
      const slotOf = (officialId: string, day: string) =>
        free.find((candidate) => candidate.officialId === officialId && seoulDateOf(candidate.startsAt) === day);
      const date = [0, 1, 2, 3, 4, 5, 6]
        .map((days) => addDays(start, days))
        .find((day) => slotOf('park-ji-hyun', day) && slotOf('han-so-young', day));
      const [parkSlot, hanSlot] = [slotOf('park-ji-hyun', date ?? ''), slotOf('han-so-young', date ?? '')];
      if (!date || !parkSlot || !hanSlot) throw new Error(`no day with slots of both officials from ${start}`);
      const parks = await booked(await citizen(), 'resident-registration-consultation', parkSlot);
      const hans = await booked(await citizen(), 'resident-registration-consultation', hanSlot);
      const demo = new TestClient(api.url);
      const { email, password } = demoAccounts.find((account) => account.role === 'official') ?? { email: '', password: '' };
      expect((await demo.signIn(email, password)).status).toBe(200);
      await signInBrowser(demo);

      await page.goto(`${api.url}/console/calendar?from=${date}&lang=en`);
      await page.waitForSelector(`tr[data-appointment-id="${parks.id}"]`);
      expect(await page.$(`tr[data-appointment-id="${hans.id}"]`)).toBeNull();
      expect(await page.getAttribute('#calendar-scope-mine', 'aria-current')).toBe('true');
      expect(await page.textContent('.page--calendar .lead')).toContain('Park Ji-hyun');
      expect(await axeViolations(page)).toEqual([]);

      await press(page, '#calendar-scope-department');
      await page.waitForSelector(`tr[data-appointment-id="${hans.id}"]`);
      expect(new URL(page.url()).searchParams.get('scope')).toBe('department');
      expect(await page.$(`tr[data-appointment-id="${parks.id}"]`)).not.toBeNull();
      expect(await page.getAttribute('#calendar-scope-department', 'aria-current')).toBe('true');
      // The weeks keep the choice.
      expect(new URL((await page.getAttribute('#calendar-next', 'href')) ?? '', api.url).searchParams.get('scope')).toBe('department');
      expect(await axeViolations(page)).toEqual([]);

      await page.goto(`${api.url}/console/calendar?from=${date}&scope=department&lang=ar`);
      await page.waitForSelector(`tr[data-appointment-id="${hans.id}"]`);
      expect(await page.textContent('#calendar-scope-department')).toBe('الإدارة كلها');
      expect(await axeViolations(page)).toEqual([]);
    });
  });
});
