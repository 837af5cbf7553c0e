import {
  at,
  bool,
  type Checker,
  id,
  item,
  list,
  num,
  oneOf,
  record,
  show,
  str,
  text,
  TEXT_MAX,
  unique,
  uniqueIds,
} from './city-pack.checks.js';
import type { ComplaintAttribute, ServiceKind } from './city-pack.types.js';

/** The only types the document pipeline scans and previews. */
export const ALLOWED_MIME_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export const MAX_DOCUMENT_BYTES = 100 * 1024 * 1024;

const KINDS: readonly ServiceKind[] = ['complaint', 'appointment', 'document'];
const DATATYPES: readonly ComplaintAttribute['datatype'][] = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'];
const LIST_DATATYPES: readonly string[] = ['singlevaluelist', 'multivaluelist'];
const CODE = { max: 64, pattern: /^[a-z][a-z0-9_]*$/, patternName: 'a snake_case code (e.g. "pothole_size")' };
const OPEN311_CODE = {
  max: 32,
  pattern: /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
  patternName: 'an Open311 code of letters, digits, ".", "_" and "-"',
};

const BASE_KEYS = ['id', 'kind', 'departmentId', 'name', 'description', 'fee'];
const KEYS_OF_KIND: Record<ServiceKind, string[]> = {
  complaint: [...BASE_KEYS, 'open311Code', 'keywords', 'expectedDays', 'attributes'],
  appointment: [...BASE_KEYS, 'durationMinutes', 'virtualAllowed'],
  document: [...BASE_KEYS, 'requiredDocuments', 'expectedDays'],
};
const ALL_KEYS = [...new Set(Object.values(KEYS_OF_KIND).flat())];

export function checkDepartments(c: Checker, value: unknown): Set<string> | undefined {
  const departments = list(c, value, 'departments', { min: 1, max: 100 }, (entry, path) => {
    const department = record(c, entry, path, ['id', 'name', 'description']);
    if (!department) return undefined;
    text(c, department.name, at(path, 'name'), TEXT_MAX.name);
    text(c, department.description, at(path, 'description'), TEXT_MAX.description);
    return { id: id(c, department.id, at(path, 'id')) };
  });
  return departments && uniqueIds(c, departments, 'departments');
}

/** Checks services and returns the set of their ids, or undefined when the list itself is unusable. */
export function checkServices(c: Checker, value: unknown, departmentIds: Set<string> | undefined): Set<string> | undefined {
  const open311Codes: { value: string | undefined; path: string }[] = [];
  const services = list(c, value, 'services', { min: 1, max: 500 }, (entry, path) => {
    const kind = isObjectWithKind(entry) ? entry.kind : undefined;
    const known = KINDS.includes(kind as ServiceKind) ? (kind as ServiceKind) : undefined;
    const service = record(c, entry, path, known ? KEYS_OF_KIND[known] : ALL_KEYS);
    if (!service) return undefined;
    oneOf(c, service.kind, at(path, 'kind'), KINDS);
    const departmentId = id(c, service.departmentId, at(path, 'departmentId'));
    if (departmentId !== undefined && departmentIds && !departmentIds.has(departmentId)) {
      c.fail(at(path, 'departmentId'), `${show(departmentId)} is not a department of this pack`);
    }
    text(c, service.name, at(path, 'name'), TEXT_MAX.name);
    text(c, service.description, at(path, 'description'), TEXT_MAX.description);
    if (service.fee !== undefined) checkFee(c, service.fee, at(path, 'fee'));
    if (known === 'complaint') {
      open311Codes.push({ value: str(c, service.open311Code, at(path, 'open311Code'), OPEN311_CODE), path: at(path, 'open311Code') });
      checkKeywords(c, service.keywords, at(path, 'keywords'));
      checkExpectedDays(c, service.expectedDays, at(path, 'expectedDays'));
      checkAttributes(c, service.attributes, at(path, 'attributes'));
    } else if (known === 'appointment') {
      num(c, service.durationMinutes, at(path, 'durationMinutes'), { min: 5, max: 240, integer: true, multipleOf: 5 });
      bool(c, service.virtualAllowed, at(path, 'virtualAllowed'));
    } else if (known === 'document') {
      checkRequiredDocuments(c, service.requiredDocuments, at(path, 'requiredDocuments'));
      checkExpectedDays(c, service.expectedDays, at(path, 'expectedDays'));
    }
    return { id: id(c, service.id, at(path, 'id')) };
  });
  unique(c, open311Codes);
  return services && uniqueIds(c, services, 'services');
}

