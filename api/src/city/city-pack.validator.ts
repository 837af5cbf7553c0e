import { Checker, id, item, list, point, record, show, str, text, TEXT_MAX, unique } from './city-pack.checks.js';
import { CityPackError } from './city-pack.errors.js';
import type { CityPack } from './city-pack.types.js';
import { checkBuildings, checkCityHall, checkOfficials } from './places.validator.js';
import { checkDepartments, checkServices } from './services.validator.js';
import { checkTourismZones } from './tourism.validator.js';

export interface CityPackValidationOptions {
  /** Languages the portal ships (the folders of locales/). Every LocalizedText must hold each of them. */
  knownLanguages: readonly string[];
  /** Where the data came from, for the message: a file path. */
  source?: string;
}

const TOP_LEVEL_KEYS = [
  'id',
  'name',
  'timeZone',
  'centre',
  'languages',
  'caseNumberPrefix',
  'departments',
  'services',
  'cityHall',
  'officials',
  'buildings',
  'tourismZones',
];

/**
 * Checks a parsed pack against the format of docs/city-pack.md and returns it typed. Every problem is
 * collected; the error's message shows the first ten joined with "; " and `problems` holds them all.
 */
export function validateCityPack(data: unknown, options: CityPackValidationOptions): CityPack {
  const c = new Checker(options.knownLanguages);
  checkPack(c, data);
  if (c.problems.length > 0) throw CityPackError.invalid(options.source, c.problems);
  return data as CityPack;
}

function checkPack(c: Checker, data: unknown): void {
  const pack = record(c, data, '', TOP_LEVEL_KEYS);
  if (!pack) return;
  id(c, pack.id, 'id');
  text(c, pack.name, 'name', TEXT_MAX.name);
  checkTimeZone(c, pack.timeZone);
  point(c, pack.centre, 'centre');
  checkLanguages(c, pack.languages);
  str(c, pack.caseNumberPrefix, 'caseNumberPrefix', {
    max: 3,
    pattern: /^[A-Z]{3}$/,
    patternName: 'three upper-case letters (e.g. "SEL")',
  });
  const departmentIds = checkDepartments(c, pack.departments);
  const serviceIds = checkServices(c, pack.services, departmentIds);
  const { hallId, counterIds } = checkCityHall(c, pack.cityHall, serviceIds);
  checkOfficials(c, pack.officials, departmentIds, counterIds);
  checkBuildings(c, pack.buildings, hallId);
  checkTourismZones(c, pack.tourismZones);
}

function checkTimeZone(c: Checker, value: unknown): void {
  const zone = str(c, value, 'timeZone', { max: 64 });
  if (zone === undefined) return;
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: zone });
  } catch {
    c.fail('timeZone', `${show(zone)} is not an IANA time zone (e.g. "Asia/Seoul")`);
  }
}

function checkLanguages(c: Checker, value: unknown): void {
  const languages = list(c, value, 'languages', { min: 1, max: Math.max(1, c.languages.length) }, (entry, path) => {
    const language = str(c, entry, path, { max: 35 });
    if (language !== undefined && !c.languages.includes(language)) {
      return void c.fail(path, `${show(language)} is not a language the portal ships (known: ${c.languages.join(', ')})`);
    }
    return language;
  });
  if (languages)
    unique(
      c,
      languages.map((language, index) => ({ value: language, path: item('languages', index) })),
    );
}
