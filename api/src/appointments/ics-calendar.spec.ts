import ICAL from 'ical.js';
import { calendarFile, escapeText, foldLine, offsetChanges } from './ics-calendar.js';

/** The events of a file as a real iCalendar client reads them: instants through the file's own VTIMEZONE. */
function parsed(text: string): { uid: string; start: string; end: string; zone: string; summary: string; location: string }[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      zone: event.startDate.zone?.tzid ?? '',
      summary: event.summary,
      location: event.location,
    };
  });
}

const event = (startsAt: string, endsAt: string, uid = 'a@test') => ({
  uid,
  stamp: new Date('2026-01-01T00:00:00Z'),
  startsAt: new Date(startsAt),
  endsAt: new Date(endsAt),
  summary: 'Welfare counselling; room 3, desk B',
  location: '서울시청 · مبنى',
  description: 'Line one\nline two',
  status: 'CONFIRMED' as const,
  sequence: 0,
});

describe('iCalendar files (RFC 5545)', () => {
  test('lines end in CRLF, fold at 75 octets without splitting a character, and text is escaped', () => {
    const long = `DESCRIPTION:${'한'.repeat(60)}`;
    const folded = foldLine(long);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
    expect(escapeText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
    const text = calendarFile([event('2026-07-01T00:00:00Z', '2026-07-01T00:30:00Z')], 'Asia/Seoul', 'Test');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  test('a zone without DST: one STANDARD observance, instants right', () => {
    const text = calendarFile([event('2026-07-01T00:00:00Z', '2026-07-01T00:30:00Z')], 'Asia/Seoul', 'Test');
    expect(text).toContain('DTSTART;TZID=Asia/Seoul:20260701T090000');
    expect(text.match(/BEGIN:(STANDARD|DAYLIGHT)/g)).toEqual(['BEGIN:STANDARD']);
    expect(parsed(text)).toEqual([
      {
        uid: 'a@test',
        start: '2026-07-01T00:00:00.000Z',
        end: '2026-07-01T00:30:00.000Z',
        zone: 'Asia/Seoul',
        summary: 'Welfare counselling; room 3, desk B',
        location: '서울시청 · مبنى',
      },
    ]);
  });

  test('a DST zone: observances for each change, instants right on both sides of them', () => {
    const events = [
      event('2026-03-29T00:30:00Z', '2026-03-29T01:30:00Z', 'spring@test'), // 01:30 CET → 03:30 CEST
      event('2026-07-01T08:00:00Z', '2026-07-01T08:30:00Z', 'summer@test'),
      event('2026-10-25T00:30:00Z', '2026-10-25T02:00:00Z', 'autumn@test'), // 02:30 CEST → 03:00 CET
      event('2026-12-01T08:00:00Z', '2026-12-01T08:30:00Z', 'winter@test'),
    ];
    const text = calendarFile(events, 'Europe/Berlin', 'Test');
    expect(text).toContain('BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200');
    expect(text).toContain('BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100');
    // 02:30 on 25 October happens twice: that instant is written in UTC, which no client can misread.
    expect(text).toContain('DTSTART:20261025T003000Z\r\nDTEND;TZID=Europe/Berlin:20261025T030000');
    expect(parsed(text).map(({ uid, start, end }) => [uid, start, end])).toEqual(
      events.map((e) => [e.uid, e.startsAt.toISOString(), e.endsAt.toISOString()]),
    );
  });

  test('offset changes are found to the minute', () => {
    const changes = offsetChanges('America/New_York', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1));
    expect(changes.map((change) => [new Date(change.at).toISOString(), change.from, change.to])).toEqual([
      ['2026-03-08T07:00:00.000Z', -300, -240],
      ['2026-11-01T06:00:00.000Z', -240, -300],
    ]);
  });
});
