import { getJson, sendJson, type RequestOptions } from './client';

/** The complaint routes of docs/api/complaints.md that the portal uses. */

export const complaintStatuses = ['submitted', 'acknowledged', 'in_progress', 'resolved', 'rejected', 'closed'] as const;
export type ComplaintStatus = (typeof complaintStatuses)[number];

export interface ComplaintHistoryEntry {
  status: string;
  note: string | null;
  at: string;
  public: boolean;
}

export interface Complaint {
  id: string;
  caseNumber: string;
  serviceId: string;
  departmentId: string;
  description: string;
  location: {
    lat: number | null;
    long: number | null;
    address: string | null;
    placeId: string | null;
    buildingId: string | null;
    floor: number | null;
    altitude: number | null;
  };
  status: string;
  createdAt: string;
  updatedAt: string;
  expectedBy: string;
  history: ComplaintHistoryEntry[];
}

/** Where the problem is; the portal offers an address or a place of the city's list, never a map only. */
export type ComplaintLocation = { address: string } | { placeId: string };

export interface NewComplaint {
  serviceId: string;
  description: string;
  location: ComplaintLocation;
  contactEmail?: string;
}

export interface FiledComplaint {
  complaint: Complaint;
  /** Shown once: the API keeps only its hash. */
  trackingToken: string;
}

export function fileComplaint(complaint: NewComplaint, options: RequestOptions): Promise<FiledComplaint> {
  return sendJson<FiledComplaint>('POST', '/api/complaints', complaint, options);
}

export function trackComplaint(token: string, options: RequestOptions): Promise<Complaint> {
  return getJson<Complaint>(`/api/complaints/track/${encodeURIComponent(token)}`, options);
}

/** A tracking token is 24 base64url characters (the API answers NOT_FOUND for anything else). */
export const trackingTokenShape = /^[A-Za-z0-9_-]{24}$/;

export function isComplaintStatus(status: string): status is ComplaintStatus {
  return (complaintStatuses as readonly string[]).includes(status);
}
