/**
 * The complaint as the API answers it. Pure types with no imports of the API's runtime, so that the portal
 * shares them (as it shares the city pack's types) instead of writing them again.
 */
export const COMPLAINT_STATUSES = ['submitted', 'acknowledged', 'in_progress', 'resolved', 'rejected', 'closed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export interface ComplaintHistoryEntry {
  status: ComplaintStatus;
  note: string | null;
  at: string;
  /** Only officials see internal entries; they are marked. */
  public: boolean;
}

/** `contactEmail`, `assigneeId` and internal notes only for officials. */
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
