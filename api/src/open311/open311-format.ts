import { Injectable, type PipeTransform } from '@nestjs/common';
import { DomainError } from '../common/domain-error.js';
import type { ErrorBody } from '../common/error-responder.js';
import { toXml, type XmlValue } from './xml.js';

/** Every GeoReport v2 route lives under this prefix; its errors take the Open311 shape (see ErrorResponder). */
export const OPEN311_ROOT = '/open311/v2';

/** Chosen by the suffix of the path, as the spec has it: `services.json`, `services.xml`. */
export type Open311Format = 'json' | 'xml';

/** An Open311 answer: the root element of its XML form, and the value both forms carry. */
export interface Open311Document {
  root: 'discovery' | 'services' | 'service_definition' | 'service_requests' | 'errors';
  body: XmlValue;
}

/** The element of each item of a list, in the spec's XML (`<services><service>…</service></services>`). */
const ITEM_NAMES: Readonly<Record<string, string>> = {
  services: 'service',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  service_requests: 'request',
  notes: 'note',
  errors: 'error',
};

export const MEDIA_TYPES: Readonly<Record<Open311Format, string>> = { json: 'application/json', xml: 'text/xml' };

/** The `:format` of a route: json or xml; any other suffix is a format this server does not offer. */
@Injectable()
export class Open311FormatPipe implements PipeTransform<string, Open311Format> {
  transform(value: string): Open311Format {
    if (value !== 'json' && value !== 'xml') throw new DomainError('OPEN311_FORMAT_UNSUPPORTED');
    return value;
  }
}

export function isOpen311Path(url: string): boolean {
  return url === OPEN311_ROOT || url.startsWith(`${OPEN311_ROOT}/`) || url.startsWith(`${OPEN311_ROOT}?`);
}

/** The format a request asked for by its path; JSON when it named none we offer (the answer is then an error). */
export function formatOfPath(url: string): Open311Format {
  return (url.split('?', 1)[0] ?? '').endsWith('.xml') ? 'xml' : 'json';
}

export function render(format: Open311Format, document: Open311Document): { contentType: string; payload: string } {
  return {
    contentType: `${MEDIA_TYPES[format]}; charset=utf-8`,
    payload: format === 'xml' ? toXml(document.root, document.body, ITEM_NAMES) : JSON.stringify(document.body),
  };
}

/**
 * An error in the spec's shape, `[{ code, description }]` with the HTTP status as the code and the translated
 * message as the description; a validation failure lists one error per field, named as the client sent it.
 */
export function open311Errors(body: ErrorBody): Open311Document {
  const fields = Array.isArray(body.fields) ? (body.fields as { field: string; rules: string[] }[]) : [];
  const errors =
    fields.length > 0
      ? fields.map(({ field, rules }) => ({
          code: body.statusCode,
          description: `${open311Field(field)}: ${body.message} (${rules.join(', ')})`,
        }))
      : [{ code: body.statusCode, description: body.message }];
  return { root: 'errors', body: errors };
}

/** Our field names back in the spec's: `attributes.size` → `attribute[size]`, `location.lat` → `lat`. */
function open311Field(field: string): string {
  if (field.startsWith('attributes.')) return `attribute[${field.slice('attributes.'.length)}]`;
  return OPEN311_FIELDS[field] ?? field;
}

const OPEN311_FIELDS: Readonly<Record<string, string>> = {
  serviceId: 'service_code',
  description: 'description',
  'location.lat': 'lat',
  'location.long': 'long',
  'location.address': 'address_string',
  'location.placeId': 'address_id',
  'location.buildingId': 'building_id',
  'location.floor': 'floor',
  'location.altitude': 'altitude',
  contactEmail: 'email',
  mediaUrl: 'media_url',
};
