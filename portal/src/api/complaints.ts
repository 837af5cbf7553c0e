import {
  COMPLAINT_STATUSES,
  COMPLAINTS_PAGE_SIZE,
  type ComplaintStatus,
  type ComplaintView,
  type NearbyComplaint,
} from '../../../api/src/complaints/complaint-view.types';
import { getJson, sendJson, type RequestOptions } from './client';

/** The complaint routes of docs/api/complaints.md that the portal uses. */

export type { ComplaintHistoryEntry, ComplaintStatus, NearbyComplaint } from '../../../api/src/complaints/complaint-view.types';

/** An attribute's answer: one key or text, or the keys chosen of a multivaluelist. */
export type AttributeValue = ComplaintView['attributes'][string];

/**
 * The API's complaint view, shared with the API rather than written again; in a citizen's views `relation`
 * says whether they filed it or follow it.
 */
export type Complaint = ComplaintView;

/**
 * Where the problem is; the portal offers an address or a place of the city's list, never a map only — or the
 * building, floor and point picked in the 3D twin ("Report a problem here").
 */
export type ComplaintLocation =
  { address: string } | { placeId: string } | { lat: number; long: number; buildingId?: string; floor?: number };

export interface NewComplaint {
  serviceId: string;
  description: string;
  location: ComplaintLocation;
  attributes: Record<string, AttributeValue>;
  contactEmail?: string;
}

export interface FiledComplaint {
  complaint: Complaint;
  /** Shown once: the API keeps only its hash. */
  trackingToken: string;
}

/** Signed in, following adds the complaint to the person's list; signed out, it gives a tracking token. */
export type FollowResult = { following: true } | { trackingToken: string };

/** The API's page size of complaint lists: a full page means there may be more. */
export const complaintsPageSize = COMPLAINTS_PAGE_SIZE;

export function fileComplaint(complaint: NewComplaint, options: RequestOptions): Promise<FiledComplaint> {
  return sendJson<FiledComplaint>('POST', '/api/complaints', complaint, options);
}

export function trackComplaint(token: string, options: RequestOptions): Promise<Complaint> {
  return getJson<Complaint>(`/api/complaints/track/${encodeURIComponent(token)}`, options);
}

/** A citizen's complaints, those they filed and those they follow, newest first; `page` counts from 1. */
export function listMyComplaints(page: number, options: RequestOptions): Promise<Complaint[]> {
  return getJson<Complaint[]>(`/api/complaints?page=${page}`, options);
}

export function getComplaint(id: string, options: RequestOptions): Promise<Complaint> {
  return getJson<Complaint>(`/api/complaints/${encodeURIComponent(id)}`, options);
}

export function findNearbyComplaints(serviceId: string, placeId: string, options: RequestOptions): Promise<NearbyComplaint[]> {
  const query = new URLSearchParams({ service: serviceId, placeId });
  return getJson<NearbyComplaint[]>(`/api/complaints/nearby?${query.toString()}`, options);
}

export function followComplaint(id: string, options: RequestOptions): Promise<FollowResult> {
  return sendJson<FollowResult>('POST', `/api/complaints/${encodeURIComponent(id)}/followers`, undefined, options);
}

export function unfollowComplaint(id: string, options: RequestOptions): Promise<void> {
  return sendJson<void>('DELETE', `/api/complaints/${encodeURIComponent(id)}/followers/me`, undefined, options);
}

/** A tracking token is 24 base64url characters (the API answers NOT_FOUND for anything else). */
export const trackingTokenShape = /^[A-Za-z0-9_-]{24}$/;

/** Complaint ids are UUIDs; anything else is not looked up. */
export const complaintIdShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isComplaintStatus(status: string): status is ComplaintStatus {
  return (COMPLAINT_STATUSES as readonly string[]).includes(status);
}
