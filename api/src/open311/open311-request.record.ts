import { isoInZone } from '../common/zoned-time.js';
import type { ComplaintService, Department, LocalizedText } from '../city/city-pack.types.js';
import type { ComplaintEvent } from '../complaints/complaint-event.entity.js';
import { isOpen } from '../complaints/complaint-lifecycle.js';
import type { Complaint } from '../complaints/complaint.entity.js';
import type { XmlValue } from './xml.js';

/** City text in the request's language, else English. */
export function localized(text: LocalizedText | undefined, language: string): string {
  return text?.[language] ?? text?.en ?? '';
}

export interface RecordContext {
  service: ComplaintService | undefined;
  department: Department | undefined;
  language: string;
  timeZone: string;
}

/**
 * A complaint as a GeoReport v2 service request: public facts only — no contact email, assignee or internal note.
 * Extensions after the spec's fields: the 3D pick, the redaction and the public history (`notes`).
 */
export function requestRecord(
  complaint: Complaint,
  caseNumber: string,
  publicEvents: readonly ComplaintEvent[],
  { service, department, language, timeZone }: RecordContext,
): XmlValue {
  const at = (date: Date) => isoInZone(date, timeZone);
  const latestNote = [...publicEvents].reverse().find((event) => event.note !== null)?.note ?? null;
  return {
    service_request_id: caseNumber,
    status: isOpen(complaint.status) ? 'open' : 'closed',
    status_notes: latestNote,
    service_name: localized(service?.name, language),
    service_code: service?.open311Code ?? '',
    description: complaint.redactedAt ? '' : complaint.description,
    agency_responsible: localized(department?.name, language),
    service_notice: null,
    requested_datetime: at(complaint.createdAt),
    updated_datetime: at(complaint.updatedAt),
    expected_datetime: at(complaint.expectedBy),
    address: complaint.address,
    address_id: complaint.placeId,
    zipcode: null,
    lat: complaint.latitude,
    long: complaint.longitude,
    media_url: complaint.mediaUrl,
    building_id: complaint.buildingId,
    floor: complaint.floor,
    altitude: complaint.altitude,
    redacted_datetime: complaint.redactedAt ? at(complaint.redactedAt) : null,
    redaction_reason: complaint.redactedAt ? complaint.redactionReason : null,
    notes: publicEvents.map((event) => ({ status: event.status, note: event.note, datetime: at(event.at) })),
  };
}
