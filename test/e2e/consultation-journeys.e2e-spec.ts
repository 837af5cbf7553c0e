import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { localesDir } from '../../api/src/config/paths.js';
import { ConsultationChatGateway } from '../../api/src/consultations/consultation-chat.gateway.js';
import type { ConsultationTranscript, ConsultationView } from '../../api/src/consultations/consultation-view.types.js';
import { describeWithBrowser, launchBrowser } from '../support/browser.js';
import { people, pothole } from '../support/consultation-people.js';
import type { TestClient } from '../support/http-client.js';
import { chooseRadio, focusIsOn, press } from '../support/keyboard.js';
import { axeViolations, tabTo } from '../support/page-checks.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeWithDatabase } from '../support/test-database.js';

interface ConsultationTexts {
  outcome: { resolved: string };
  report: { sent: string };
  voice: { status: { connected: string; ended: string } };
  canned: { text: { greeting: string } };
  panel: { endedNotice: string; mutedNotice: string; removedNotice: string };
  announce: { muted: string; unmuted: string; removed: string; caughtUp_other: string };
}

function texts(lang: string): ConsultationTexts {
  return JSON.parse(readFileSync(join(localesDir, lang, 'consultations.json'), 'utf8')) as ConsultationTexts;
}

/** The messages a page shows, in the order it shows them: [seq, text]. */
function shownMessages(page: Page): Promise<[number, string][]> {
  return page.$$eval('#consultation-messages > li[data-seq]', (items) =>
    items.map(
      (item) =>
        [Number((item as HTMLElement).dataset.seq), item.querySelector('.chat-message__text')?.textContent ?? ''] as [number, string],
    ),
  );
}

async function messagesCount(page: Page, count: number): Promise<void> {
  await page.waitForFunction((wanted) => document.querySelectorAll('#consultation-messages > li[data-seq]').length >= wanted, count);
}

async function regionSays(page: Page, id: string, ...parts: string[]): Promise<void> {
  await page.waitForFunction(
    ({ region, words }) => {
      const said = document.getElementById(region)?.textContent ?? '';
      return said !== '' && words.every((word) => said.includes(word));
    },
    { region: id, words: parts },
  );
}

/** Writes and sends a message with the keyboard only. */
async function say(page: Page, text: string): Promise<void> {
  await tabTo(page, '#consultation-message');
  await page.keyboard.insertText(text);
  await press(page, '#consultation-send');
}

