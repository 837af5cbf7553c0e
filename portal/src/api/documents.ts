import type { DocumentServiceView, DocumentView, SubmissionView } from '../../../api/src/documents/document-view.types';
import { ApiError, getJson, sendJson, type RequestOptions } from './client';

/** The document routes of docs/api/documents.md that the portal uses; uploads go over tus so they resume. */

export type { DocumentState, SubmissionState } from '../../../api/src/documents/document-states';
export type DocumentService = DocumentServiceView;
export type Submission = SubmissionView;
export type StoredDocument = DocumentView;
export type Requirement = DocumentServiceView['requiredDocuments'][number];

export function listDocumentServices(options: RequestOptions): Promise<DocumentService[]> {
  return getJson<DocumentService[]>('/api/document-services', options);
}

export function startSubmission(serviceId: string, options: RequestOptions): Promise<Submission> {
  return sendJson<Submission>('POST', '/api/submissions', { serviceId }, options);
}

/** A citizen's own applications, drafts included, newest first (the first 100). */
export function listMySubmissions(options: RequestOptions): Promise<Submission[]> {
  return getJson<Submission[]>('/api/submissions', options);
}

export function getSubmission(id: string, options: RequestOptions): Promise<Submission> {
  return getJson<Submission>(`/api/submissions/${encodeURIComponent(id)}`, options);
}

export function submitSubmission(id: string, options: RequestOptions): Promise<Submission> {
  return sendJson<Submission>('POST', `/api/submissions/${encodeURIComponent(id)}/submit`, undefined, options);
}

export function deleteDocument(id: string, options: RequestOptions): Promise<void> {
  return sendJson<void>('DELETE', `/api/documents/${encodeURIComponent(id)}`, undefined, options);
}

/** Submission and document ids are UUIDs; anything else is not looked up. */
export const submissionIdShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface UploadTarget {
  submissionId: string;
  requirementId: string;
}

export interface UploadEvents {
  onProgress: (sent: number, total: number) => void;
  onSuccess: () => void;
  /** The API's error (413, 415… with its translated message), or NETWORK_ERROR once the retries are spent. */
  onError: (error: ApiError) => void;
}

/** Waits between retries after a dropped connection: each retry asks the API how much it has, then goes on from there. */
const retryDelays = [0, 1000, 3000, 5000, 10_000, 20_000, 30_000];
/** Small enough for a slow connection to send a chunk within the API's 60-second limit on a request. */
const chunkSize = 5 * 1024 * 1024;

function apiErrorOf(error: unknown): ApiError {
  const response = (error as { originalResponse?: { getStatus(): number; getBody(): string } | null }).originalResponse;
  if (!response) return new ApiError(0, 'NETWORK_ERROR', error instanceof Error ? error.message : String(error));
  try {
    const body = JSON.parse(response.getBody()) as { code?: unknown; message?: unknown };
    if (typeof body.code === 'string' && typeof body.message === 'string')
      return new ApiError(response.getStatus(), body.code, body.message);
  } catch {
    // Not the API's JSON (a proxy's page): the status alone says what happened.
  }
  return new ApiError(response.getStatus(), 'INVALID_RESPONSE', `HTTP ${response.getStatus()}`);
}

/**
 * Sends one file over tus (`/api/uploads`). The tus client is loaded only here, so other pages do not carry it.
 * An upload of the same file for the same document that was cut off earlier (a closed tab, a lost connection)
 * resumes where the API stopped receiving it. Returns the function that stops the upload.
 */
export async function uploadDocument(
  file: File,
  target: UploadTarget,
  events: UploadEvents,
  { language }: RequestOptions,
): Promise<() => void> {
  const { Upload } = await import('tus-js-client');
  const upload = new Upload(file, {
    endpoint: '/api/uploads',
    metadata: { submissionId: target.submissionId, requirementId: target.requirementId, filename: file.name },
    headers: { 'Accept-Language': language },
    chunkSize,
    retryDelays,
    // The same file sent for another application or document is another upload, never a resumption of this one.
    fingerprint: (chosen) =>
      Promise.resolve(['civicverse', target.submissionId, target.requirementId, chosen.name, chosen.size, chosen.lastModified].join('/')),
    removeFingerprintOnSuccess: true,
    onProgress: events.onProgress,
    onSuccess: () => events.onSuccess(),
    onError: (error) => events.onError(apiErrorOf(error)),
  });
  const [previous] = await upload.findPreviousUploads();
  if (previous) upload.resumeFromPreviousUpload(previous);
  upload.start();
  return () => void upload.abort();
}

/** The API's error from an XHR's answer: its JSON body when it has one, else the status alone. */
function apiErrorOfXhr(request: XMLHttpRequest): ApiError {
  try {
    const body = JSON.parse(request.responseText) as { code?: unknown; message?: unknown };
    if (typeof body.code === 'string' && typeof body.message === 'string') return new ApiError(request.status, body.code, body.message);
  } catch {
    // Not the API's JSON (a proxy's page): the status alone says what happened.
  }
  return new ApiError(request.status, 'INVALID_RESPONSE', `HTTP ${request.status}`);
}

/**
 * Sends one photo or document of a complaint as multipart (`POST /api/complaints/:id/documents`): files there are
 * small (10 MB at most), so a failed one is sent again whole. XHR rather than fetch, for the upload's progress.
 * Returns the function that stops the upload.
 */
export function uploadComplaintFile(
  complaintId: string,
  file: File,
  events: UploadEvents,
  { language }: RequestOptions,
): Promise<() => void> {
  const request = new XMLHttpRequest();
  request.open('POST', `/api/complaints/${encodeURIComponent(complaintId)}/documents`);
  request.setRequestHeader('Accept', 'application/json');
  request.setRequestHeader('Accept-Language', language);
  request.upload.addEventListener('progress', (event) => events.onProgress(event.loaded, event.lengthComputable ? event.total : file.size));
  request.addEventListener('load', () => {
    if (request.status >= 200 && request.status < 300) events.onSuccess();
    else events.onError(apiErrorOfXhr(request));
  });
  request.addEventListener('error', () => events.onError(new ApiError(0, 'NETWORK_ERROR', 'the upload failed')));
  const form = new FormData();
  form.append('file', file, file.name);
  request.send(form);
  return Promise.resolve(() => request.abort());
}

export function listComplaintFiles(complaintId: string, options: RequestOptions): Promise<StoredDocument[]> {
  return getJson<StoredDocument[]>(`/api/complaints/${encodeURIComponent(complaintId)}/documents`, options);
}
