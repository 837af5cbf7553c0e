import { announce } from '../../a11y/announcer';
import { ApiError } from '../../api/client';
import { deleteDocument, uploadDocument, type Requirement, type StoredDocument, type UploadEvents } from '../../api/documents';
import { sessionEnded } from '../../auth/session-ended';
import { h, localized } from '../../dom';
import type { LocalizedString } from '../../i18n/localized';
import type { CityPageContext } from '../page';
import { acceptsText } from './document-rendering';
import { fileItem, progressArea } from './upload-parts';

/** Files of one kind (a required document, a complaint's photos): their states, and the field that uploads another. */
export interface UploadBlock {
  readonly root: HTMLElement;
  /** Shows the files the API holds for this document; focus on a file's button stays where it was. */
  showFiles(documents: StoredDocument[], editable: boolean): void;
  /** Stops an upload under way (the page is gone); the API keeps what it received, so it can resume. */
  stop(): void;
}

interface BlockOptions {
  requirement: Requirement;
  submissionId: string;
  /** The API's files changed (uploaded or deleted): the page loads the application again. */
  changed: () => void;
}

export interface UploadBlockOptions {
  /** Names the block's elements: `#document-file-<id>`, `#document-upload-<id>`, `#document-files-<id>`… */
  id: string;
  /** What the files are, as the block's heading and in the file field's label. */
  name: LocalizedString;
  /** h3 under a page's h2 (an application's documents); h2 where the block is a section of its own. */
  headingLevel?: 'h2' | 'h3';
  /** The allowed types and size, in words, under the heading. */
  accepts: string;
  mimeTypes: readonly string[];
  /** Starts sending one file; resolves to the function that stops it. */
  send: (file: File, events: UploadEvents) => Promise<() => void>;
  /** Deletes a file, where the API lets its owner. */
  remove?: (document: StoredDocument) => Promise<void>;
  /** The field is replaced by `fullText` once this many files are kept. */
  maxFiles?: { count: number; fullText: string };
  /** What to say when the connection drops: tus uploads go on where they stopped, others start again. */
  networkFailed?: string;
  /** The API's files changed (uploaded, refused or deleted): the page loads them again. */
  changed: () => void;
}

/** Progress is said at most every quarter, so a screen reader is not flooded. */
const announcedSteps = 4;

/** One required document of an application, sent over tus so a large file resumes. */
export function requirementBlock({ requirement, submissionId, changed }: BlockOptions, context: CityPageContext): UploadBlock {
  const { language } = context;
  return uploadBlock(
    {
      id: requirement.id,
      name: context.localize(requirement.name),
      accepts: acceptsText(requirement, context),
      mimeTypes: requirement.mimeTypes,
      send: (file, events) => uploadDocument(file, { submissionId, requirementId: requirement.id }, events, { language }),
      remove: (document) => deleteDocument(document.id, { language }),
      changed,
    },
    context,
  );
}

