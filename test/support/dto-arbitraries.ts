import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata.js';
import fc from 'fast-check';
import { repoRoot } from '../../api/src/config/paths.js';

/** What the OpenAPI document says of a property (@ApiProperty): the documented contract the answers are checked against. */
export interface Documented {
  type?: unknown;
  isArray?: boolean;
  required?: boolean;
  nullable?: boolean;
  enum?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}

export type DtoClass = new () => object;

export interface Dto {
  name: string;
  file: string;
  type: DtoClass;
  /** Query DTOs (`*.query.ts`, `…Query…`) meet strings (or lists of them) only: that is all a query string holds. */
  kind: 'body' | 'query';
}

/** Every class with class-validator rules in api/src/**\/dto/*.ts, found by walking the folders, not listed by hand. */
export async function allDtos(): Promise<Dto[]> {
  const files = readdirSync(join(repoRoot, 'api', 'src'), { recursive: true, encoding: 'utf8' })
    .filter((file) => /(^|\/)dto\/[^/]+\.ts$/.test(file) && !file.endsWith('.spec.ts'))
    .sort();
  const dtos: Dto[] = [];
  for (const file of files) {
    const exports = (await import(join(repoRoot, 'api', 'src', file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (typeof value !== 'function' || rulesOf(value as DtoClass).length === 0) continue;
      dtos.push({ name, file, type: value as DtoClass, kind: file.endsWith('.query.ts') || name.includes('Query') ? 'query' : 'body' });
    }
  }
  return dtos;
}

export function rulesOf(type: DtoClass): ValidationMetadata[] {
  return getMetadataStorage().getTargetValidationMetadatas(type, '', true, false);
}

export function documentedProperties(type: DtoClass): Map<string, Documented> {
  const names = (Reflect.getMetadata('swagger/apiModelPropertiesArray', type.prototype) as string[] | undefined) ?? [];
  return new Map(
    names.map((name) => [
      name.slice(1),
      (Reflect.getMetadata('swagger/apiModelProperties', type.prototype, name.slice(1)) ?? {}) as Documented,
    ]),
  );
}

export function propertiesOf(type: DtoClass): string[] {
  return [...new Set([...rulesOf(type).map((rule) => rule.propertyName), ...documentedProperties(type).keys()])];
}

const isClass = (value: unknown): value is DtoClass =>
  typeof value === 'function' && ![String, Number, Boolean, Object, Array, Date].includes(value as never);

/** Text as people type it, in every script: combining marks, emoji with variation selectors, right-to-left letters. */
const text = (minLength: number, maxLength: number) =>
  fc.string({ minLength, maxLength, unit: fc.constantFrom('a', 'Z', ' ', '.', 'é', '한', 'ب', '😀', '\uFE0F', '\u0301') });

const constraint = (rules: ValidationMetadata[], name: string): unknown[] | undefined =>
  rules.find((rule) => rule.name === name)?.constraints as unknown[] | undefined;

/**
 * A value meant to pass one property's rules, so that accepting answers are reached, not only refusals: the most
 * specific rule decides (a list of values, a date, an address, a pattern), then ranges and lengths.
 */
function plausible(type: DtoClass, property: string, depth: number): fc.Arbitrary<unknown> {
  const documented = documentedProperties(type).get(property) ?? {};
  const rules = rulesOf(type).filter((rule) => rule.propertyName === property);
  const listed =
    constraint(rules, 'isIn')?.[0] ?? (constraint(rules, 'isEnum') ? Object.values(constraint(rules, 'isEnum')?.[0] as object) : undefined);
  const pattern = constraint(rules, 'matches')?.[0];
  const min = Number(constraint(rules, 'min')?.[0] ?? documented.minimum ?? -1000);
  const max = Number(constraint(rules, 'max')?.[0] ?? documented.maximum ?? 1000);
  const [shortest = 0, longest = 100] = (
    constraint(rules, 'isLength') ?? [constraint(rules, 'minLength')?.[0], constraint(rules, 'maxLength')?.[0]]
  ).map((bound, index) => (bound === undefined ? [0, 100][index] : Number(bound)));
  const names = new Set(rules.map((rule) => rule.name));
  const each = rules.some((rule) => rule.each);
  let value: fc.Arbitrary<unknown>;
  if (Array.isArray(listed)) value = fc.constantFrom(...(listed as unknown[]));
  else if (names.has('isIso8601') || names.has('isDateString')) {
    const date = fc.date({ noInvalidDate: true, min: new Date('2000-01-01'), max: new Date('2099-12-31') });
    value =
      pattern instanceof RegExp && !pattern.test('2026-01-01T00:00:00.000Z')
        ? date.map((d) => d.toISOString().slice(0, 10))
        : date.map((d) => d.toISOString());
  } else if (names.has('isEmail')) value = fc.stringMatching(/^[a-z]{1,12}@[a-z]{1,12}\.(org|com|kr)$/);
  else if (names.has('isUuid')) value = fc.uuid();
  else if (names.has('isUrl')) value = fc.stringMatching(/^https:\/\/[a-z]{1,12}\.(org|com)\/[a-z0-9]{0,20}$/);
  else if (pattern instanceof RegExp)
    value = fc.stringMatching(pattern).filter((text) => codePoints(text) >= shortest && codePoints(text) <= longest);
  // Coordinates as devices give them (micro-degrees): class-validator reads the number's text, and refuses 1e-50.
  else if (names.has('isLatitude')) value = fc.integer({ min: -90e6, max: 90e6 }).map((micro) => micro / 1e6);
  else if (names.has('isLongitude')) value = fc.integer({ min: -180e6, max: 180e6 }).map((micro) => micro / 1e6);
  else if (names.has('isInt')) value = fc.integer({ min: Math.max(min, -1e9), max: Math.min(max, 1e9) });
  else if (names.has('isNumber')) value = fc.double({ min: Math.max(min, -1e9), max: Math.min(max, 1e9), noNaN: true });
  else if (names.has('isBoolean')) value = fc.boolean();
  else if (names.has('isObject')) value = fc.dictionary(fc.stringMatching(/^[a-z_]{1,12}$/), fc.oneof(fc.string(), fc.array(fc.string())));
  else if (isClass(documented.type) && depth < 3) value = dtoValue(documented.type, depth + 1, true);
  else value = text(shortest, longest);
  return documented.isArray || each ? fc.array(value, { minLength: 1, maxLength: 4 }) : value;
}

const codePoints = (text: string) => [...text].length;

/** Any JSON value for one property: a wrong type as often as a plausible one, and the edges between. */
function anyValue(type: DtoClass, property: string, depth: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: plausible(type, property, depth), weight: 3 },
    { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 2 },
    {
      arbitrary: fc.constantFrom(
        null,
        '',
        ' ',
        0,
        -1,
        1e21,
        true,
        [],
        {},
        '0',
        'null',
        '<b>markup</b>',
        '\u0000',
        '\uD800',
        'x'.repeat(10_001),
      ),
      weight: 1,
    },
  );
}

