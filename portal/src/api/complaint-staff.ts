import { COMPLAINTS_PAGE_SIZE, type ComplaintAssignee, type ComplaintStatus } from '../../../api/src/complaints/complaint-view.types';
import { getJson, sendJson, type RequestOptions } from './client';
import type { Complaint } from './complaints';

/** The complaint routes of docs/api/complaints.md that only officials and admins use. */

/** An official a complaint may be assigned to. */
export type Assignee = ComplaintAssignee;

/** The inbox's filters, as the API names them; `page` counts from 1. */
export interface InboxFilters {
  status?: ComplaintStatus;
  serviceId?: string;
  overdue?: true;
  minAgeDays?: number;
  assignee?: 'me' | 'none';
  page: number;
}

/** A full page means there may be more. */
export const inboxPageSize = COMPLAINTS_PAGE_SIZE;

/** The filters as a query string, in a fixed order, leaving out what is not set (and page 1). */
export function inboxQuery(filters: InboxFilters): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.status) query.set('status', filters.status);
  if (filters.serviceId) query.set('serviceId', filters.serviceId);
  if (filters.minAgeDays !== undefined) query.set('minAgeDays', String(filters.minAgeDays));
  if (filters.overdue) query.set('overdue', 'true');
  if (filters.assignee) query.set('assignee', filters.assignee);
  if (filters.page > 1) query.set('page', String(filters.page));
  return query;
}

export function listInbox(filters: InboxFilters, options: RequestOptions): Promise<Complaint[]> {
  const query = inboxQuery(filters).toString();
  return getJson<Complaint[]>(query ? `/api/complaints?${query}` : '/api/complaints', options);
}

const complaintPath = (id: string) => `/api/complaints/${encodeURIComponent(id)}`;

export interface ComplaintStep {
  /** Left out for a note that changes nothing else. */
  status?: ComplaintStatus;
  note: string;
  public: boolean;
}

export function updateComplaint(id: string, step: ComplaintStep, options: RequestOptions): Promise<Complaint> {
  return sendJson<Complaint>('PATCH', complaintPath(id), step, options);
}

export function listAssignees(id: string, options: RequestOptions): Promise<Assignee[]> {
  return getJson<Assignee[]>(`${complaintPath(id)}/assignees`, options);
}

export function assignComplaint(id: string, assigneeId: string | null, options: RequestOptions): Promise<Complaint> {
  return sendJson<Complaint>('PATCH', `${complaintPath(id)}/assignee`, { assigneeId }, options);
}

export function redactComplaint(id: string, reason: string, options: RequestOptions): Promise<Complaint> {
  return sendJson<Complaint>('POST', `${complaintPath(id)}/redaction`, { reason }, options);
}
