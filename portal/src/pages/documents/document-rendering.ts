import type { DocumentState, Requirement, StoredDocument, SubmissionState } from '../../api/documents';
import { h } from '../../dom';
import type { PageContext } from '../page';

/** The pieces of applications that "Documents" and an application's page show alike. */

/** Media types as people know them; the API's allow-lists use only these. */
const typeNames: Record<string, string> = { 'application/pdf': 'PDF', 'image/png': 'PNG', 'image/jpeg': 'JPEG' };

/** "PDF or PNG, up to 10 MB" in the page's language. */
export function acceptsText(requirement: Requirement, { t, format }: PageContext): string {
  const types = format.alternatives(requirement.mimeTypes.map((type) => typeNames[type] ?? type));
  return t('documents:index.accepts', { types, size: format.fileSize(requirement.maxSizeBytes) });
}

export function submissionStateTag(state: SubmissionState, { t }: PageContext): HTMLElement {
  return h('strong', { class: 'status-tag', 'data-state': state }, t(`documents:submissionState.${state}`));
}

/** uploading, being checked, ready, or rejected with the reason. */
export function documentStateText(document: Pick<StoredDocument, 'state' | 'rejectionReason'>, { t }: PageContext): string {
  const state: DocumentState = document.state;
  if (state !== 'rejected') return t(`documents:documentState.${state}`);
  return t('documents:documentState.rejected', { reason: t(`documents:rejectionReason.${document.rejectionReason ?? 'malware'}`) });
}

/** The case number inside a translated sentence, isolated left-to-right so it reads the same in Arabic. */
export function caseNumberInText(caseNumber: string): string {
  return `\u2066${caseNumber}\u2069`;
}