describeWithDatabase('consultation journeys', () => {
  describeWithBrowser('in Chromium, two people in two browser contexts', () => {
    let api: TestApp;
    let browser: Browser;
    const folks = people(() => api);

    beforeAll(async () => {
      api = await startTestApp({ VOICE_ENABLED: 'true' });
      // One browser for every test (each person gets a context of their own). Fake camera and microphone, granted
      // without a prompt; loopback candidates allowed, as both pages share this machine.
      browser = await launchBrowser([
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        '--allow-loopback-in-peer-connection',
      ]);
    });
    afterAll(async () => {
      await browser?.close();
      await api?.close();
    });

    /** A page in a new context signed in as `person`, in the room of the consultation. */
    const roomFor = async (person: TestClient, consultationId: string, lang: string): Promise<Page> => {
      const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, permissions: ['microphone'] });
      const [name = '', value = ''] = (person.cookie ?? '').split('=');
      await context.addCookies([{ name, value, url: api.url }]);
      const page = await context.newPage();
      await page.goto(`${api.url}/consultations/room?id=${consultationId}&lang=${lang}`);
      await page.waitForSelector(`html[lang="${lang}"] #consultation-form`);
      return page;
    };
    /** A page in a new context signed in as `person`, at `path`. */
    const signedInPage = async (person: TestClient, path: string): Promise<Page> => {
      const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
      const [name = '', value = ''] = (person.cookie ?? '').split('=');
      await context.addCookies([{ name, value, url: api.url }]);
      const page = await context.newPage();
      await page.goto(`${api.url}${path}`);
      return page;
    };
    const closeAll = (...pages: Page[]) => Promise.all(pages.map((page) => page.context().close()));

    test('a citizen and an official exchange messages in order, lose and repeat nothing over a reconnect, and talk by voice', async () => {
      const { filer, officer, consultation } = await folks.consultation();
      const citizen = await roomFor(filer, consultation.id, 'en');
      const official = await roomFor(officer, consultation.id, 'en');
      for (const page of [citizen, official]) await page.waitForSelector('#consultation-state .tag[data-state="live"]');

      // Turns, then both at once: every message is shown once, by seq, the same on both sides.
      const lines: string[] = [];
      for (let turn = 1; turn <= 3; turn += 1) {
        for (const [page, who] of [
          [citizen, 'citizen'],
          [official, 'official'],
        ] as const) {
          const line = `${who} line ${turn}`;
          await say(page, line);
          lines.push(line);
          await messagesCount(citizen, lines.length);
          await messagesCount(official, lines.length);
        }
      }
      await Promise.all([say(citizen, 'citizen at once'), say(official, 'official at once')]);
      await messagesCount(citizen, 8);
      await messagesCount(official, 8);
      const before = await shownMessages(citizen);
      expect(before.map(([seq]) => seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(before.slice(0, 6).map(([, text]) => text)).toEqual(lines);
      expect(new Set(before.slice(6).map(([, text]) => text))).toEqual(new Set(['citizen at once', 'official at once']));
      expect(await shownMessages(official)).toEqual(before);
      // The official's lines have been read by the citizen's page: the official sees "Seen".
      await official.waitForSelector('#consultation-message-6[data-seen="true"]');

      // The citizen's connection drops (the network goes, the server's side closes): meanwhile the official writes
      // twice and the citizen once. Back online, the citizen's page catches up: nothing lost, nothing twice.
      const citizenId = ((await (await filer.get('/api/me')).json()) as { id: string }).id;
      await citizen.context().setOffline(true);
      for (const socket of api.app.get(ConsultationChatGateway).namespace.sockets.values()) {
        if ((socket.data as { person?: { id: string } }).person?.id === citizenId) socket.conn.close();
      }
      await citizen.waitForSelector('#consultation-connection:not([hidden])');
      await say(official, 'sent during the break 1');
      await say(official, 'sent during the break 2');
      await say(citizen, 'written offline');
      await citizen.waitForSelector('#consultation-messages > li:not([data-seq])');
      await messagesCount(official, 10);
      await citizen.context().setOffline(false);
      await messagesCount(official, 11);
      await messagesCount(citizen, 11);
      await citizen.waitForSelector('#consultation-connection', { state: 'hidden' });
      // One summary of what was missed is said, not each message over the other.
      await regionSays(citizen, 'announcer', texts('en').announce.caughtUp_other.replace('{{count, number}}', '2'));
      const after = await shownMessages(citizen);
      expect(after.map(([seq]) => seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
      expect(after.slice(0, 8)).toEqual(before);
      expect(after.slice(8, 10).map(([, text]) => text)).toEqual(['sent during the break 1', 'sent during the break 2']);
      expect(after[10]?.[1]).toBe('written offline');
      expect(await citizen.$$('#consultation-messages > li:not([data-seq])')).toHaveLength(0);
      await official.waitForFunction(() => document.querySelectorAll('#consultation-messages > li').length === 11);
      expect(await shownMessages(official)).toEqual(after);
      const transcript = (await (await filer.get(`/api/consultations/${consultation.id}/transcript`)).json()) as ConsultationTranscript;
      expect(transcript.messages.map((message) => [message.seq, message.text])).toEqual(after);

      // Voice: the citizen calls, the official answers; WebRTC connects on both pages and says so.
      const status = texts('en').voice.status;
      expect(await citizen.isVisible('#consultation-hang-up')).toBe(false);
      expect(await citizen.isVisible('#consultation-mic-mute')).toBe(false);
      await press(citizen, '#consultation-call');
      await official.waitForSelector('#consultation-voice-status[data-status="incoming"]');
      await press(official, '#consultation-call');
      for (const page of [citizen, official]) {
        await page.waitForSelector('#consultation-voice-status[data-connection-state="connected"]', { timeout: 30_000 });
        expect(await page.textContent('#consultation-voice-status')).toBe(status.connected);
        expect(await page.isVisible('#consultation-mic-mute')).toBe(true);
      }
      await press(official, '#consultation-mic-mute', 'Space');
      expect(await official.getAttribute('#consultation-mic-mute', 'aria-pressed')).toBe('true');
      await press(citizen, '#consultation-hang-up');
      for (const page of [citizen, official]) {
        await page.waitForSelector('#consultation-voice-status[data-status="ended"]');
        expect(await page.textContent('#consultation-voice-status')).toBe(status.ended);
        expect(await page.isVisible('#consultation-hang-up')).toBe(false);
      }
      await closeAll(citizen, official);
    }, 180_000);

    test('an official invites the filer of a complaint from its case; the citizen is told on their complaint page and joins', async () => {
      const [filer, officer] = await Promise.all([folks.citizen(), folks.official('safety')]);
      const filed = (await (await filer.post('/api/complaints', pothole)).json()) as { complaint: { id: string; caseNumber: string } };
      const complaintId = filed.complaint.id;
      const citizen = await signedInPage(filer, `/complaints/case?id=${complaintId}`);
      await citizen.waitForSelector('#case-details');
      await citizen.waitForSelector('html[data-live="ready"]');
      expect(await citizen.isVisible('#consultations-section')).toBe(false);

      const official = await signedInPage(officer, `/console/complaint?id=${complaintId}`);
      await press(official, '#consultation-invite-complaint');
      await official.waitForURL(/\/consultations\/room\?id=/);
      await official.waitForSelector('#consultation-form');
      const consultationId = new URL(official.url()).searchParams.get('id') ?? '';

      // Told live on the complaint's page, politely, with a link to the room.
      await citizen.waitForSelector('#consultation-join-link');
      await regionSays(citizen, 'announcer', filed.complaint.caseNumber);
      expect(await axeViolations(citizen)).toEqual([]);
      await press(citizen, '#consultation-join-link');
      await citizen.waitForSelector('#consultation-form');
      expect(new URL(citizen.url()).searchParams.get('id')).toBe(consultationId);
      for (const page of [citizen, official]) await page.waitForSelector('#consultation-state .tag[data-state="live"]');

      // The official removes the citizen, after a question: the citizen's room closes to them, said politely.
      const words = texts('en');
      await press(official, '#consultation-remove');
      await focusIsOn(official, 'consultation-remove-question');
      await press(official, '#consultation-remove-yes');
      await official.waitForSelector('#consultation-remove', { state: 'hidden' });
      await citizen.waitForSelector('#consultation-form', { state: 'hidden' });
      expect(await citizen.textContent('#consultation-form-closed')).toBe(words.panel.removedNotice);
      await regionSays(citizen, 'announcer', words.announce.removed);

      // Ended: the complaint's page lists the transcript, which opens read-only.
      expect((await officer.post(`/api/consultations/${consultationId}/end`, { outcome: 'document_requested' })).status).toBe(200);
      await citizen.goto(`${api.url}/complaints/case?id=${complaintId}`);
      await citizen.waitForSelector(`#consultation-link-${consultationId}`);
      expect(await citizen.isVisible('#consultation-join-link')).toBe(false);
      await press(citizen, `#consultation-link-${consultationId}`);
      await citizen.waitForSelector('#consultation-ended-notice');
      await closeAll(citizen, official);
    }, 120_000);

    test.each(['en', 'ar'])(
      'the room works by keyboard alone and passes axe: send, refuse a long message, report, ready replies, end (%s)',
      async (lang) => {
        const words = texts(lang);
        const { filer, officer, consultation } = await folks.consultation();
        // The citizen reads and writes in this language: the official's ready replies are offered in it.
        expect((await filer.patch('/api/me', { preferredLanguage: lang })).status).toBe(200);
        const citizen = await roomFor(filer, consultation.id, lang);
        const official = await roomFor(officer, consultation.id, lang);
        expect(await citizen.getAttribute('html', 'dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
        for (const page of [citizen, official]) {
          await page.waitForSelector('#consultation-state .tag[data-state="live"]');
          expect(await axeViolations(page)).toEqual([]);
        }

        // A line that mixes directions: kept as written, shown with dir="auto", announced politely, focus unmoved.
        const mixed = 'مرحبا, my case SEL-2026 is <urgent> & 123';
        await say(citizen, mixed);
        await messagesCount(official, 1);
        expect(await official.textContent('#consultation-message-1 .chat-message__text')).toBe(mixed);
        expect(await official.getAttribute('#consultation-message-1 .chat-message__text', 'dir')).toBe('auto');
        expect(await official.textContent('#consultation-message-1 .chat-message__heading bdi')).toBe('Citizen Lee');
        await regionSays(official, 'announcer', mixed);
        await focusIsOn(citizen, 'consultation-send');

        // Over the limit: an inline error, nothing sent.
        await tabTo(citizen, '#consultation-message');
        await citizen.keyboard.insertText('x'.repeat(2001));
        await press(citizen, '#consultation-send');
        await citizen.waitForSelector('#consultation-message[aria-invalid="true"]');
        expect(await citizen.isVisible('#consultation-message-error')).toBe(true);
        await focusIsOn(citizen, 'consultation-message');
        await citizen.keyboard.press('Control+A');
        await citizen.keyboard.press('Backspace');

        // Report the other side: a dialog with the reason; focus comes back to the button.
        await press(citizen, '#consultation-report-open');
        await focusIsOn(citizen, 'consultation-report-heading');
        expect(await axeViolations(citizen)).toEqual([]);
        await tabTo(citizen, '#consultation-report-reason');
        await citizen.keyboard.insertText('The official was rude to me.');
        await press(citizen, '#consultation-report-submit');
        await citizen.waitForSelector('#consultation-report-dialog', { state: 'hidden' });
        await focusIsOn(citizen, 'consultation-report-open');
        expect(await citizen.textContent('#consultation-result')).toBe(words.report.sent);

        // The official's ready greeting, in the citizen's language, sent as it is.
        await press(official, '#consultation-canned-greeting');
        await official.waitForFunction(
          (text) => (document.getElementById('consultation-message') as HTMLTextAreaElement).value === text,
          words.canned.text.greeting,
        );
        await press(official, '#consultation-send');
        await messagesCount(citizen, 2);
        expect(await citizen.textContent('#consultation-message-2 .chat-message__text')).toBe(words.canned.text.greeting);
        expect(await axeViolations(official)).toEqual([]);

        // The official pauses the citizen's messages, then lets them write again: the form goes and comes back.
        await press(official, '#consultation-mute');
        await citizen.waitForSelector('#consultation-form', { state: 'hidden' });
        expect(await citizen.textContent('#consultation-form-closed')).toBe(words.panel.mutedNotice);
        await regionSays(citizen, 'announcer', words.announce.muted);
        await press(official, '#consultation-mute');
        await citizen.waitForSelector('#consultation-form', { state: 'visible' });
        await regionSays(citizen, 'announcer', words.announce.unmuted);

        // The official ends it with an outcome and a note: both pages show it ended, the transcript stays readable.
        await chooseRadio(official, 'outcome', 'consultation-outcome-resolved');
        await tabTo(official, '#consultation-outcome-note');
        await official.keyboard.insertText('Explained the repair schedule.');
        await press(official, '#consultation-end-submit');
        for (const page of [citizen, official]) {
          await page.waitForSelector('#consultation-state .tag[data-state="ended"]');
          expect(await page.textContent('#consultation-outcome-value')).toBe(words.outcome.resolved);
          expect(await page.isVisible('#consultation-form')).toBe(false);
          expect(await shownMessages(page)).toEqual([
            [1, mixed],
            [2, words.canned.text.greeting],
          ]);
          expect(await axeViolations(page)).toEqual([]);
        }
        await regionSays(citizen, 'announcer', words.outcome.resolved);
        const ended = (await (await filer.get(`/api/consultations/${consultation.id}`)).json()) as ConsultationView;
        expect(ended).toMatchObject({ state: 'ended', outcome: 'resolved', outcomeNote: 'Explained the repair schedule.' });

        // Afterwards the room is the transcript, read-only.
        await citizen.reload();
        await citizen.waitForSelector('#consultation-ended-notice');
        expect(await citizen.textContent('#consultation-ended-notice')).toBe(words.panel.endedNotice);
        expect(await citizen.$('#consultation-form')).toBeNull();
        expect((await shownMessages(citizen)).map(([seq]) => seq)).toEqual([1, 2]);
        expect(await axeViolations(citizen)).toEqual([]);
        await closeAll(citizen, official);
      },
      180_000,
    );
  });
});