const isObjectWithKind = (value: unknown): value is { kind: unknown } => value !== null && typeof value === 'object' && 'kind' in value;

function checkFee(c: Checker, value: unknown, path: string): void {
  const fee = record(c, value, path, ['amount', 'currency']);
  if (!fee) return;
  num(c, fee.amount, at(path, 'amount'), { min: 0, max: 1_000_000_000 });
  str(c, fee.currency, at(path, 'currency'), { max: 3, pattern: /^[A-Z]{3}$/, patternName: 'an ISO 4217 currency code (e.g. "KRW")' });
}

function checkExpectedDays(c: Checker, value: unknown, path: string): void {
  num(c, value, path, { min: 1, max: 365, integer: true });
}

function checkKeywords(c: Checker, value: unknown, path: string): void {
  const keywords = list(c, value, path, { min: 0, max: 30 }, (entry, entryPath) => str(c, entry, entryPath, { max: 60 }));
  if (keywords)
    unique(
      c,
      keywords.map((keyword, index) => ({ value: keyword, path: item(path, index) })),
    );
}

function checkAttributes(c: Checker, value: unknown, path: string): void {
  const attributes = list(c, value, path, { min: 0, max: 20 }, (entry, attributePath) => {
    const attribute = record(c, entry, attributePath, ['code', 'datatype', 'required', 'description', 'values']);
    if (!attribute) return undefined;
    const datatype = oneOf(c, attribute.datatype, at(attributePath, 'datatype'), DATATYPES);
    bool(c, attribute.required, at(attributePath, 'required'));
    text(c, attribute.description, at(attributePath, 'description'), TEXT_MAX.name);
    const takesValues = datatype !== undefined && LIST_DATATYPES.includes(datatype);
    if (takesValues) checkValues(c, attribute.values, at(attributePath, 'values'));
    else if (datatype !== undefined && attribute.values !== undefined) {
      c.fail(at(attributePath, 'values'), `only singlevaluelist and multivaluelist attributes take values (this one is ${datatype})`);
    }
    return str(c, attribute.code, at(attributePath, 'code'), CODE);
  });
  if (attributes)
    unique(
      c,
      attributes.map((code, index) => ({ value: code, path: at(item(path, index), 'code') })),
    );
}

function checkValues(c: Checker, value: unknown, path: string): void {
  const values = list(c, value, path, { min: 1, max: 50 }, (entry, valuePath) => {
    const option = record(c, entry, valuePath, ['key', 'name']);
    if (!option) return undefined;
    text(c, option.name, at(valuePath, 'name'), TEXT_MAX.name);
    return str(c, option.key, at(valuePath, 'key'), CODE);
  });
  if (values)
    unique(
      c,
      values.map((key, index) => ({ value: key, path: at(item(path, index), 'key') })),
    );
}

function checkRequiredDocuments(c: Checker, value: unknown, path: string): void {
  const documents = list(c, value, path, { min: 1, max: 20 }, (entry, documentPath) => {
    const document = record(c, entry, documentPath, ['id', 'name', 'mimeTypes', 'maxSizeBytes']);
    if (!document) return undefined;
    text(c, document.name, at(documentPath, 'name'), TEXT_MAX.name);
    const typesPath = at(documentPath, 'mimeTypes');
    const types = list(c, document.mimeTypes, typesPath, { min: 1, max: ALLOWED_MIME_TYPES.length }, (type, typePath) =>
      oneOf(c, type, typePath, ALLOWED_MIME_TYPES),
    );
    if (types)
      unique(
        c,
        types.map((type, index) => ({ value: type, path: item(typesPath, index) })),
      );
    num(c, document.maxSizeBytes, at(documentPath, 'maxSizeBytes'), { min: 0, aboveMin: true, max: MAX_DOCUMENT_BYTES, integer: true });
    return { id: id(c, document.id, at(documentPath, 'id')) };
  });
  if (documents) uniqueIds(c, documents, path);
}
