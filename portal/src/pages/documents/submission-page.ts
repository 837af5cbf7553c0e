import { announce } from '../../a11y/announcer';
import { ApiError } from '../../api/client';
import {
  getSubmission,
  listDocumentServices,
  submissionIdShape,
  submitSubmission,
  type DocumentService,
  type Submission,
} from '../../api/documents';
import { sessionEnded } from '../../auth/session-ended';
import { h, localized } from '../../dom';
import { problemsOfError } from '../../forms/form-controller';
import { onLiveEvent, onLiveResumed } from '../../live/live-events';
import type { CityPageContext, PageModule } from '../page';
import { whenRemoved } from '../page-lifetime';
import { loadFailure, signedOutPrompt } from '../page-states';
import { caseNumberInText, documentStateText, submissionStateTag } from './document-rendering';
import { requirementBlock, type UploadBlock } from './requirement-upload';

const editableStates: readonly Submission['state'][] = ['draft', 'needs_more'];

/** Every required document has a ready file, and no file is still on its way: the API will take it. */
function readyToSend(submission: Submission): boolean {
  return (
    submission.missingRequirementIds.length === 0 &&
    submission.documents.every((document) => document.state !== 'uploading' && document.state !== 'quarantined')
  );
}

function detailsRow(term: string, value: Node | string, id: string): HTMLElement {
  return h('div', { class: 'details__row' }, h('dt', null, term), h('dd', { id }, value));
}

function notFound({ t }: CityPageContext): HTMLElement {
  return h(
    'div',
    { class: 'alert', id: 'submission-not-found' },
    h('p', null, t('documents:submission.notFound')),
    h('p', null, h('a', { href: '/documents#documents-mine' }, t('documents:submission.mineLink'))),
  );
}

/** The GOV.UK confirmation: the page's h1 in a panel with the case number, then what happens next. */
function sentConfirmation(submission: Submission, service: DocumentService, { t }: CityPageContext): HTMLElement[] {
  return [
    h(
      'div',
      { class: 'panel', id: 'submission-sent-panel' },
      h('h1', { class: 'panel__title', id: 'submission-sent-heading', tabindex: '-1' }, t('documents:submission.sent.heading')),
      h(
        'div',
        { class: 'panel__body' },
        t('documents:submission.sent.caseNumberLabel'),
        h('br'),
        h('strong', { class: 'panel__reference', id: 'submission-sent-case-number', dir: 'ltr' }, submission.caseNumber),
      ),
    ),
    h('p', { class: 'lead' }, t('documents:submission.sent.next', { count: service.expectedDays })),
    h('p', null, h('a', { href: '/documents#documents-mine', id: 'submission-mine-link' }, t('documents:submission.sent.mineLink'))),
  ];
}

