import type { Complaint, ComplaintStatus } from './complaint.entity.js';
import type { ComplaintEvent } from './complaint-event.entity.js';

export interface ComplaintHistoryEntry {
  status: ComplaintStatus;
  note: string | null;
  at: string;
  /** Only officials see internal entries; they are marked. */
  public: boolean;
}

/** What a redacted description holds in the database; the API shows null and the reason instead. */
export const REDACTED = '[redacted]';

/** A complaint as the API shows it. `contactEmail` and internal notes only for officials. */
export interface ComplaintView {
  id: string;
  caseNumber: string;
  serviceId: string;
  departmentId: string;
  /** Null when an official redacted it; `redacted` then says when and why. */
  description: string | null;
  redacted: { at: string; reason: string } | null;
  location: {
    lat: number | null;
    long: number | null;
    address: string | null;
    placeId: string | null;
    buildingId: string | null;
    floor: number | null;
    altitude: number | null;
  };
  status: ComplaintStatus;
  createdAt: string;
  updatedAt: string;
  expectedBy: string;
  history: ComplaintHistoryEntry[];
  contactEmail?: string | null;
  assigneeId?: string | null;
}

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
