import type { DocumentView, SubmissionView } from './document-view.types.js';
import type { StoredDocument } from './stored-document.entity.js';
import type { Submission } from './submission.entity.js';

export function documentView(document: StoredDocument): DocumentView {
  return {
    id: document.id,
    caseId: document.caseId,
    submissionId: document.submissionId,
    requirementId: document.requirementId,
    state: document.state,
    rejectionReason: document.rejectionReason,
    name: document.originalName,
    mediaType: document.mediaType,
    sizeBytes: document.sizeBytes,
    sha256: document.sha256?.toString('hex') ?? null,
    contentAvailable: document.storageKey !== null,
    createdAt: document.createdAt.toISOString(),
    updatedAt: document.updatedAt.toISOString(),
  };
}

export function submissionView(
  submission: Submission,
  caseNumber: string,
  documents: StoredDocument[],
  requirementIds: readonly string[],
): SubmissionView {
  const ready = new Set(documents.filter((d) => d.state === 'ready').map((d) => d.requirementId));
  return {
    id: submission.id,
    caseId: submission.caseId,
    caseNumber,
    serviceId: submission.serviceId,
    departmentId: submission.departmentId,
    state: submission.state,
    reviewReason: submission.reviewReason,
    submittedAt: submission.submittedAt?.toISOString() ?? null,
    decidedAt: submission.decidedAt?.toISOString() ?? null,
    createdAt: submission.createdAt.toISOString(),
    updatedAt: submission.updatedAt.toISOString(),
    documents: documents.map(documentView),
    missingRequirementIds: requirementIds.filter((id) => !ready.has(id)),
  };
}
