import { SUBMISSIONS_PAGE_SIZE } from '../../../api/src/documents/document-view.types';
import { getJson, sendJson, type RequestOptions } from './client';
import type { StoredDocument, Submission, SubmissionState } from './documents';

/** The document routes of docs/api/documents.md that only officials and admins use. */

/** The review list's filters, as the API names them; `page` counts from 1. */
export interface ReviewFilters {
  state?: SubmissionState;
  page: number;
}

/** A full page means there may be more. */
export const reviewPageSize = SUBMISSIONS_PAGE_SIZE;

/** The filters as a query string, leaving out what is not set (and page 1). */
export function reviewQuery(filters: ReviewFilters): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.state) query.set('state', filters.state);
  if (filters.page > 1) query.set('page', String(filters.page));
  return query;
}

/** The department's submissions (an admin's: every department's), newest first; drafts only when asked for. */
export function listDepartmentSubmissions(filters: ReviewFilters, options: RequestOptions): Promise<Submission[]> {
  const query = reviewQuery(filters).toString();
  return getJson<Submission[]>(query ? `/api/submissions?${query}` : '/api/submissions', options);
}

/** The decisions an official takes; rejecting and asking for more must say why. */
export type ReviewStep = 'in_review' | 'approved' | 'rejected' | 'needs_more';

export function reviewSubmission(id: string, state: ReviewStep, reason: string | undefined, options: RequestOptions): Promise<Submission> {
  const body = reason === undefined ? { state } : { state, reason };
  return sendJson<Submission>('POST', `/api/submissions/${encodeURIComponent(id)}/review`, body, options);
}

/** Without a virus scanner, a held file is released by an official who has checked it. */
export function releaseDocument(id: string, options: RequestOptions): Promise<StoredDocument> {
  return sendJson<StoredDocument>('POST', `/api/documents/${encodeURIComponent(id)}/release`, undefined, options);
}

/** Where the file's bytes are downloaded from (an attachment, never shown inline). */
export function documentContentHref(id: string): string {
  return `/api/documents/${encodeURIComponent(id)}/content`;
}
