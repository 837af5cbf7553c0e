/**
 * The complaint as the API answers it. Pure types with no imports of the API's runtime, so that the portal
 * shares them (as it shares the city pack's types) instead of writing them again.
 */
export const COMPLAINT_STATUSES = ['submitted', 'acknowledged', 'in_progress', 'resolved', 'rejected', 'closed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** `GET /api/complaints` answers this many a page; a full page means there may be more. */
export const COMPLAINTS_PAGE_SIZE = 50;

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
  /** Answers to the service's questions (its attributes in the city pack), by attribute code. */
  attributes: Record<string, string | string[]>;
  /** A link to a photo of the problem (https), as the filer gave it. */
  mediaUrl: string | null;
  status: ComplaintStatus;
  createdAt: string;
  updatedAt: string;
  expectedBy: string;
  history: ComplaintHistoryEntry[];
  contactEmail?: string | null;
  assigneeId?: string | null;
  /** Officials: how many people follow it instead of filing the same problem again. */
  followers?: number;
  /** Citizens: whether they filed it or follow it. */
  relation?: 'filed' | 'following';
}

/** An official a complaint can be given to. */
export interface ComplaintAssignee {
  id: string;
  name: string;
}

/** Another open complaint close by, without anything about who filed it. */
export interface NearbyComplaint {
  id: string;
  caseNumber: string;
  /** Null when an official redacted it. */
  description: string | null;
  status: ComplaintStatus;
  createdAt: string;
  distanceMetres: number;
}
