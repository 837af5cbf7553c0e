import type { GeoPoint, LocalizedText } from './city-pack.types.js';

/** Lower-case kebab-case: "seoul", "civil-affairs", "counter-1". */
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const ID_MAX = 64;

/** Lengths of LocalizedText values, in characters (Unicode code points). */
export const TEXT_MAX = { name: 200, description: 2_000, long: 5_000 } as const;

/** Beyond this a pack is broken throughout; more lines would not help whoever fixes it. */
const MAX_PROBLEMS = 200;

/** Collects problems as "<path>: <what is wrong>" while the validator walks the pack. */
export class Checker {
  readonly problems: string[] = [];

  constructor(readonly languages: readonly string[]) {}

  fail(path: string, message: string): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(`${path || '(root)'}: ${message}`);
  }
}

export const at = (path: string, key: string): string => (path ? `${path}.${key}` : key);
export const item = (path: string, index: number): string => `${path}[${index}]`;

/** A value as the message shows it: JSON, cut short so a wrong 5,000-character history stays one line. */
export function show(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

/**
 * An object whose keys are all in `allowed`. Unknown keys are problems: a typo in a pack ("lostyear")
 * would otherwise be silently ignored. Missing keys are left to the checks of each field.
 */
export function record(c: Checker, value: unknown, path: string, allowed: readonly string[]): Record<string, unknown> | undefined {
  if (value === undefined) {
    c.fail(path, 'is required');
    return undefined;
  }
  if (!isObject(value)) {
    c.fail(path, `must be an object (got ${show(value)})`);
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) c.fail(at(path, key), `is not a field of this object (expected: ${allowed.join(', ')})`);
  }
  return value;
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

interface StringRule {
  max: number;
  pattern?: RegExp;
  /** Says what the pattern means, for the message: "an HH:MM time". */
  patternName?: string;
}

export function str(c: Checker, value: unknown, path: string, rule: StringRule): string | undefined {
  if (value === undefined) return void c.fail(path, 'is required');
  if (typeof value !== 'string') return void c.fail(path, `must be a string (got ${show(value)})`);
  if (value.trim() === '') return void c.fail(path, 'must not be empty');
  if ([...value].length > rule.max) return void c.fail(path, `must be at most ${rule.max} characters (got ${[...value].length})`);
  if (rule.pattern && !rule.pattern.test(value)) {
    return void c.fail(path, `${show(value)} is not ${rule.patternName ?? `of the form ${String(rule.pattern)}`}`);
  }
  return value;
}

export const id = (c: Checker, value: unknown, path: string): string | undefined =>
  str(c, value, path, { max: ID_MAX, pattern: ID_PATTERN, patternName: 'a lower-case kebab-case id (e.g. "civil-affairs")' });

interface NumberRule {
  min: number;
  max: number;
  /** Exclude `min` itself: a height must be above 0, not 0. */
  aboveMin?: boolean;
  belowMax?: boolean;
  integer?: boolean;
  multipleOf?: number;
}

export function num(c: Checker, value: unknown, path: string, rule: NumberRule): number | undefined {
  if (value === undefined) return void c.fail(path, 'is required');
  const range = `${rule.aboveMin ? 'above' : 'from'} ${rule.min} ${rule.belowMax ? 'to below' : 'to'} ${rule.max}`;
  const what = rule.integer ? `a whole number ${range}` : `a number ${range}`;
  const tooLow = rule.aboveMin ? (v: number) => v <= rule.min : (v: number) => v < rule.min;
  const tooHigh = rule.belowMax ? (v: number) => v >= rule.max : (v: number) => v > rule.max;
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    (rule.integer && !Number.isInteger(value)) ||
    tooLow(value) ||
    tooHigh(value)
  ) {
    return void c.fail(path, `must be ${what} (got ${show(value)})`);
  }
  if (rule.multipleOf && value % rule.multipleOf !== 0) return void c.fail(path, `must be a multiple of ${rule.multipleOf} (got ${value})`);
  return value;
}

export function bool(c: Checker, value: unknown, path: string): boolean | undefined {
  if (value === undefined) return void c.fail(path, 'is required');
  if (typeof value !== 'boolean') return void c.fail(path, `must be true or false (got ${show(value)})`);
  return value;
}

