import { caseNumberInText } from '../complaints/complaint-rendering';
import { ApiError } from '../../api/client';
import { listAssignees, type Assignee } from '../../api/complaint-staff';
import { complaintIdShape, getComplaint, type Complaint } from '../../api/complaints';
import { h } from '../../dom';
import { problemsOfError } from '../../forms/form-controller';
import { consultationInvite } from '../consultations/consultation-invite';
import type { CityPageContext, PageModule } from '../page';
import { caseDetails } from './case-details';
import { assignmentForm, conflictMessage, redactionForm, statusForm } from './case-forms';
import { sessionEnded } from '../../auth/session-ended';
import { accessView } from './console-access';

function assigneeText(complaint: Complaint, assignees: readonly Assignee[] | null, context: CityPageContext): string {
  const { t, person } = context;
  if (!complaint.assigneeId) return t('console:inbox.table.unassigned');
  if (complaint.assigneeId === person?.id) return t('console:inbox.table.you');
  return assignees?.find((official) => official.id === complaint.assigneeId)?.name ?? t('console:inbox.table.someoneElse');
}

/**
 * A success notification (GOV.UK style) above the h1: it takes focus, so it is read first, and the page under it
 * already shows the new state.
 */
function successBanner(message: string, context: CityPageContext): HTMLElement {
  return h(
    'div',
    { class: 'notification-banner', id: 'case-notice', role: 'status', tabindex: '-1', 'aria-labelledby': 'case-notice-title' },
    h('h2', { class: 'notification-banner__title', id: 'case-notice-title' }, context.t('console:case.notice')),
    h('p', { class: 'notification-banner__text' }, message),
  );
}

/** "Invite to a consultation": talk the complaint through with the citizen who filed it (with an account). */
function consultationSection(complaint: Complaint, context: CityPageContext): HTMLElement {
  return h(
    'section',
    { class: 'case-section', id: 'case-consultation', 'aria-labelledby': 'case-consultation-heading' },
    h('h2', { id: 'case-consultation-heading' }, context.t('consultations:console.invite')),
    consultationInvite({ complaintId: complaint.id }, 'complaint', context.t('consultations:console.invite'), context),
  );
}

function backLink(context: CityPageContext): HTMLElement {
  return h('p', null, h('a', { href: '/console/complaints', class: 'back-link', id: 'case-back-link' }, context.t('console:case.back')));
}

function render(context: CityPageContext): HTMLElement {
  const { t, language } = context;
  const denied = accessView(t('console:case.heading'), context);
  if (denied) return denied;

  const id = new URLSearchParams(window.location.search).get('id')?.trim() ?? '';
  const noticeSlot = h('div', { class: 'case-notice-slot' });
  const heading = h('h1', null, t('console:case.heading'));
  const body = h('div', { class: 'case-body', id: 'case-body' });
  const page = h('div', { class: 'page page--console page--case' }, noticeSlot, heading, backLink(context), body);
  const intercept = sessionEnded(context);
  let assignees: Assignee[] | null = null;

  const show = (complaint: Complaint, notice: string | null) => {
    heading.textContent = t('console:case.headingWithNumber', { caseNumber: caseNumberInText(complaint.caseNumber) });
    const saved = (updated: Complaint, message: string) => show(updated, message);
    const status = statusForm(complaint, context, saved, () => void conflict());
    const forms = [
      status.root,
      assignees
        ? assignmentForm(complaint, assignees, context, saved).root
        : h('p', { class: 'alert', id: 'case-assignees-error' }, t('console:case.assignment.loadFailed')),
      complaint.redacted ? null : redactionForm(complaint, context, saved).root,
      consultationSection(complaint, context),
    ];
    body.replaceChildren(
      ...caseDetails(complaint, assigneeText(complaint, assignees, context), context),
      ...forms.filter((form) => form !== null),
    );
    noticeSlot.replaceChildren();
    if (notice) {
      const banner = successBanner(notice, context);
      noticeSlot.append(banner);
      banner.focus();
    }
    return status.handle;
  };

  const failed = (error: unknown) => {
    if (intercept(error)) return;
    const notFound = error instanceof ApiError && error.code === 'NOT_FOUND';
    const [problem] = notFound ? [] : problemsOfError(error, {});
    body.replaceChildren(
      h(
        'div',
        { class: 'alert', id: 'case-load-error', role: 'alert' },
        h('p', null, t(notFound ? 'console:case.notFound' : 'console:case.loadFailed')),
        problem && 'message' in problem ? h('p', { class: 'alert__detail' }, problem.message) : null,
      ),
    );
  };

  const load = async (): Promise<Complaint | null> => {
    body.setAttribute('aria-busy', 'true');
    try {
      const [complaint, officials] = await Promise.all([getComplaint(id, { language }), listAssignees(id, { language }).catch(() => null)]);
      assignees = officials;
      return complaint;
    } catch (error: unknown) {
      failed(error);
      return null;
    } finally {
      body.removeAttribute('aria-busy');
    }
  };

  /** Another official changed the status first: show where it is now, and say what is possible from there. */
  const conflict = async () => {
    const complaint = await load();
    if (!complaint) return;
    show(complaint, null).showProblems([{ field: null, message: conflictMessage(complaint, context) }]);
  };

  if (!complaintIdShape.test(id)) {
    body.append(h('p', { class: 'alert', id: 'case-load-error' }, t('console:case.noId')));
    return page;
  }
  body.append(h('p', { class: 'loading' }, t('console:case.loading')));
  void load().then((complaint) => complaint && show(complaint, null));
  return page;
}

export const casePage: PageModule = { requiresCity: true, render };
