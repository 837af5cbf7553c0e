import { announce } from '../../a11y/announcer';
import { ApiError } from '../../api/client';
import { complaintIdShape, getComplaint, unfollowComplaint, type Complaint } from '../../api/complaints';
import { h } from '../../dom';
import { problemsOfError } from '../../forms/form-controller';
import { consultationsOnCase } from '../consultations/consultations-on-case';
import type { CityPageContext, PageModule } from '../page';
import { answerRows, locationOf } from './complaint-details';
import { caseNumberInText, detailsRow, historyList, serviceName, statusLabel, statusTag } from './complaint-rendering';
import { keepComplaintCurrent } from './live-status';
import { sessionEnded } from '../../auth/session-ended';
import { loadFailure } from '../page-states';
import { complaintPhotos } from './complaint-photos';
import { complaintSignedOutPrompt } from './signed-out-prompt';

/** What was reported, or when and why the city removed it. */
function reportSection(complaint: Complaint, context: CityPageContext): HTMLElement {
  const { t, format } = context;
  const answers = answerRows(complaint, context);
  return h(
    'section',
    { class: 'case-section', 'aria-labelledby': 'case-report-heading' },
    h('h2', { id: 'case-report-heading' }, t('complaints:case.reportHeading')),
    complaint.description !== null
      ? h('p', { class: 'case-description', id: 'case-description', dir: 'auto' }, complaint.description)
      : h(
          'p',
          { class: 'case-description case-description--removed', id: 'case-description-removed' },
          complaint.redacted
            ? t('complaints:case.redacted', { date: format.date(new Date(complaint.redacted.at)), reason: complaint.redacted.reason })
            : t('complaints:case.removed'),
        ),
    answers.length > 0 ? h('dl', { class: 'details', id: 'case-attributes' }, ...answers) : null,
  );
}

/** Followers may stop following: the complaint leaves their list and this page is no longer theirs to see. */
function unfollowSection(complaint: Complaint, context: CityPageContext): HTMLElement {
  const { t, language } = context;
  const button = h('button', { type: 'button', class: 'button button--secondary', id: 'case-unfollow' }, t('complaints:case.unfollow'));
  const section = h(
    'section',
    { class: 'case-section', 'aria-labelledby': 'case-following-heading' },
    h('h2', { id: 'case-following-heading' }, t('complaints:case.followingHeading')),
    h('p', null, t('complaints:case.followingIntro')),
    h('div', { class: 'form__actions' }, button),
  );
  const intercept = sessionEnded(context);
  button.addEventListener('click', () => {
    if (button.getAttribute('aria-disabled') === 'true') return;
    section.querySelector('.field__error')?.remove();
    button.setAttribute('aria-disabled', 'true');
    announce(t('shell.working'));
    unfollowComplaint(complaint.id, { language }).then(
      () => context.navigate('/complaints/mine', t('complaints:case.unfollowed', { caseNumber: caseNumberInText(complaint.caseNumber) })),
      (error: unknown) => {
        button.removeAttribute('aria-disabled');
        if (intercept(error)) return;
        const [problem] = problemsOfError(error, {});
        const text = problem && 'message' in problem ? problem.message : t('account:form.unexpectedError');
        button.parentElement?.before(h('p', { class: 'field__error', id: 'case-unfollow-error', role: 'alert' }, text));
      },
    );
  });
  return section;
}

function complaintView(complaint: Complaint, context: CityPageContext): HTMLElement[] {
  const { t, format } = context;
  const following = complaint.relation === 'following';
  return [
    h('p', { class: 'lead', id: 'case-relation' }, following ? t('complaints:case.youFollow') : t('complaints:case.youFiled')),
    h(
      'dl',
      { class: 'details', id: 'case-details' },
      detailsRow(t('complaints:track.result.caseNumber'), h('span', { dir: 'ltr' }, complaint.caseNumber), 'case-case-number'),
      detailsRow(t('complaints:track.result.service'), serviceName(complaint.serviceId, context), 'case-service'),
      detailsRow(t('complaints:track.result.status'), statusTag(complaint.status, context), 'case-status'),
      detailsRow(t('complaints:track.result.sentOn'), format.date(new Date(complaint.createdAt)), 'case-created-at'),
      detailsRow(t('complaints:track.result.expectedBy'), format.date(new Date(complaint.expectedBy)), 'case-expected-by'),
      detailsRow(t('complaints:case.location'), locationOf(complaint, context), 'case-location'),
    ),
    reportSection(complaint, context),
    following ? null : complaintPhotos(complaint, context),
    // Consultations an official opened on this case: joined from here, their transcripts read here afterwards.
    consultationsOnCase((consultation) => consultation.caseNumber === complaint.caseNumber, context),
    h(
      'section',
      { class: 'case-section', 'aria-labelledby': 'case-history-heading' },
      h('h2', { id: 'case-history-heading' }, t('complaints:track.result.historyHeading')),
      historyList(complaint, context, 'case-history', 'case-history-heading'),
    ),
    following ? unfollowSection(complaint, context) : null,
  ].filter((part) => part !== null);
}

function notFound({ t }: CityPageContext): HTMLElement {
  return h(
    'div',
    { class: 'alert', id: 'case-not-found' },
    h('p', null, t('complaints:case.notFound')),
    h(
      'ul',
      { class: 'link-list' },
      h('li', null, h('a', { href: '/complaints/mine' }, t('complaints:case.mineLink'))),
      h('li', null, h('a', { href: '/complaints/track' }, t('complaints:signedOut.trackLink'))),
    ),
  );
}

/** A complaint's page for its filer or a follower: `/complaints/case?id=<uuid>`. */
function render(context: CityPageContext): HTMLElement {
  const { t, language } = context;
  if (!context.person) return complaintSignedOutPrompt(t('complaints:case.heading'), t('complaints:case.signedOut'), 'case', context);
  const id = new URLSearchParams(window.location.search).get('id') ?? '';
  const heading = h('h1', null, t('complaints:case.heading'));
  const body = h('div', { class: 'case__body', id: 'case-body' });
  const page = h('div', { class: 'page page--case' }, heading, body);
  if (!complaintIdShape.test(id)) {
    body.replaceChildren(notFound(context));
    return page;
  }
  const intercept = sessionEnded(context);
  page.setAttribute('aria-busy', 'true');
  body.replaceChildren(h('p', { class: 'loading' }, t('complaints:case.loading')));
  getComplaint(id, { language }).then(
    (complaint) => {
      page.removeAttribute('aria-busy');
      heading.textContent = t('complaints:case.headingWithNumber', { caseNumber: caseNumberInText(complaint.caseNumber) });
      body.replaceChildren(...complaintView(complaint, context));
      announce(t('complaints:track.result.found', { caseNumber: complaint.caseNumber, status: statusLabel(complaint.status, context) }));
      const reload = () => getComplaint(id, { language });
      keepComplaintCurrent({ page, complaint, statusId: 'case-status', historyId: 'case-history', reload }, context);
    },
    (error: unknown) => {
      page.removeAttribute('aria-busy');
      if (intercept(error)) return;
      if (error instanceof ApiError && error.code === 'NOT_FOUND') {
        body.replaceChildren(notFound(context));
        return;
      }
      body.replaceChildren(loadFailure({ id: 'case', message: t('complaints:case.loadFailed'), error }, context));
    },
  );
  return page;
}

export const complaintPage: PageModule = { requiresCity: true, render };
