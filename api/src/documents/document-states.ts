/** States of a file: stable codes (labels come from locales). */
export const DOCUMENT_STATES = ['uploading', 'quarantined', 'ready', 'rejected'] as const;
export type DocumentState = (typeof DOCUMENT_STATES)[number];

/** Why a file was rejected. Wrong types and oversize files never become documents: they are refused at upload. */
export const REJECTION_REASONS = ['malware'] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** States of a submission (DESIGN.md): needs_more lets the citizen add files and submit again. */
export const SUBMISSION_STATES = ['draft', 'submitted', 'in_review', 'approved', 'rejected', 'needs_more'] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];

/** Where an official's review may take a submission from each state. */
export const REVIEW_STEPS: Record<SubmissionState, readonly SubmissionState[]> = {
  draft: [],
  submitted: ['in_review'],
  in_review: ['approved', 'rejected', 'needs_more'],
  approved: [],
  rejected: [],
  needs_more: [],
};

/** The citizen adds or removes files, and submits, only in these states. */
export const CITIZEN_EDITABLE: readonly SubmissionState[] = ['draft', 'needs_more'];

/** Closed: decided for good; their files are deleted after the retention period. */
export const CLOSED_SUBMISSION_STATES: readonly SubmissionState[] = ['approved', 'rejected'];

/** The decisions that must say why, so the citizen knows what to do. */
export const REASON_REQUIRED: readonly SubmissionState[] = ['rejected', 'needs_more'];
