import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cityPacksDir } from '../config/paths.js';
import { CityPackError, CityPackErrorCode } from './city-pack.errors.js';
import type { CityPack, ComplaintService } from './city-pack.types.js';
import { validateCityPack } from './city-pack.validator.js';

const knownLanguages = ['en', 'ko', 'ar'];
const readPack = (id: string): unknown => JSON.parse(readFileSync(join(cityPacksDir, `${id}.json`), 'utf8'));
const seoul = readPack('seoul') as CityPack;

/** The Seoul pack with one thing broken. */
function broken(mutate: (pack: CityPack) => void): CityPack {
  const pack = structuredClone(seoul);
  mutate(pack);
  return pack;
}

function problemsOf(data: unknown): string {
  try {
    validateCityPack(data, { knownLanguages });
  } catch (error) {
    expect(error).toBeInstanceOf(CityPackError);
    expect((error as CityPackError).code).toBe(CityPackErrorCode.INVALID);
    return (error as CityPackError).message;
  }
  throw new Error('expected the pack to be rejected');
}

const complaint = (pack: CityPack, index: number) => pack.services[index] as ComplaintService;
const findService = <K extends CityPack['services'][number]['kind']>(pack: CityPack, kind: K) =>
  pack.services.find((service) => service.kind === kind) as Extract<CityPack['services'][number], { kind: K }>;
const firstSite = (pack: CityPack) => pack.tourismZones[0]!.sites[0]!;