/** The upload field with its progress, per-file errors and the files the API holds, for any kind of file. */
export function uploadBlock(options: UploadBlockOptions, context: CityPageContext): UploadBlock {
  const { t, language } = context;
  const { id, name, changed } = options;
  const headingId = `requirement-${id}-heading`;
  const acceptsId = `requirement-${id}-accepts`;
  const inputId = `document-file-${id}`;
  const errorId = `${inputId}-error`;
  const intercept = sessionEnded(context);

  const files = h('div', { class: 'requirement__files', id: `document-files-${id}` });
  const input = h('input', {
    type: 'file',
    class: 'file-input',
    id: inputId,
    name: `file-${id}`,
    accept: options.mimeTypes.join(','),
    'aria-describedby': acceptsId,
  });
  const upload = h(
    'button',
    { type: 'button', class: 'button', id: `document-upload-${id}`, 'aria-describedby': headingId },
    t('documents:submission.upload'),
  );
  const progress = progressArea(`document-progress-${id}`, context);
  const field = h(
    'div',
    { class: 'field requirement__field', id: `document-field-${id}` },
    h('label', { class: 'field__label', for: inputId }, t('documents:submission.fileLabel', { name: name.text })),
    input,
    h('div', { class: 'form__actions' }, upload),
    progress.root,
  );
  const root = h(
    'section',
    { class: 'requirement', id: `requirement-${id}`, 'aria-labelledby': headingId },
    localized(options.headingLevel ?? 'h3', name, language, { id: headingId, class: 'requirement__title' }),
    h('p', { class: 'field__hint', id: acceptsId }, options.accepts),
    files,
    field,
  );
  const full = options.maxFiles
    ? h('p', { class: 'requirement__full', id: `document-files-${id}-full`, hidden: true }, options.maxFiles.fullText)
    : null;
  if (full) field.before(full);

  const setError = (message: string | null) => {
    field.querySelector(`#${CSS.escape(errorId)}`)?.remove();
    field.classList.toggle('field--error', message !== null);
    if (message === null) {
      input.removeAttribute('aria-invalid');
      input.setAttribute('aria-describedby', acceptsId);
      return;
    }
    // The prefix ("Error:") comes from the form helpers' texts, as on every other form.
    const prefix = h('span', { class: 'visually-hidden' }, t('account:form.errorPrefix'));
    input.before(h('p', { class: 'field__error', id: errorId }, prefix, ' ', message));
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', `${acceptsId} ${errorId}`);
  };

  let stopUpload: (() => void) | null = null;
  let busy = false;
  const finish = () => {
    busy = false;
    stopUpload = null;
    upload.removeAttribute('aria-disabled');
  };

  upload.addEventListener('click', () => {
    if (busy) return;
    const file = input.files?.[0];
    if (!file) {
      setError(t('documents:submission.chooseFirst'));
      input.focus();
      return;
    }
    setError(null);
    busy = true;
    upload.setAttribute('aria-disabled', 'true');
    progress.show(t('documents:submission.progressLabel', { name: file.name }), 0);
    let announcedStep = 0;
    const events = {
      onProgress: (sent: number, total: number) => {
        const fraction = total > 0 ? sent / total : 0;
        progress.show(t('documents:submission.progressLabel', { name: file.name }), fraction);
        const step = Math.floor(fraction * announcedSteps);
        if (step > announcedStep) {
          announcedStep = step;
          announce(t('documents:submission.progressAnnounced', { name: file.name, percent: progress.percentOf(step / announcedSteps) }));
        }
      },
      onSuccess: () => {
        finish();
        input.value = '';
        progress.show(t('documents:submission.uploaded', { name: file.name }), 1);
        announce(t('documents:submission.uploaded', { name: file.name }));
        changed();
      },
      onError: (error: ApiError) => {
        finish();
        progress.hide();
        if (intercept(error)) return;
        const message = error.code === 'NETWORK_ERROR' ? (options.networkFailed ?? t('documents:submission.networkFailed')) : error.message;
        setError(message);
        announce(message);
        // A refused upload leaves nothing behind; the page drops the file it showed while it was on its way.
        changed();
      },
    };
    options.send(file, events).then(
      (stop) => {
        stopUpload = stop;
      },
      () => events.onError(new ApiError(0, 'NETWORK_ERROR', 'the upload could not start')),
    );
  });

  const onDelete = (document: StoredDocument) => {
    options.remove?.(document).then(
      () => {
        announce(t('documents:submission.deleted', { name: document.name }));
        progress.hide();
        input.focus();
        changed();
      },
      (error: unknown) => {
        if (intercept(error)) return;
        setError(error instanceof ApiError ? error.message : t('documents:submission.uploadFailed'));
      },
    );
  };

  return {
    root,
    showFiles(documents, editable) {
      const focused = document.activeElement?.closest('.requirement__files') === files ? document.activeElement.id : null;
      files.replaceChildren(
        documents.length === 0
          ? h('p', { class: 'requirement__none', id: `document-files-${id}-none` }, t('documents:submission.noFile'))
          : h(
              'ul',
              { class: 'requirement__file-list' },
              ...documents.map((file) => fileItem(file, editable && options.remove !== undefined, onDelete, context)),
            ),
      );
      const kept = documents.filter((file) => file.state !== 'rejected').length;
      const isFull = options.maxFiles !== undefined && kept >= options.maxFiles.count;
      field.hidden = !editable || isFull;
      if (full) full.hidden = !editable || !isFull;
      if (focused) document.getElementById(focused)?.focus();
    },
    stop: () => stopUpload?.(),
  };
}
