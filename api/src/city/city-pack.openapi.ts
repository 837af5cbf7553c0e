import type { SchemaObject } from '@nestjs/swagger';

/**
 * The shape of GET /api/city for OpenAPI. The pack is plain data typed by interfaces, which swagger cannot
 * reflect, so the shape is written here; the limits live in docs/city-pack.md and the validator.
 */
const string: SchemaObject = { type: 'string' };
const integer: SchemaObject = { type: 'integer' };
const number: SchemaObject = { type: 'number' };
const boolean: SchemaObject = { type: 'boolean' };
const id: SchemaObject = { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 64 };
const arrayOf = (items: SchemaObject): SchemaObject => ({ type: 'array', items });

const object = (properties: Record<string, SchemaObject>, optional: string[] = []): SchemaObject => ({
  type: 'object',
  properties,
  required: Object.keys(properties).filter((key) => !optional.includes(key)),
});

const localizedText: SchemaObject = {
  type: 'object',
  description: 'Text per language code; holds every language the portal ships (en, ko, ar).',
  additionalProperties: { type: 'string' },
  example: { en: 'Seoul', ko: '서울', ar: 'سيول' },
};
const geoPoint = object({ lat: number, lon: number, height: number }, ['height']);
const footprint: SchemaObject = { ...arrayOf(geoPoint), minItems: 3, description: 'Closed ring, first point not repeated.' };
const weekday: SchemaObject = { type: 'string', enum: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] };
const fee = object({ amount: number, currency: { type: 'string', pattern: '^[A-Z]{3}$' } });

const serviceBase = { id, departmentId: id, name: localizedText, description: localizedText, fee };
const complaintService = object(
  {
    ...serviceBase,
    kind: { type: 'string', enum: ['complaint'] },
    open311Code: string,
    keywords: arrayOf(string),
    expectedDays: integer,
    attributes: arrayOf(
      object(
        {
          code: string,
          datatype: { type: 'string', enum: ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] },
          required: boolean,
          description: localizedText,
          values: arrayOf(object({ key: string, name: localizedText })),
        },
        ['values'],
      ),
    ),
  },
  ['fee'],
);
const appointmentService = object(
  { ...serviceBase, kind: { type: 'string', enum: ['appointment'] }, durationMinutes: integer, virtualAllowed: boolean },
  ['fee'],
);
const documentService = object(
  {
    ...serviceBase,
    kind: { type: 'string', enum: ['document'] },
    expectedDays: integer,
    requiredDocuments: arrayOf(
      object({
        id,
        name: localizedText,
        mimeTypes: arrayOf({ type: 'string', enum: ['application/pdf', 'image/png', 'image/jpeg'] }),
        maxSizeBytes: integer,
      }),
    ),
  },
  ['fee'],
);

const tourStop = object({
  id,
  title: localizedText,
  caption: localizedText,
  camera: object({ position: geoPoint, headingDegrees: number, pitchDegrees: number }),
});
const heritageSite = object(
  {
    id,
    name: localizedText,
    position: geoPoint,
    builtYear: integer,
    lostYear: integer,
    modelDescription: localizedText,
    history: localizedText,
    narration: localizedText,
    tourStops: arrayOf(tourStop),
  },
  ['lostYear'],
);

export const cityPackSchema: SchemaObject = object({
  id,
  name: localizedText,
  timeZone: { type: 'string', example: 'Asia/Seoul' },
  centre: geoPoint,
  languages: arrayOf(string),
  caseNumberPrefix: { type: 'string', pattern: '^[A-Z]{3}$' },
  departments: arrayOf(object({ id, name: localizedText, description: localizedText })),
  services: arrayOf({ oneOf: [complaintService, appointmentService, documentService], discriminator: { propertyName: 'kind' } }),
  cityHall: object({
    id,
    name: localizedText,
    footprint,
    heightMetres: number,
    counters: arrayOf(object({ id, name: localizedText, position: geoPoint, headingDegrees: number, serviceIds: arrayOf(id) })),
  }),
  officials: arrayOf(
    object({
      id,
      name: localizedText,
      role: localizedText,
      departmentId: id,
      counterId: id,
      weeklySchedule: arrayOf(object({ day: weekday, start: string, end: string })),
    }),
  ),
  buildings: arrayOf(
    object({
      id,
      name: localizedText,
      footprint,
      heightMetres: number,
      colour: { type: 'string', pattern: '^#[0-9a-fA-F]{6}$' },
      landmark: boolean,
    }),
  ),
  tourismZones: arrayOf(object({ id, name: localizedText, description: localizedText, centre: geoPoint, sites: arrayOf(heritageSite) })),
});