/**
 * A body for the DTO. Half are near-valid — every field plausible, then one or two of them any JSON — so that
 * accepting answers are reached; the rest any subset of the fields, each any JSON value, sometimes with a field
 * the DTO does not know.
 */
export function dtoValue(type: DtoClass, depth = 0, nearValid = false): fc.Arbitrary<Record<string, unknown>> {
  const properties = propertiesOf(type);
  const plausibleFields = Object.fromEntries(properties.map((property) => [property, plausible(type, property, depth)]));
  const anyFields = Object.fromEntries(properties.map((property) => [property, anyValue(type, property, depth)]));
  const valid = fc.record(plausibleFields, { requiredKeys: properties });
  const broken = fc
    .tuple(valid, fc.record(anyFields, { requiredKeys: [] }))
    .map(([record, changes]) => ({ ...record, ...Object.fromEntries(Object.entries(changes).slice(0, 2)) }));
  if (nearValid) return fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: broken, weight: 1 });
  const unknownField = fc.option(
    fc.tuple(fc.constantFrom('role', 'id', '__proto__', 'constructor', 'isAdmin', 'x'), fc.jsonValue({ maxDepth: 1 })),
    {
      freq: 5,
    },
  );
  const anything = fc.tuple(fc.record(anyFields, { requiredKeys: [] }), unknownField).map(([record, extra]) => {
    if (!extra) return record;
    // defineProperty, so that "__proto__" is an own field, as JSON.parse makes it.
    return Object.defineProperty({ ...record }, extra[0], { value: extra[1], enumerable: true, configurable: true, writable: true });
  });
  return fc.oneof(valid, broken, anything);
}

/** What a query string can hold: each value a string or a list of strings; near-valid half the time. */
export function queryValue(type: DtoClass): fc.Arbitrary<Record<string, unknown>> {
  const asText = (value: unknown): unknown =>
    typeof value === 'string' ? value : Array.isArray(value) ? value.map((item) => asText(item)).join(',') : (JSON.stringify(value) ?? '');
  const properties = propertiesOf(type);
  const anyFields = Object.fromEntries(
    properties.map((property) => [
      property,
      fc.oneof(anyValue(type, property, 0).map(asText), fc.array(anyValue(type, property, 0).map(asText), { minLength: 2, maxLength: 3 })),
    ]),
  );
  const plausibleFields = Object.fromEntries(properties.map((property) => [property, plausible(type, property, 0).map(asText)]));
  return fc.oneof(fc.record(plausibleFields, { requiredKeys: [] }), fc.record(anyFields, { requiredKeys: [] }));
}
