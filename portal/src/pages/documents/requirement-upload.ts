import { announce } from '../../a11y/announcer';
import { ApiError } from '../../api/client';
import { deleteDocument, uploadDocument, type Requirement, type StoredDocument } from '../../api/documents';
import { sessionEnded } from '../../auth/session-ended';
import { h, localized } from '../../dom';
import type { CityPageContext } from '../page';
import { acceptsText, documentStateText } from './document-rendering';

/** One required document of an application: its files and their states, and the field that uploads another. */
export interface RequirementBlock {
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

/** Progress is said at most every quarter, so a screen reader is not flooded. */
const announcedSteps = 4;

function progressArea(id: string, context: CityPageContext) {
  const label = h('label', { class: 'upload-progress__label', for: `${id}-bar` });
  const bar = h('progress', { class: 'upload-progress__bar', id: `${id}-bar`, max: '100' });
  const percent = h('span', { class: 'upload-progress__percent', id: `${id}-percent`, 'aria-hidden': 'true' });
  const root = h('div', { class: 'upload-progress', id, hidden: true }, label, bar, percent);
  const percents = new Intl.NumberFormat(context.language, { style: 'percent' });
  return {
    root,
    show(text: string, fraction: number) {
      root.hidden = false;
      label.textContent = text;
      bar.value = Math.round(fraction * 100);
      percent.textContent = percents.format(fraction);
    },
    hide: () => {
      root.hidden = true;
    },
    percentOf: (fraction: number) => percents.format(fraction),
  };
}

function fileItem(
  document: StoredDocument,
  editable: boolean,
  onDelete: (document: StoredDocument) => void,
  context: CityPageContext,
): HTMLElement {
  const { t } = context;
  const remove = editable
    ? h(
        'button',
        { type: 'button', class: 'button button--secondary button--small', id: `document-delete-${document.id}` },
        t('documents:submission.delete'),
        h('span', { class: 'visually-hidden' }, ` ${document.name}`),
      )
    : null;
  remove?.addEventListener('click', () => onDelete(document));
  return h(
    'li',
    { class: 'requirement__file', id: `document-${document.id}`, 'data-state': document.state },
    h('span', { class: 'requirement__file-name', dir: 'auto' }, document.name),
    ' — ',
    h('strong', { class: 'requirement__file-state', id: `document-state-${document.id}` }, documentStateText(document, context)),
    remove,
  );
}

export function requirementBlock({ requirement, submissionId, changed }: BlockOptions, context: CityPageContext): RequirementBlock {
  const { t, language } = context;
  const id = requirement.id;
  const headingId = `requirement-${id}-heading`;
  const acceptsId = `requirement-${id}-accepts`;
  const inputId = `document-file-${id}`;
  const errorId = `${inputId}-error`;
  const name = context.localize(requirement.name);
  const intercept = sessionEnded(context);

  const files = h('div', { class: 'requirement__files', id: `document-files-${id}` });
  const input = h('input', {
    type: 'file',
    class: 'file-input',
    id: inputId,
    name: `file-${id}`,
    accept: requirement.mimeTypes.join(','),
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
    localized('h3', name, language, { id: headingId, class: 'requirement__title' }),
    h('p', { class: 'field__hint', id: acceptsId }, acceptsText(requirement, context)),
    files,
    field,
  );

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
        const message = error.code === 'NETWORK_ERROR' ? t('documents:submission.networkFailed') : error.message;
        setError(message);
        announce(message);
        // A refused upload leaves nothing behind; the page drops the file it showed while it was on its way.
        changed();
      },
    };
    uploadDocument(file, { submissionId, requirementId: id }, events, { language }).then(
      (stop) => {
        stopUpload = stop;
      },
      () => events.onError(new ApiError(0, 'NETWORK_ERROR', 'the upload could not start')),
    );
  });

  const onDelete = (document: StoredDocument) => {
    deleteDocument(document.id, { language }).then(
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
          : h('ul', { class: 'requirement__file-list' }, ...documents.map((file) => fileItem(file, editable, onDelete, context))),
      );
      field.hidden = !editable;
      if (focused) document.getElementById(focused)?.focus();
    },
    stop: () => stopUpload?.(),
  };
}
