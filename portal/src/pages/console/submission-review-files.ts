import { announce } from '../../a11y/announcer';
import { ApiError } from '../../api/client';
import { documentContentHref, releaseDocument } from '../../api/document-staff';
import type { DocumentService } from '../../../../api/src/city/city-pack.types';
import type { StoredDocument, Submission } from '../../api/documents';
import { sessionEnded } from '../../auth/session-ended';
import { h, localized } from '../../dom';
import type { CityPageContext } from '../page';
import { documentStateText } from '../documents/document-rendering';

/** Media types as people know them. */
const typeNames: Record<string, string> = { 'application/pdf': 'PDF', 'image/png': 'PNG', 'image/jpeg': 'JPEG' };

function fact(term: string, value: Node | string): HTMLElement[] {
  return [h('dt', null, term), h('dd', null, value)];
}

/**
 * One file as an official checks it: its state, type, size and sha256 (to compare with a copy the citizen keeps),
 * a download while its bytes may leave (ready, or held for a check without a scanner), and "release" while held.
 */
function fileItem(document: StoredDocument, released: (document: StoredDocument) => void, context: CityPageContext): HTMLElement {
  const { t, language, format } = context;
  const intercept = sessionEnded(context);
  const nameText = h('span', { class: 'visually-hidden' }, ` ${document.name}`);
  const actions = h('div', { class: 'form__actions review-file__actions' });
  if (document.contentAvailable && (document.state === 'ready' || document.state === 'quarantined')) {
    actions.append(
      h(
        'a',
        { href: documentContentHref(document.id), id: `review-download-${document.id}`, download: '' },
        t('documents:review.files.download'),
        nameText.cloneNode(true),
      ),
    );
  }
  if (document.state === 'quarantined') {
    const release = h(
      'button',
      { type: 'button', class: 'button button--secondary button--small', id: `review-release-${document.id}` },
      t('documents:review.files.release'),
      nameText,
    );
    const problem = h('p', { class: 'field__error', id: `review-release-${document.id}-error`, role: 'alert', hidden: true });
    release.addEventListener('click', () => {
      if (release.getAttribute('aria-disabled') === 'true') return;
      release.setAttribute('aria-disabled', 'true');
      problem.hidden = true;
      announce(t('shell.working'));
      releaseDocument(document.id, { language }).then(released, (error: unknown) => {
        release.removeAttribute('aria-disabled');
        if (intercept(error)) return;
        problem.textContent = error instanceof ApiError ? error.message : t('account:form.unexpectedError');
        problem.hidden = false;
      });
    });
    actions.append(release, problem);
  }
  const details = h(
    'dl',
    { class: 'review-file__facts' },
    ...fact(t('documents:review.files.state'), h('strong', { id: `review-state-${document.id}` }, documentStateText(document, context))),
    ...(document.mediaType ? fact(t('documents:review.files.type'), typeNames[document.mediaType] ?? document.mediaType) : []),
    ...(document.sizeBytes === null ? [] : fact(t('documents:review.files.size'), format.fileSize(document.sizeBytes))),
    ...(document.sha256
      ? fact(t('documents:review.files.sha256'), h('code', { class: 'review-file__hash', dir: 'ltr' }, document.sha256))
      : []),
  );
  return h(
    'li',
    { class: 'review-file', id: `review-file-${document.id}`, 'data-state': document.state },
    h('p', { class: 'review-file__name' }, h('strong', { dir: 'auto' }, document.name)),
    details,
    actions.childElementCount > 0 ? actions : null,
  );
}

/** The citizen's files, under each document the service asks for; `released` is told of a file released by hand. */
export function reviewFiles(
  submission: Submission,
  service: DocumentService | undefined,
  released: (document: StoredDocument) => void,
  context: CityPageContext,
): HTMLElement {
  const { t, language } = context;
  const requirements = service?.requiredDocuments ?? [];
  const known = new Set(requirements.map((requirement) => requirement.id));
  const groups = [
    ...requirements.map((requirement) => ({
      id: requirement.id,
      name: localized('h3', context.localize(requirement.name), language, { id: `review-requirement-${requirement.id}` }),
      files: submission.documents.filter((document) => document.requirementId === requirement.id),
    })),
    {
      id: 'other',
      name: h('h3', { id: 'review-requirement-other' }, t('documents:review.files.other')),
      files: submission.documents.filter((document) => !known.has(document.requirementId ?? '')),
    },
  ].filter((group) => group.id !== 'other' || group.files.length > 0);
  return h(
    'section',
    { class: 'case-section', id: 'review-files', 'aria-labelledby': 'review-files-heading' },
    h('h2', { id: 'review-files-heading' }, t('documents:review.files.heading')),
    ...groups.map((group) =>
      h(
        'div',
        { class: 'review-requirement', id: `review-files-${group.id}` },
        group.name,
        group.files.length === 0
          ? h('p', { class: 'muted' }, t('documents:review.files.none'))
          : h('ul', { class: 'review-file-list' }, ...group.files.map((document) => fileItem(document, released, context))),
      ),
    ),
  );
}
