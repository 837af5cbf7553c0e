import type { DocumentService } from '../../../../api/src/city/city-pack.types';
import { announce } from '../../a11y/announcer';
import { ApiError } from '../../api/client';
import { getSubmission, submissionIdShape, type StoredDocument, type Submission } from '../../api/documents';
import { sessionEnded } from '../../auth/session-ended';
import { h, localized } from '../../dom';
import { onLiveEvent, onLiveResumed } from '../../live/live-events';
import type { CityPageContext, PageModule } from '../page';
import { whenRemoved } from '../page-lifetime';
import { loadFailure } from '../page-states';
import { caseNumberInText, submissionStateTag } from '../documents/document-rendering';
import { reviewFiles } from './submission-review-files';
import { reviewForm } from './submission-review-form';
import { accessView } from './console-access';
import { submissionsPath } from './submissions-table';

/** A success notification (GOV.UK style) above the h1: it takes focus, so it is read first. */
function successBanner(message: string, { t }: CityPageContext): HTMLElement {
  return h(
    'div',
    { class: 'notification-banner', id: 'review-notice', role: 'status', tabindex: '-1', 'aria-labelledby': 'review-notice-title' },
    h('h2', { class: 'notification-banner__title', id: 'review-notice-title' }, t('documents:review.notice')),
    h('p', { class: 'notification-banner__text' }, message),
  );
}

function detailsOf(submission: Submission, service: DocumentService | undefined, context: CityPageContext): HTMLElement {
  const { t, format, language } = context;
  type DetailKey = 'caseNumber' | 'service' | 'state' | 'submittedAt' | 'decidedAt' | 'reviewReason';
  const row = (key: DetailKey, value: Node | string, id: string) =>
    h('div', { class: 'details__row' }, h('dt', null, t(`documents:review.details.${key}`)), h('dd', { id }, value));
  const when = (instant: string) => h('time', { datetime: instant }, format.dateTime(new Date(instant)));
  return h(
    'dl',
    { class: 'details', id: 'review-details' },
    row('caseNumber', h('span', { dir: 'ltr' }, submission.caseNumber), 'review-case-number'),
    row('service', service ? localized('span', context.localize(service.name), language) : submission.serviceId, 'review-service'),
    row('state', submissionStateTag(submission.state, context), 'review-state'),
    submission.submittedAt ? row('submittedAt', when(submission.submittedAt), 'review-submitted-at') : null,
    submission.decidedAt ? row('decidedAt', when(submission.decidedAt), 'review-decided-at') : null,
    submission.reviewReason ? row('reviewReason', h('span', { dir: 'auto' }, submission.reviewReason), 'review-reason-given') : null,
  );
}

/** What the decision section says when there is nothing to decide. */
function noDecision(submission: Submission, { t }: CityPageContext): HTMLElement {
  const key = submission.state === 'approved' || submission.state === 'rejected' ? 'decidedAlready' : 'withCitizen';
  return h(
    'section',
    { class: 'case-section', id: 'review-decision-section', 'aria-labelledby': 'review-decision-heading' },
    h('h2', { id: 'review-decision-heading' }, t('documents:review.decision.heading')),
    h('p', { id: 'review-no-decision' }, t(`documents:review.decision.${key}`)),
  );
}

