import { COMPLAINT_STATUSES, type ComplaintStatus, type ComplaintView } from '../../../api/src/complaints/complaint-view.types';
import { getJson, sendJson, type RequestOptions } from './client';

/** The complaint routes of docs/api/complaints.md that the portal uses. */

export type { ComplaintHistoryEntry, ComplaintStatus } from '../../../api/src/complaints/complaint-view.types';
/** The API's complaint view, shared with the API rather than written again. */
export type Complaint = ComplaintView;

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
  return (COMPLAINT_STATUSES as readonly string[]).includes(status);
}
