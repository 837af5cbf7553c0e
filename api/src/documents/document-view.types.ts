/** What the API answers about documents and submissions. Pure types, shared with the portal. */
import type { LocalizedText } from '../city/city-pack.types.js';
import type { DocumentState, RejectionReason, SubmissionState } from './document-states.js';

export interface DocumentView {
  id: string;
  caseId: string;
  submissionId: string | null;
  requirementId: string | null;
  state: DocumentState;
  /** Why it was rejected: "malware" (the bytes are deleted). */
  rejectionReason: RejectionReason | null;
  /** The sanitised original file name (display only). */
  name: string;
  /** Detected from the bytes; null while uploading. */
  mediaType: string | null;
  sizeBytes: number | null;
  /** Hex SHA-256 of the bytes as received; null while uploading. */
  sha256: string | null;
  /** False once the bytes are gone (rejected, erased or past retention). */
  contentAvailable: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface SubmissionView {
  id: string;
  caseId: string;
  caseNumber: string;
  serviceId: string;
  departmentId: string;
  state: SubmissionState;
  /** The official's reason for the last review step. */
  reviewReason: string | null;
  submittedAt: string | null;
  decidedAt: string | null;
  createdAt: string;
  updatedAt: string;
  documents: DocumentView[];
  /** Required documents that have no file ready yet. */
  missingRequirementIds: string[];
}

export interface DocumentServiceView {
  id: string;
  departmentId: string;
  name: LocalizedText;
  description: LocalizedText;
  expectedDays: number;
  fee: { amount: number; currency: string } | null;
  requiredDocuments: { id: string; name: LocalizedText; mimeTypes: string[]; maxSizeBytes: number }[];
}

export const SUBMISSIONS_PAGE_SIZE = 100;

/**
 * What a complaint's filer may attach: photos or a document, each 10 MiB at most, five files a complaint (a file
 * rejected as malware does not count, so another can replace it).
 */
export const COMPLAINT_ATTACHMENT_LIMITS = {
  maxFiles: 5,
  maxBytes: 10 * 1024 * 1024,
  mediaTypes: ['image/jpeg', 'image/png', 'application/pdf'],
} as const;