/** One application as an official reviews it: `/console/submission?id=<uuid>`. */
function render(context: CityPageContext): HTMLElement {
  const { t, language } = context;
  const denied = accessView(t('documents:review.caseHeading'), context);
  if (denied) return denied;

  const id = new URLSearchParams(window.location.search).get('id')?.trim() ?? '';
  const noticeSlot = h('div', { class: 'case-notice-slot' });
  const heading = h('h1', null, t('documents:review.caseHeading'));
  const back = h('p', null, h('a', { href: submissionsPath, class: 'back-link', id: 'review-back-link' }, t('documents:review.back')));
  const body = h('div', { class: 'case-body', id: 'review-body' });
  const page = h('div', { class: 'page page--console page--case' }, noticeSlot, heading, back, body);
  const intercept = sessionEnded(context);
  if (!submissionIdShape.test(id)) {
    body.append(h('p', { class: 'alert', id: 'review-not-found' }, t('documents:review.notFound')));
    return page;
  }

  const details = h('div', { id: 'review-details-slot' });
  const files = h('div', { id: 'review-files-slot' });
  const decision = h('div', { id: 'review-decision-slot' });
  let current: Submission | null = null;

  /** Shows `submission`; the decision form is made again only when the state changed, so nothing typed is lost. */
  const show = (submission: Submission, notice: string | null) => {
    // A live refresh asked for before this person's own step may answer after it: an older state is not shown.
    if (current && Date.parse(submission.updatedAt) < Date.parse(current.updatedAt)) return;
    const previous = current;
    current = submission;
    const service = context.city.services.find(
      (candidate): candidate is DocumentService => candidate.id === submission.serviceId && candidate.kind === 'document',
    );
    heading.textContent = t('documents:review.caseHeadingWithNumber', { caseNumber: caseNumberInText(submission.caseNumber) });
    details.replaceChildren(detailsOf(submission, service, context));
    const focused = files.contains(document.activeElement) ? document.activeElement?.id : undefined;
    files.replaceChildren(reviewFiles(submission, service, released, context));
    if (focused) (document.getElementById(focused) ?? document.getElementById('review-files-heading'))?.focus();
    if (previous?.state !== submission.state) {
      const decidable = submission.state === 'submitted' || submission.state === 'in_review';
      decision.replaceChildren(
        decidable
          ? reviewForm(
              submission,
              context,
              (updated, message) => show(updated, message),
              () => void conflict(),
            ).root
          : noDecision(submission, context),
      );
      if (previous && !notice) announce(t('documents:review.stateChanged', { state: t(`documents:submissionState.${submission.state}`) }));
    }
    // A live refresh keeps the banner of the person's last step (the API's own events follow every step).
    if (notice) {
      const banner = successBanner(notice, context);
      noticeSlot.replaceChildren(banner);
      banner.focus();
    }
  };

  const load = async (): Promise<Submission | null> => {
    body.setAttribute('aria-busy', 'true');
    try {
      return await getSubmission(id, { language });
    } catch (error: unknown) {
      if (intercept(error)) return null;
      const notFound = error instanceof ApiError && error.code === 'NOT_FOUND';
      body.replaceChildren(
        notFound
          ? h('p', { class: 'alert', id: 'review-not-found' }, t('documents:review.notFound'))
          : loadFailure({ id: 'review', message: t('documents:review.caseLoadFailed'), error, retry: () => void first() }, context),
      );
      return null;
    } finally {
      body.removeAttribute('aria-busy');
    }
  };

  const refresh = () => void load().then((submission) => submission && show(submission, null));
  const released = (document: StoredDocument) => {
    void load().then((submission) => submission && show(submission, t('documents:review.files.released', { name: document.name })));
  };
  /** Another official decided first: show where it is now. */
  const conflict = async () => {
    const submission = await load();
    if (!submission) return;
    show(submission, null);
    const text = t('documents:review.conflict', { state: t(`documents:submissionState.${submission.state}`) });
    const alert = h('div', { class: 'alert', id: 'review-conflict', role: 'alert', tabindex: '-1' }, h('p', null, text));
    noticeSlot.replaceChildren(alert);
    alert.focus();
  };
  const first = async () => {
    body.replaceChildren(h('p', { class: 'loading' }, t('documents:review.caseLoading')));
    const submission = await load();
    if (!submission) return;
    body.replaceChildren(details, files, decision);
    show(submission, null);
  };

  const stops = [
    onLiveEvent('submission.updated', (event) => {
      if (event.id === id && current) refresh();
    }),
    onLiveEvent('document.state', (event) => {
      if (event.submissionId === id && current) refresh();
    }),
    onLiveResumed(() => current && refresh()),
  ];
  whenRemoved(page, () => {
    for (const stop of stops) stop();
  });
  void first();
  return page;
}

export const submissionReviewPage: PageModule = { requiresCity: true, render };
