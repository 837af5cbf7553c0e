import {
  at,
  bool,
  type Checker,
  footprint,
  id,
  insideFootprint,
  item,
  list,
  num,
  oneOf,
  point,
  record,
  show,
  str,
  text,
  TEXT_MAX,
  unique,
  uniqueIds,
} from './city-pack.checks.js';
import type { Weekday } from './city-pack.types.js';

const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const TIME = { max: 5, pattern: /^([01]\d|2[0-3]):[0-5]\d$/, patternName: 'a 24-hour HH:MM time (e.g. "09:00")' };
const COLOUR = { max: 7, pattern: /^#[0-9a-fA-F]{6}$/, patternName: 'a #rrggbb colour' };
/** The tallest building on Earth is 828 m; anything above is a unit mistake (feet, centimetres). */
const HEIGHT = { min: 0, aboveMin: true, max: 1_000 };
export const HEADING = { min: 0, max: 360, belowMax: true };

/** Checks the city hall and returns the ids of its counters (undefined when they cannot be read). */
export function checkCityHall(
  c: Checker,
  value: unknown,
  serviceIds: Set<string> | undefined,
): { hallId?: string; counterIds?: Set<string> } {
  const hall = record(c, value, 'cityHall', ['id', 'name', 'footprint', 'heightMetres', 'counters']);
  if (!hall) return {};
  const hallId = id(c, hall.id, 'cityHall.id');
  text(c, hall.name, 'cityHall.name', TEXT_MAX.name);
  const ring = footprint(c, hall.footprint, 'cityHall.footprint');
  num(c, hall.heightMetres, 'cityHall.heightMetres', HEIGHT);
  const counters = list(c, hall.counters, 'cityHall.counters', { min: 1, max: 100 }, (entry, path) => {
    const counter = record(c, entry, path, ['id', 'name', 'position', 'headingDegrees', 'serviceIds']);
    if (!counter) return undefined;
    text(c, counter.name, at(path, 'name'), TEXT_MAX.name);
    const position = point(c, counter.position, at(path, 'position'));
    if (position && ring && !insideFootprint(position, ring)) {
      c.fail(at(path, 'position'), `${position.lat}, ${position.lon} is outside cityHall.footprint`);
    }
    num(c, counter.headingDegrees, at(path, 'headingDegrees'), HEADING);
    const servicesPath = at(path, 'serviceIds');
    const served = list(c, counter.serviceIds, servicesPath, { min: 1, max: 100 }, (serviceId, servicePath) => {
      const ref = id(c, serviceId, servicePath);
      if (ref !== undefined && serviceIds && !serviceIds.has(ref)) c.fail(servicePath, `${show(ref)} is not a service of this pack`);
      return ref;
    });
    if (served)
      unique(
        c,
        served.map((ref, index) => ({ value: ref, path: item(servicesPath, index) })),
      );
    return { id: id(c, counter.id, at(path, 'id')) };
  });
  return { hallId, counterIds: counters && uniqueIds(c, counters, 'cityHall.counters') };
}

export function checkOfficials(
  c: Checker,
  value: unknown,
  departmentIds: Set<string> | undefined,
  counterIds: Set<string> | undefined,
): void {
  const officials = list(c, value, 'officials', { min: 0, max: 1_000 }, (entry, path) => {
    const official = record(c, entry, path, ['id', 'name', 'role', 'departmentId', 'counterId', 'weeklySchedule']);
    if (!official) return undefined;
    text(c, official.name, at(path, 'name'), TEXT_MAX.name);
    text(c, official.role, at(path, 'role'), TEXT_MAX.name);
    const departmentId = id(c, official.departmentId, at(path, 'departmentId'));
    if (departmentId !== undefined && departmentIds && !departmentIds.has(departmentId)) {
      c.fail(at(path, 'departmentId'), `${show(departmentId)} is not a department of this pack`);
    }
    const counterId = id(c, official.counterId, at(path, 'counterId'));
    if (counterId !== undefined && counterIds && !counterIds.has(counterId)) {
      c.fail(at(path, 'counterId'), `${show(counterId)} is not a counter of cityHall.counters`);
    }
    checkWeeklySchedule(c, official.weeklySchedule, at(path, 'weeklySchedule'));
    return { id: id(c, official.id, at(path, 'id')) };
  });
  if (officials) uniqueIds(c, officials, 'officials');
}

interface Range {
  day: Weekday;
  start: string;
  end: string;
  path: string;
}

function checkWeeklySchedule(c: Checker, value: unknown, path: string): void {
  const ranges = list(c, value, path, { min: 0, max: 7 * 6 }, (entry, rangePath): Range | undefined => {
    const range = record(c, entry, rangePath, ['day', 'start', 'end']);
    if (!range) return undefined;
    const day = oneOf(c, range.day, at(rangePath, 'day'), WEEKDAYS);
    const start = str(c, range.start, at(rangePath, 'start'), TIME);
    const end = str(c, range.end, at(rangePath, 'end'), TIME);
    if (day === undefined || start === undefined || end === undefined) return undefined;
    // HH:MM with leading zeros sorts as text in time order.
    if (start >= end) return void c.fail(rangePath, `starts at ${start} but ends at ${end}; the end must come after the start`);
    return { day, start, end, path: rangePath };
  });
  const valid = (ranges ?? []).filter((range): range is Range => range !== undefined);
  for (const day of WEEKDAYS) {
    const ofDay = valid.filter((range) => range.day === day).sort((a, b) => (a.start < b.start ? -1 : 1));
    for (let i = 1; i < ofDay.length; i++) {
      const earlier = ofDay[i - 1]!;
      const later = ofDay[i]!;
      if (later.start < earlier.end) {
        c.fail(later.path, `${day} ${later.start}–${later.end} overlaps ${earlier.path} (${earlier.start}–${earlier.end})`);
      }
    }
  }
}

export function checkBuildings(c: Checker, value: unknown, hallId: string | undefined): void {
  const buildings = list(c, value, 'buildings', { min: 0, max: 1_000 }, (entry, path) => {
    const building = record(c, entry, path, ['id', 'name', 'footprint', 'heightMetres', 'colour', 'landmark']);
    if (!building) return undefined;
    text(c, building.name, at(path, 'name'), TEXT_MAX.name);
    footprint(c, building.footprint, at(path, 'footprint'));
    num(c, building.heightMetres, at(path, 'heightMetres'), HEIGHT);
    str(c, building.colour, at(path, 'colour'), COLOUR);
    bool(c, building.landmark, at(path, 'landmark'));
    const buildingId = id(c, building.id, at(path, 'id'));
    // The twin puts the hall and the buildings around it in one scene, keyed by id.
    if (buildingId !== undefined && buildingId === hallId) c.fail(at(path, 'id'), `${show(buildingId)} is already used at cityHall.id`);
    return { id: buildingId };
  });
  if (buildings) uniqueIds(c, buildings, 'buildings');
}