export function oneOf<T extends string>(c: Checker, value: unknown, path: string, allowed: readonly T[]): T | undefined {
  if (value === undefined) return void c.fail(path, 'is required');
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    return void c.fail(path, `must be one of ${allowed.join(', ')} (got ${show(value)})`);
  }
  return value as T;
}

/**
 * An array of `min`–`max` items, each checked by `each`. The result keeps one entry per item (undefined
 * where the item is broken), so callers can report duplicates by index.
 */
export function list<T>(
  c: Checker,
  value: unknown,
  path: string,
  size: { min: number; max: number },
  each: (value: unknown, path: string) => T | undefined,
): (T | undefined)[] | undefined {
  if (value === undefined) return void c.fail(path, 'is required');
  if (!Array.isArray(value)) return void c.fail(path, `must be an array (got ${show(value)})`);
  if (value.length < size.min || value.length > size.max) {
    const range = size.min === size.max ? `${size.min}` : `${size.min} to ${size.max}`;
    return void c.fail(path, `must hold ${range} items (got ${value.length})`);
  }
  return value.map((entry, index) => each(entry, item(path, index)));
}

/** Reports every value seen before, naming where it was first seen. */
export function unique(c: Checker, entries: { value: string | undefined; path: string }[]): Set<string> {
  const first = new Map<string, string>();
  for (const { value, path } of entries) {
    if (value === undefined) continue;
    const seen = first.get(value);
    if (seen === undefined) first.set(value, path);
    else c.fail(path, `${show(value)} is already used at ${seen}`);
  }
  return new Set(first.keys());
}

/** Ids of `items` (each an object with an `id`) unique within `path`; returns the set of valid ids. */
export function uniqueIds(c: Checker, items: ({ id?: string } | undefined)[] | undefined, path: string): Set<string> {
  return unique(
    c,
    (items ?? []).map((entry, index) => ({ value: entry?.id, path: at(item(path, index), 'id') })),
  );
}

/** Every language the portal ships, each a non-empty string; no other keys (a "kr" for "ko" is a typo). */
export function text(c: Checker, value: unknown, path: string, max: number): LocalizedText | undefined {
  if (value === undefined) return void c.fail(path, 'is required');
  if (!isObject(value)) return void c.fail(path, `must be an object of text per language (got ${show(value)})`);
  let valid = true;
  for (const key of Object.keys(value)) {
    if (c.languages.includes(key)) continue;
    c.fail(at(path, key), `is not a language the portal ships (expected: ${c.languages.join(', ')})`);
    valid = false;
  }
  for (const language of c.languages) {
    valid = str(c, value[language], at(path, language), { max }) !== undefined && valid;
  }
  return valid ? (value as LocalizedText) : undefined;
}

export function point(c: Checker, value: unknown, path: string): GeoPoint | undefined {
  const object = record(c, value, path, ['lat', 'lon', 'height']);
  if (!object) return undefined;
  const lat = num(c, object.lat, at(path, 'lat'), { min: -90, max: 90 });
  const lon = num(c, object.lon, at(path, 'lon'), { min: -180, max: 180 });
  const height = object.height === undefined ? 0 : num(c, object.height, at(path, 'height'), { min: -500, max: 10_000 });
  return lat === undefined || lon === undefined || height === undefined ? undefined : (object as unknown as GeoPoint);
}

export function footprint(c: Checker, value: unknown, path: string): GeoPoint[] | undefined {
  const points = list(c, value, path, { min: 3, max: 100 }, (entry, entryPath) => point(c, entry, entryPath));
  if (!points || points.some((p) => p === undefined)) return undefined;
  const ring = points as GeoPoint[];
  const first = ring[0]!;
  const last = ring[ring.length - 1]!;
  if (first.lat === last.lat && first.lon === last.lon) {
    return void c.fail(path, 'repeats its first point at the end; the ring closes itself, leave the last point out');
  }
  return ring;
}

/** Ray casting in the lon/lat plane: exact enough for a building a few hundred metres across. */
export function insideFootprint(p: GeoPoint, ring: readonly GeoPoint[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!;
    const b = ring[j]!;
    if (a.lat > p.lat !== b.lat > p.lat && p.lon < ((b.lon - a.lon) * (p.lat - a.lat)) / (b.lat - a.lat) + a.lon) inside = !inside;
  }
  return inside;
}
