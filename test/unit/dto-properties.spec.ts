import type { ArgumentMetadata } from '@nestjs/common';
import fc from 'fast-check';
import { DomainError } from '../../api/src/common/domain-error.js';
import { validationPipe } from '../../api/src/common/validation-pipe.js';
import { allDtos, documentedProperties, type Dto, type DtoClass, dtoValue, propertiesOf, queryValue } from '../support/dto-arbitraries.js';

/**
 * Every DTO, through the app's own validation pipe (api/src/common/validation-pipe.ts), meets arbitrary JSON for each
 * field: it either accepts, and then the value keeps what the OpenAPI document promises of it, or refuses with
 * VALIDATION_FAILED naming the fields — never another exception (which the API would answer with a 500).
 * A failure prints fast-check's seed and the smallest body that breaks the property; FC_SEED replays a run.
 */
const dtos = await allDtos();
const pipe = validationPipe();
const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);

const codePoints = (text: string) => [...text].length;

/** How an accepted value breaks its documented contract, if it does. Null: allowed where documented nullable, and as "absent" in an optional field. */
function documentedViolations(type: DtoClass, value: Record<string, unknown>, path = ''): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(value)) if (!propertiesOf(type).includes(key)) problems.push(`${path}${key}: not a field of ${type.name}`);
  for (const [property, documented] of documentedProperties(type)) {
    const field = value[property];
    const where = `${path}${property}`;
    if (field === null && documented.nullable) continue;
    if (field === undefined || (field === null && documented.required === false)) {
      if (documented.required !== false) problems.push(`${where}: documented as required, accepted without it`);
      continue;
    }
    if (documented.isArray && !Array.isArray(field)) {
      problems.push(`${where}: documented as a list, accepted ${JSON.stringify(field)}`);
      continue;
    }
    for (const item of documented.isArray ? (field as unknown[]) : [field]) problems.push(...itemViolations(documented, item, where));
  }
  return problems;
}

function itemViolations(
  documented: ReturnType<typeof documentedProperties> extends Map<string, infer D> ? D : never,
  item: unknown,
  where: string,
): string[] {
  const { type } = documented;
  const shown = JSON.stringify(item)?.slice(0, 80);
  if (type === String && typeof item !== 'string') return [`${where}: documented as a string, accepted ${shown}`];
  if ((type === Number || type === 'number') && !(typeof item === 'number' && Number.isFinite(item)))
    return [`${where}: documented as a number, accepted ${shown}`];
  if (type === 'integer' && !Number.isInteger(item)) return [`${where}: documented as an integer, accepted ${shown}`];
  if (type === Boolean && typeof item !== 'boolean') return [`${where}: documented as a boolean, accepted ${shown}`];
  if (type === 'object' && (typeof item !== 'object' || item === null || Array.isArray(item)))
    return [`${where}: documented as an object, accepted ${shown}`];
  if (typeof type === 'function' && ![String, Number, Boolean, Object, Array, Date].includes(type as never)) {
    if (!(item instanceof (type as DtoClass))) return [`${where}: documented as ${(type as DtoClass).name}, accepted ${shown}`];
    return documentedViolations(type as DtoClass, item as Record<string, unknown>, `${where}.`);
  }
  const problems: string[] = [];
  const allowed = Array.isArray(documented.enum)
    ? (documented.enum as unknown[])
    : documented.enum
      ? Object.values(documented.enum)
      : undefined;
  if (allowed && !allowed.includes(item)) problems.push(`${where}: ${shown} is not among the documented values`);
  if (typeof item === 'string') {
    if (documented.maxLength !== undefined && codePoints(item) > documented.maxLength)
      problems.push(`${where}: longer than the documented ${documented.maxLength}`);
    if (documented.minLength !== undefined && codePoints(item) < documented.minLength)
      problems.push(`${where}: shorter than the documented ${documented.minLength}`);
  }
  if (typeof item === 'number') {
    if (documented.maximum !== undefined && item > documented.maximum)
      problems.push(`${where}: over the documented maximum ${documented.maximum}`);
    if (documented.minimum !== undefined && item < documented.minimum)
      problems.push(`${where}: under the documented minimum ${documented.minimum}`);
  }
  return problems;
}

async function throughPipe(dto: Dto, input: unknown): Promise<'accepted' | 'refused'> {
  const metadata: ArgumentMetadata = { type: dto.kind, metatype: dto.type, data: undefined };
  let accepted: unknown;
  try {
    accepted = await pipe.transform(structuredClone(input), metadata);
  } catch (error) {
    if (!(error instanceof DomainError))
      throw new Error(`${dto.name} threw ${String(error)} instead of answering VALIDATION_FAILED`, { cause: error });
    expect(error.code).toBe('VALIDATION_FAILED');
    const fields = error.details?.fields as { field: string; rules: string[] }[];
    expect(fields.length).toBeGreaterThan(0);
    for (const { field, rules } of fields) {
      expect(typeof field).toBe('string');
      expect(rules.length).toBeGreaterThan(0);
    }
    return 'refused';
  }
  expect(accepted).toBeInstanceOf(dto.type);
  expect(documentedViolations(dto.type, accepted as Record<string, unknown>)).toEqual([]);
  return 'accepted';
}

test('every DTO file is found', () => {
  expect(dtos.length).toBeGreaterThanOrEqual(40);
  expect(dtos.map((dto) => dto.name)).toEqual(
    expect.arrayContaining(['CreateComplaintDto', 'ComplaintLocationDto', 'ServiceRequestForm', 'DateRangeQuery']),
  );
});

test.each(dtos.map((dto) => [dto.name, dto] as const))(
  '%s: accepted as documented, or VALIDATION_FAILED — nothing else',
  async (_name, dto) => {
    const bodies =
      dto.kind === 'query'
        ? queryValue(dto.type)
        : fc.oneof({ arbitrary: dtoValue(dto.type), weight: 9 }, { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 1 });
    const outcomes = { accepted: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        outcomes[await throughPipe(dto, body)] += 1;
      }),
      { numRuns: 100, ...(seed === undefined ? {} : { seed }) },
    );
    // Both answers were reached: the documented contract was checked on accepted values, not on none.
    expect(outcomes.accepted).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  },
);