/** An application shown and kept current: its details, each required document's files and upload, and sending it. */
function applicationView(first: Submission, service: DocumentService, page: HTMLElement, context: CityPageContext): HTMLElement[] {
  const { t, language } = context;
  const id = first.id;
  const intercept = sessionEnded(context);
  const state = h('span', null, submissionStateTag(first.state, context));
  const reason = h('span', { dir: 'auto' });
  const reasonRow = detailsRow(t('documents:submission.details.reviewReason'), reason, 'submission-review-reason');
  const send = h('div', { class: 'submission__send' });
  const closed = h('p', { class: 'submission__closed', id: 'submission-closed' }, t('documents:submission.closed'));
  let current = first;

  const blocks: UploadBlock[] = service.requiredDocuments.map((requirement) =>
    requirementBlock({ requirement, submissionId: id, changed: () => reload() }, context),
  );
  const blockOf = new Map(service.requiredDocuments.map((requirement, index) => [requirement.id, blocks[index]]));

  const submitButton = h('button', { type: 'button', class: 'button', id: 'submission-submit' }, t('documents:submission.submit'));
  submitButton.addEventListener('click', () => {
    if (submitButton.getAttribute('aria-disabled') === 'true') return;
    send.querySelector('.field__error')?.remove();
    submitButton.setAttribute('aria-disabled', 'true');
    announce(t('shell.working'));
    submitSubmission(id, { language }).then(
      (sent) => {
        stop();
        page.replaceChildren(...sentConfirmation(sent, service, context));
        document.getElementById('submission-sent-heading')?.focus();
      },
      (error: unknown) => {
        submitButton.removeAttribute('aria-disabled');
        if (intercept(error)) return;
        const [problem] = problemsOfError(error, {});
        const text = problem && 'message' in problem ? problem.message : t('account:form.unexpectedError');
        send.append(h('p', { class: 'field__error', id: 'submission-submit-error', role: 'alert' }, text));
      },
    );
  });

  const show = (submission: Submission, previous: Submission | null) => {
    const editable = editableStates.includes(submission.state);
    state.replaceChildren(submissionStateTag(submission.state, context));
    reason.textContent = submission.reviewReason ?? '';
    reasonRow.hidden = submission.reviewReason === null;
    closed.hidden = editable;
    for (const [requirementId, block] of blockOf) {
      block?.showFiles(
        submission.documents.filter((document) => document.requirementId === requirementId),
        editable,
      );
    }
    const ready = readyToSend(submission);
    const hadFocus = send.contains(document.activeElement);
    send.replaceChildren(ready ? submitButton : h('p', { id: 'submission-not-ready' }, t('documents:submission.notReady')));
    send.hidden = !editable;
    if (hadFocus && ready) submitButton.focus();
    if (!previous) return;
    // Said politely: each file whose state changed, and once everything is ready.
    const changes = submission.documents.flatMap((document) => {
      const before = previous.documents.find((candidate) => candidate.id === document.id);
      return before && before.state !== document.state
        ? [t('documents:submission.stateChanged', { name: document.name, state: documentStateText(document, context) })]
        : [];
    });
    if (editable && ready && !readyToSend(previous)) changes.push(t('documents:submission.allReady'));
    if (changes.length > 0) announce(changes.join(' '));
  };

  const reload = () => {
    getSubmission(id, { language }).then(
      (submission) => {
        const previous = current;
        current = submission;
        show(submission, previous);
      },
      (error: unknown) => {
        if (!intercept(error)) announce(t('documents:submission.loadFailed'));
      },
    );
  };

  const stops = [
    onLiveEvent('document.state', (event) => {
      if (event.submissionId === id) reload();
    }),
    onLiveEvent('submission.updated', (event) => {
      if (event.id === id) reload();
    }),
    onLiveResumed(reload),
  ];
  const stop = () => {
    for (const stopOne of stops.splice(0)) stopOne();
    for (const block of blocks) block.stop();
  };
  whenRemoved(page, stop);
  show(first, null);

  return [
    h(
      'dl',
      { class: 'details', id: 'submission-details' },
      detailsRow(t('documents:submission.details.caseNumber'), h('span', { dir: 'ltr' }, first.caseNumber), 'submission-case-number'),
      detailsRow(
        t('documents:submission.details.service'),
        localized('span', context.localize(service.name), language),
        'submission-service',
      ),
      detailsRow(t('documents:submission.details.state'), state, 'submission-state'),
      reasonRow,
    ),
    closed,
    h(
      'section',
      { class: 'submission__requirements', 'aria-labelledby': 'submission-requirements-heading' },
      h('h2', { id: 'submission-requirements-heading' }, t('documents:submission.requirementsHeading')),
      h('p', null, t('documents:submission.intro')),
      ...blocks.map((block) => block.root),
    ),
    h(
      'section',
      { class: 'submission__send-section', id: 'submission-send', 'aria-labelledby': 'submission-send-heading' },
      h('h2', { id: 'submission-send-heading' }, t('documents:submission.submitHeading')),
      send,
    ),
  ];
}

/** One application of a citizen: `/documents/submission?id=<uuid>`. */
function render(context: CityPageContext): HTMLElement {
  const { t, language } = context;
  if (!context.person)
    return signedOutPrompt(
      { heading: t('documents:submission.heading'), intro: t('documents:submission.signedOut'), idPrefix: 'submission' },
      context,
    );
  const id = new URLSearchParams(window.location.search).get('id') ?? '';
  const heading = h('h1', null, t('documents:submission.heading'));
  const body = h('div', { class: 'submission__body', id: 'submission-body' });
  const page = h('div', { class: 'page page--submission' }, heading, body);
  if (!submissionIdShape.test(id)) {
    body.replaceChildren(notFound(context));
    return page;
  }
  const intercept = sessionEnded(context);
  page.setAttribute('aria-busy', 'true');
  body.replaceChildren(h('p', { class: 'loading' }, t('documents:submission.loading')));
  Promise.all([getSubmission(id, { language }), listDocumentServices({ language })]).then(
    ([submission, services]) => {
      page.removeAttribute('aria-busy');
      const service = services.find((candidate) => candidate.id === submission.serviceId);
      if (!service) {
        body.replaceChildren(notFound(context));
        return;
      }
      heading.textContent = t('documents:submission.headingWithNumber', { caseNumber: caseNumberInText(submission.caseNumber) });
      body.replaceChildren(...applicationView(submission, service, page, context));
    },
    (error: unknown) => {
      page.removeAttribute('aria-busy');
      if (intercept(error)) return;
      if (error instanceof ApiError && error.code === 'NOT_FOUND') {
        body.replaceChildren(notFound(context));
        return;
      }
      body.replaceChildren(loadFailure({ id: 'submission', message: t('documents:submission.loadFailed'), error }, context));
    },
  );
  return page;
}

export const submissionPage: PageModule = { requiresCity: true, render };