describe('validateCityPack', () => {
  it.each(['seoul', 'dubai'])('accepts the shipped %s pack', (id) => {
    const pack = validateCityPack(readPack(id), { knownLanguages });
    expect(pack.id).toBe(id);
    expect(new Set(pack.services.map((service) => service.kind))).toEqual(new Set(['complaint', 'appointment', 'document']));
  });

  it('checks the shipped Seoul fixture is what the table below assumes', () => {
    expect(seoul.services[3]?.kind).toBe('complaint');
    expect(seoul.tourismZones[0]?.sites.map((site) => site.id)).toEqual(['donuimun', 'gwanghwamun', 'deoksugung']);
  });

  const cases: [string, (pack: CityPack) => void, string][] = [
    ['a missing id', (p) => delete (p as Partial<CityPack>).id, 'id: is required'],
    ['an unknown top-level key', (p) => Object.assign(p, { tourismZone: [] }), 'tourismZone: is not a field of this object'],
    [
      'an unknown nested key',
      (p) => Object.assign(p.services[0]!, { openCode: 'x' }),
      'services[0].openCode: is not a field of this object',
    ],
    ['a language missing from a text', (p) => delete p.name.ar, 'name.ar: is required'],
    ['an empty text', (p) => (p.departments[2]!.name.ko = '  '), 'departments[2].name.ko: must not be empty'],
    ['a language the portal does not ship', (p) => (p.name.kr = '서울'), 'name.kr: is not a language the portal ships'],
    [
      'a name over 200 characters',
      (p) => (p.cityHall.name.en = 'x'.repeat(201)),
      'cityHall.name.en: must be at most 200 characters (got 201)',
    ],
    [
      'a history over 5,000 characters',
      (p) => (firstSite(p).history.ko = '가'.repeat(5001)),
      'tourismZones[0].sites[0].history.ko: must be at most 5000 characters',
    ],
    ['a latitude out of range', (p) => (p.centre.lat = 91), 'centre.lat: must be a number from -90 to 90 (got 91)'],
    [
      'a longitude out of range',
      (p) => (p.buildings[0]!.footprint[1]!.lon = -181),
      'buildings[0].footprint[1].lon: must be a number from -180 to 180',
    ],
    [
      'a latitude given as text',
      (p) => ((p.centre as unknown as { lat: string }).lat = '37.5'),
      'centre.lat: must be a number from -90 to 90 (got "37.5")',
    ],
    ['an unknown time zone', (p) => (p.timeZone = 'Asia/Sea'), 'timeZone: "Asia/Sea" is not an IANA time zone'],
    [
      'an id that is not kebab-case',
      (p) => (p.departments[1]!.id = 'Transport'),
      'departments[1].id: "Transport" is not a lower-case kebab-case id',
    ],
    [
      'a duplicate department id',
      (p) => (p.departments[1]!.id = 'civil-affairs'),
      'departments[1].id: "civil-affairs" is already used at departments[0].id',
    ],
    [
      'a duplicate service id',
      (p) => (p.services[4]!.id = p.services[2]!.id),
      'services[4].id: "streetlight-out" is already used at services[2].id',
    ],
    [
      'an unknown department',
      (p) => (p.services[3]!.departmentId = 'transport2'),
      'services[3].departmentId: "transport2" is not a department of this pack',
    ],
    [
      'an unknown service kind',
      (p) => ((p.services[0] as unknown as { kind: string }).kind = 'request'),
      'services[0].kind: must be one of complaint, appointment, document (got "request")',
    ],
    [
      'a duplicate Open311 code',
      (p) => (complaint(p, 1).open311Code = complaint(p, 0).open311Code),
      'services[1].open311Code: "road.pothole" is already used at services[0].open311Code',
    ],
    [
      'expected days of 0',
      (p) => (complaint(p, 0).expectedDays = 0),
      'services[0].expectedDays: must be a whole number from 1 to 365 (got 0)',
    ],
    [
      'expected days over a year',
      (p) => (findService(p, 'document').expectedDays = 366),
      '.expectedDays: must be a whole number from 1 to 365 (got 366)',
    ],
    [
      'values on a string attribute',
      (p) => (complaint(p, 1).attributes[1]!.values = []),
      'services[1].attributes[1].values: only singlevaluelist and multivaluelist attributes take values',
    ],
    [
      'a list attribute without values',
      (p) => delete complaint(p, 0).attributes[0]!.values,
      'services[0].attributes[0].values: is required',
    ],
    [
      'a duplicate attribute code',
      (p) => (complaint(p, 0).attributes[1]!.code = 'size'),
      'services[0].attributes[1].code: "size" is already used at services[0].attributes[0].code',
    ],
    [
      'a duration that is not a multiple of 5',
      (p) => (findService(p, 'appointment').durationMinutes = 7),
      '.durationMinutes: must be a multiple of 5 (got 7)',
    ],
    [
      'a duration over 240 minutes',
      (p) => (findService(p, 'appointment').durationMinutes = 245),
      '.durationMinutes: must be a whole number from 5 to 240',
    ],
    [
      'virtualAllowed as text',
      (p) => ((findService(p, 'appointment') as unknown as { virtualAllowed: string }).virtualAllowed = 'yes'),
      '.virtualAllowed: must be true or false',
    ],
    [
      'a MIME type outside the allow-list',
      (p) => (findService(p, 'document').requiredDocuments[0]!.mimeTypes = ['image/gif']),
      '.requiredDocuments[0].mimeTypes[0]: must be one of application/pdf, image/png, image/jpeg (got "image/gif")',
    ],
    [
      'a size limit of 0',
      (p) => (findService(p, 'document').requiredDocuments[0]!.maxSizeBytes = 0),
      '.requiredDocuments[0].maxSizeBytes: must be a whole number above 0 to 104857600 (got 0)',
    ],
    [
      'a size limit over 100 MiB',
      (p) => (findService(p, 'document').requiredDocuments[0]!.maxSizeBytes = 101 * 1024 * 1024),
      '.requiredDocuments[0].maxSizeBytes: must be a whole number above 0 to 104857600',
    ],
    [
      'a negative fee',
      (p) => (p.services.find((s) => s.fee)!.fee!.amount = -1),
      '.fee.amount: must be a number from 0 to 1000000000 (got -1)',
    ],
    [
      'a lower-case currency',
      (p) => (p.services.find((s) => s.fee)!.fee!.currency = 'krw'),
      '.fee.currency: "krw" is not an ISO 4217 currency code',
    ],
    [
      'a pack language the portal does not ship',
      (p) => (p.languages = ['ko', 'fr']),
      'languages[1]: "fr" is not a language the portal ships (known: en, ko, ar)',
    ],
    ['a repeated pack language', (p) => (p.languages = ['ko', 'ko']), 'languages[1]: "ko" is already used at languages[0]'],
    ['a two-letter case prefix', (p) => (p.caseNumberPrefix = 'SE'), 'caseNumberPrefix: "SE" is not three upper-case letters'],
    [
      'a counter serving an unknown service',
      (p) => (p.cityHall.counters[0]!.serviceIds = ['passport']),
      'cityHall.counters[0].serviceIds[0]: "passport" is not a service of this pack',
    ],
    [
      'a counter outside the hall',
      (p) => (p.cityHall.counters[0]!.position = { lat: 37.5, lon: 126.9 }),
      'cityHall.counters[0].position: 37.5, 126.9 is outside cityHall.footprint',
    ],
    [
      'a heading of 360',
      (p) => (p.cityHall.counters[0]!.headingDegrees = 360),
      'cityHall.counters[0].headingDegrees: must be a number from 0 to below 360',
    ],
    [
      'a footprint of two points',
      (p) => (p.cityHall.footprint = p.cityHall.footprint.slice(0, 2)),
      'cityHall.footprint: must hold 3 to 100 items (got 2)',
    ],
    [
      'a footprint that repeats its first point',
      (p) => p.buildings[0]!.footprint.push({ ...p.buildings[0]!.footprint[0]! }),
      'buildings[0].footprint: repeats its first point at the end',
    ],
    [
      'an official of an unknown department',
      (p) => (p.officials[0]!.departmentId = 'police'),
      'officials[0].departmentId: "police" is not a department of this pack',
    ],
    [
      'an official at an unknown counter',
      (p) => (p.officials[0]!.counterId = 'counter-99'),
      'officials[0].counterId: "counter-99" is not a counter of cityHall.counters',
    ],
    [
      'a time without a leading zero',
      (p) => (p.officials[0]!.weeklySchedule[0]!.start = '9:00'),
      'officials[0].weeklySchedule[0].start: "9:00" is not a 24-hour HH:MM time',
    ],
    [
      'a range that ends before it starts',
      (p) => (p.officials[0]!.weeklySchedule[0]!.end = '08:00'),
      'officials[0].weeklySchedule[0]: starts at 09:00 but ends at 08:00',
    ],
    [
      'overlapping ranges',
      (p) => (p.officials[0]!.weeklySchedule[1]!.start = '11:30'),
      'officials[0].weeklySchedule[1]: mon 11:30–18:00 overlaps officials[0].weeklySchedule[0] (09:00–12:00)',
    ],
    [
      'an unknown weekday',
      (p) => ((p.officials[0]!.weeklySchedule[0] as unknown as { day: string }).day = 'monday'),
      'officials[0].weeklySchedule[0].day: must be one of mon, tue',
    ],
    ['a three-digit colour', (p) => (p.buildings[2]!.colour = '#abc'), 'buildings[2].colour: "#abc" is not a #rrggbb colour'],
    [
      'a building with the hall’s id',
      (p) => (p.buildings[1]!.id = p.cityHall.id),
      'buildings[1].id: "seoul-city-hall" is already used at cityHall.id',
    ],
    ['a height of 0', (p) => (p.buildings[0]!.heightMetres = 0), 'buildings[0].heightMetres: must be a number above 0 to 1000'],
    [
      'a lost year before the built year',
      (p) => (firstSite(p).lostYear = 1300),
      'tourismZones[0].sites[0].lostYear: must be a whole number above 1396',
    ],
    [
      'a built year in the future',
      (p) => (firstSite(p).builtYear = 3000),
      'tourismZones[0].sites[0].builtYear: must be a whole number from -3000 to',
    ],
    [
      'a duplicate tour stop id',
      (p) => (p.tourismZones[0]!.sites[1]!.tourStops[0]!.id = 'donuimun-arch'),
      'tourismZones[0].sites[1].tourStops[0].id: "donuimun-arch" is already used at tourismZones[0].sites[0].tourStops[1].id',
    ],
    [
      'a pitch below -90',
      (p) => (firstSite(p).tourStops[0]!.camera.pitchDegrees = -91),
      'tourismZones[0].sites[0].tourStops[0].camera.pitchDegrees: must be a number from -90 to 90',
    ],
    [
      'a site without tour stops',
      (p) => (firstSite(p).tourStops = []),
      'tourismZones[0].sites[0].tourStops: must hold 1 to 20 items (got 0)',
    ],
  ];

  it.each(cases)('rejects %s, naming the path', (_what, mutate, expected) => {
    expect(problemsOf(broken(mutate))).toContain(expected);
  });

  it('rejects what is not an object at all', () => {
    expect(problemsOf([])).toBe('city pack is invalid: (root): must be an object (got [])');
    expect(problemsOf(null)).toContain('(root): must be an object');
  });

  it('collects every problem and shows the first ten in one line', () => {
    const pack = broken((p) => {
      p.centre.lat = 100;
      p.services[3]!.departmentId = 'transport2';
    });
    expect(problemsOf(pack)).toBe(
      'city pack is invalid: centre.lat: must be a number from -90 to 90 (got 100); ' +
        'services[3].departmentId: "transport2" is not a department of this pack',
    );

    const many = broken((p) => p.officials.forEach((official) => (official.departmentId = 'nowhere')));
    try {
      validateCityPack(many, { knownLanguages, source: 'packs/seoul.json' });
      throw new Error('expected the pack to be rejected');
    } catch (error) {
      const { message, problems } = error as CityPackError;
      expect(problems).toHaveLength(seoul.officials.length);
      expect(message).toMatch(/^city pack packs\/seoul\.json is invalid: officials\[0\]\.departmentId: .*; officials\[1\]\./);
      expect(message.split('; ')).toHaveLength(Math.min(seoul.officials.length, 10));
      expect(message).not.toContain('\n');
    }
  });

  it('counts hidden problems beyond the first ten', () => {
    const pack = broken((p) => p.services.forEach((service) => (service.departmentId = 'nowhere')));
    expect(problemsOf(pack)).toMatch(new RegExp(`\\(and ${seoul.services.length - 10} more\\)$`));
  });

  it('requires every language the portal ships, not only those the pack offers', () => {
    expect(() => validateCityPack(seoul, { knownLanguages: [...knownLanguages, 'ja'] })).toThrow('name.ja: is required');
  });

  it('accepts optional fields left out', () => {
    const pack = broken((p) => {
      delete firstSite(p).lostYear;
      delete p.services.find((s) => s.fee)!.fee;
      p.officials[0]!.weeklySchedule = [];
    });
    expect(validateCityPack(pack, { knownLanguages }).id).toBe('seoul');
  });
});
