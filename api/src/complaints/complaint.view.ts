import type { ComplaintView } from './complaint-view.types.js';
import type { Complaint } from './complaint.entity.js';
import type { ComplaintEvent } from './complaint-event.entity.js';

/** What a redacted description holds in the database; the API shows null and the reason instead. */
export const REDACTED = '[redacted]';

export function complaintView(
  complaint: Complaint,
  caseNumber: string,
  events: ComplaintEvent[],
  audience: 'public' | 'official',
): ComplaintView {
  const official = audience === 'official';
  return {
    id: complaint.id,
    caseNumber,
    serviceId: complaint.serviceId,
    departmentId: complaint.departmentId,
    description: complaint.redactedAt ? null : complaint.description,
    redacted: complaint.redactedAt ? { at: complaint.redactedAt.toISOString(), reason: complaint.redactionReason ?? '' } : null,
    location: {
      lat: complaint.latitude,
      long: complaint.longitude,
      address: complaint.address,
      placeId: complaint.placeId,
      buildingId: complaint.buildingId,
      floor: complaint.floor,
      altitude: complaint.altitude,
    },
    attributes: complaint.attributes,
    mediaUrl: complaint.mediaUrl,
    status: complaint.status,
    createdAt: complaint.createdAt.toISOString(),
    updatedAt: complaint.updatedAt.toISOString(),
    expectedBy: complaint.expectedBy.toISOString(),
    history: events
      .filter((event) => official || event.isPublic)
      .map((event) => ({ status: event.status, note: event.note, at: event.at.toISOString(), public: event.isPublic })),
    ...(official ? { contactEmail: complaint.contactEmail, assigneeId: complaint.assigneeId } : {}),
  };
}
