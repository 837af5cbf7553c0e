import { at, type Checker, id, item, list, num, point, record, text, TEXT_MAX, unique } from './city-pack.checks.js';
import { HEADING } from './places.validator.js';

/** Far enough back for any standing or lost heritage a city would reconstruct. */
const EARLIEST_YEAR = -3000;

type Ref = { value: string | undefined; path: string };

/** Site and tour-stop ids are unique across the whole pack, so the portal and the twin can name one by its id alone. */
export function checkTourismZones(c: Checker, value: unknown, now: Date = new Date()): void {
  const currentYear = now.getUTCFullYear();
  const siteIds: Ref[] = [];
  const stopIds: Ref[] = [];
  const zones = list(c, value, 'tourismZones', { min: 0, max: 50 }, (entry, path) => {
    const zone = record(c, entry, path, ['id', 'name', 'description', 'centre', 'sites']);
    if (!zone) return undefined;
    text(c, zone.name, at(path, 'name'), TEXT_MAX.name);
    text(c, zone.description, at(path, 'description'), TEXT_MAX.description);
    point(c, zone.centre, at(path, 'centre'));
    list(c, zone.sites, at(path, 'sites'), { min: 1, max: 50 }, (site, sitePath) => {
      siteIds.push({ value: checkSite(c, site, sitePath, currentYear, stopIds), path: at(sitePath, 'id') });
      return undefined;
    });
    return id(c, zone.id, at(path, 'id'));
  });
  if (zones)
    unique(
      c,
      zones.map((zoneId, index) => ({ value: zoneId, path: at(item('tourismZones', index), 'id') })),
    );
  unique(c, siteIds);
  unique(c, stopIds);
}

function checkSite(c: Checker, value: unknown, path: string, currentYear: number, stopIds: Ref[]): string | undefined {
  const site = record(c, value, path, [
    'id',
    'name',
    'position',
    'builtYear',
    'lostYear',
    'modelDescription',
    'history',
    'narration',
    'tourStops',
  ]);
  if (!site) return undefined;
  text(c, site.name, at(path, 'name'), TEXT_MAX.name);
  point(c, site.position, at(path, 'position'));
  const built = num(c, site.builtYear, at(path, 'builtYear'), { min: EARLIEST_YEAR, max: currentYear, integer: true });
  if (site.lostYear !== undefined) {
    num(c, site.lostYear, at(path, 'lostYear'), { min: built ?? EARLIEST_YEAR, aboveMin: true, max: currentYear, integer: true });
  }
  text(c, site.modelDescription, at(path, 'modelDescription'), TEXT_MAX.long);
  text(c, site.history, at(path, 'history'), TEXT_MAX.long);
  text(c, site.narration, at(path, 'narration'), TEXT_MAX.long);
  list(c, site.tourStops, at(path, 'tourStops'), { min: 1, max: 20 }, (entry, stopPath) => {
    stopIds.push({ value: checkTourStop(c, entry, stopPath), path: at(stopPath, 'id') });
    return undefined;
  });
  return id(c, site.id, at(path, 'id'));
}

function checkTourStop(c: Checker, value: unknown, path: string): string | undefined {
  const stop = record(c, value, path, ['id', 'title', 'caption', 'camera']);
  if (!stop) return undefined;
  text(c, stop.title, at(path, 'title'), TEXT_MAX.name);
  text(c, stop.caption, at(path, 'caption'), TEXT_MAX.description);
  const camera = record(c, stop.camera, at(path, 'camera'), ['position', 'headingDegrees', 'pitchDegrees']);
  if (camera) {
    point(c, camera.position, at(path, 'camera.position'));
    num(c, camera.headingDegrees, at(path, 'camera.headingDegrees'), HEADING);
    num(c, camera.pitchDegrees, at(path, 'camera.pitchDegrees'), { min: -90, max: 90 });
  }
  return id(c, stop.id, at(path, 'id'));
}
