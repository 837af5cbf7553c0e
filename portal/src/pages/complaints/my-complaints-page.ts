import { announce } from '../../a11y/announcer';
import { complaintsPageSize, listMyComplaints, type Complaint } from '../../api/complaints';
import { h } from '../../dom';
import type { CityPageContext, PageModule } from '../page';
import { serviceName, statusTag } from './complaint-rendering';
import { sessionEnded } from '../../auth/session-ended';
import { loadFailure } from '../page-states';
import { complaintSignedOutPrompt } from './signed-out-prompt';

/** One complaint a row: the case number (a link to its page, marked when followed), kind, status and dates. */
function complaintRow(complaint: Complaint, dates: Intl.DateTimeFormat, context: CityPageContext): HTMLElement {
  const { t } = context;
  const following = complaint.relation === 'following';
  return h(
    'tr',
    { 'data-case-number': complaint.caseNumber, 'data-relation': complaint.relation ?? 'filed' },
    h(
      'th',
      { scope: 'row' },
      h('a', { href: `/complaints/case?id=${encodeURIComponent(complaint.id)}`, dir: 'ltr' }, complaint.caseNumber),
      following ? h('span', { class: 'tag tag--following' }, t('complaints:mine.following')) : null,
    ),
    h('td', null, serviceName(complaint.serviceId, context)),
    h('td', null, statusTag(complaint.status, context)),
    h('td', null, h('time', { datetime: complaint.createdAt }, dates.format(new Date(complaint.createdAt)))),
    h('td', null, h('time', { datetime: complaint.expectedBy }, dates.format(new Date(complaint.expectedBy)))),
  );
}

function complaintsTable(complaints: Complaint[], context: CityPageContext): HTMLElement {
  const { t, language, city } = context;
  const dates = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: city.timeZone });
  const column = (text: string) => h('th', { scope: 'col' }, text);
  return h(
    'table',
    { class: 'table complaints-table', id: 'mine-table' },
    h('caption', { class: 'visually-hidden' }, t('complaints:mine.caption')),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        column(t('complaints:mine.columns.caseNumber')),
        column(t('complaints:mine.columns.service')),
        column(t('complaints:mine.columns.status')),
        column(t('complaints:mine.columns.filed')),
        column(t('complaints:mine.columns.expectedBy')),
      ),
    ),
    h('tbody', null, ...complaints.map((complaint) => complaintRow(complaint, dates, context))),
  );
}

function emptyState({ t }: CityPageContext): HTMLElement {
  return h(
    'div',
    { class: 'empty-state', id: 'mine-empty' },
    h('p', null, t('complaints:mine.empty')),
    h('p', null, h('a', { href: '/complaints/new', class: 'button', id: 'mine-new-link' }, t('complaints:mine.fileOne'))),
  );
}

/** The list, a page of 50 at a time: a full page means there may be more, so "Next" shows. */
function listSection(context: CityPageContext): HTMLElement {
  const { t, language } = context;
  const heading = h('h2', { id: 'mine-list-heading', tabindex: '-1' }, t('complaints:mine.listHeading'));
  const body = h('div', { class: 'mine__body' });
  const section = h('section', { class: 'mine', id: 'mine-list', 'aria-labelledby': 'mine-list-heading' }, heading, body);
  const intercept = sessionEnded(context);

  const pager = (page: number, count: number): HTMLElement | null => {
    const hasPrevious = page > 1;
    const hasNext = count >= complaintsPageSize;
    if (!hasPrevious && !hasNext) return null;
    const button = (id: string, text: string, target: number) => {
      const element = h('button', { type: 'button', class: 'button button--secondary', id }, text);
      element.addEventListener('click', () => load(target, true));
      return element;
    };
    return h(
      'nav',
      { class: 'pager', 'aria-label': t('complaints:mine.pager.label') },
      hasPrevious ? button('mine-previous', t('complaints:mine.pager.previous'), page - 1) : null,
      h('p', { class: 'pager__current', id: 'mine-page' }, t('complaints:mine.pager.current', { page: context.format.number(page) })),
      hasNext ? button('mine-next', t('complaints:mine.pager.next'), page + 1) : null,
    );
  };

  /** `moved`: the person asked for another page (or to try again), so focus goes to the list's heading. */
  function load(page: number, moved: boolean): void {
    section.setAttribute('aria-busy', 'true');
    body.replaceChildren(h('p', { class: 'loading' }, t('complaints:mine.loading')));
    listMyComplaints(page, { language }).then(
      (complaints) => {
        section.removeAttribute('aria-busy');
        if (complaints.length === 0 && page === 1) body.replaceChildren(emptyState(context));
        else body.replaceChildren(complaintsTable(complaints, context), pager(page, complaints.length) ?? '');
        if (moved) {
          heading.focus();
          announce(t('complaints:mine.pager.shown', { page: context.format.number(page) }));
        }
      },
      (error: unknown) => {
        section.removeAttribute('aria-busy');
        if (intercept(error)) return;
        body.replaceChildren(
          loadFailure({ id: 'mine', message: t('complaints:mine.loadFailed'), error, retry: () => load(page, true) }, context),
        );
        if (moved) {
          document.getElementById('mine-retry')?.focus();
          announce(t('complaints:mine.loadFailed'));
        }
      },
    );
  }
  load(1, false);
  return section;
}

function render(context: CityPageContext): HTMLElement {
  const { t, person } = context;
  if (!person) return complaintSignedOutPrompt(t('complaints:mine.heading'), t('complaints:mine.signedOut'), 'mine', context);
  const page = h('div', { class: 'page page--mine' }, h('h1', null, t('complaints:mine.heading')));
  // Officials' and admins' lists are their department's inbox, which is not what this page is about.
  if (person.role !== 'citizen') {
    page.append(h('p', { class: 'lead', id: 'mine-staff' }, t('complaints:mine.staff')));
    return page;
  }
  page.append(
    h('p', { class: 'lead' }, t('complaints:mine.intro')),
    h('p', null, h('a', { href: '/complaints/new', class: 'link-arrow', id: 'mine-report-link' }, t('complaints:mine.report'))),
    listSection(context),
  );
  return page;
}

export const myComplaintsPage: PageModule = { requiresCity: true, render };
