import { announce } from '../../a11y/announcer';
import { inboxPageSize, inboxQuery, listAssignees, listInbox, type InboxFilters } from '../../api/complaint-staff';
import type { Complaint } from '../../api/complaints';
import { h } from '../../dom';
import { problemsOfError } from '../../forms/form-controller';
import type { CityPageContext, PageModule } from '../page';
import { whenRemoved } from '../page-lifetime';
import { sessionEnded } from '../../auth/session-ended';
import { accessView } from './console-access';
import { filterForm, filtersFromQuery } from './inbox-filters';
import { inboxTable, type AssigneeNames } from './inbox-table';
import { watchNewComplaints } from './new-complaints';

const inboxPath = '/console/complaints';

/** The inbox's address for `filters`, keeping ?lang= as the router does. */
function inboxHref(filters: InboxFilters): string {
  const query = inboxQuery(filters);
  const language = new URLSearchParams(window.location.search).get('lang');
  if (language) query.set('lang', language);
  const search = query.toString();
  return search ? `${inboxPath}?${search}` : inboxPath;
}

/**
 * Names of the officials the listed complaints are assigned to: one request per department in the list (the
 * assignees of any of its complaints are the department's officials). Without them the column says less.
 */
async function assigneeNames(complaints: readonly Complaint[], language: string): Promise<AssigneeNames> {
  const byDepartment = new Map<string, string>();
  for (const complaint of complaints) {
    if (complaint.assigneeId && !byDepartment.has(complaint.departmentId)) byDepartment.set(complaint.departmentId, complaint.id);
  }
  const lists = await Promise.all([...byDepartment.values()].map((id) => listAssignees(id, { language }).catch(() => [])));
  return new Map(lists.flat().map((official) => [official.id, official.name]));
}

function pagingLinks(filters: InboxFilters, complaints: readonly Complaint[], context: CityPageContext): HTMLElement | null {
  const { t } = context;
  const newer = filters.page > 1;
  const older = complaints.length >= inboxPageSize;
  if (!newer && !older) return null;
  return h(
    'nav',
    { class: 'pagination', 'aria-label': t('console:inbox.paging') },
    h(
      'ul',
      { class: 'pagination__list' },
      newer
        ? h(
            'li',
            null,
            h('a', { href: inboxHref({ ...filters, page: filters.page - 1 }), id: 'inbox-newer', rel: 'prev' }, t('console:inbox.newer')),
          )
        : null,
      older
        ? h(
            'li',
            null,
            h('a', { href: inboxHref({ ...filters, page: filters.page + 1 }), id: 'inbox-older', rel: 'next' }, t('console:inbox.older')),
          )
        : null,
    ),
  );
}

function render(context: CityPageContext): HTMLElement {
  const { t, language } = context;
  const denied = accessView(t('console:inbox.heading'), context);
  if (denied) return denied;

  let filters = filtersFromQuery(window.location.search, context);
  const filtersForm = filterForm(context);
  filtersForm.show(filters);
  const results = h('div', { class: 'inbox-results', id: 'inbox-results' });
  const live = h('div', { class: 'inbox-live', id: 'inbox-live' });
  const page = h(
    'div',
    { class: 'page page--console' },
    h('h1', null, t('console:inbox.heading')),
    h('p', { class: 'lead' }, t('console:inbox.intro')),
    filtersForm.form,
    h('h2', { id: 'inbox-results-heading' }, t('console:inbox.resultsHeading')),
    live,
    results,
  );
  const intercept = sessionEnded(context);
  let ticket = 0;

  /** `moveFocus`: the person asked for this list (filters, paging, new complaints), so focus goes to it. */
  const load = async (moveFocus: boolean) => {
    const mine = ++ticket;
    results.setAttribute('aria-busy', 'true');
    results.replaceChildren(h('p', { class: 'loading' }, t('console:inbox.loading')));
    try {
      const complaints = await listInbox(filters, { language });
      const names = await assigneeNames(complaints, language);
      if (mine !== ticket) return;
      results.replaceChildren(
        complaints.length > 0
          ? inboxTable(complaints, filters, names, context)
          : h('p', { id: 'inbox-empty', tabindex: '-1' }, t(filters.page > 1 ? 'console:inbox.emptyPage' : 'console:inbox.empty')),
      );
      const paging = pagingLinks(filters, complaints, context);
      if (paging) results.append(paging);
      if (moveFocus) {
        results.querySelector<HTMLElement>('#inbox-caption, #inbox-empty')?.focus();
        announce(t('console:inbox.shown', { count: complaints.length }));
      }
    } catch (error: unknown) {
      if (mine !== ticket || intercept(error)) return;
      const retry = h('button', { type: 'button', class: 'button button--secondary', id: 'inbox-retry' }, t('console:inbox.retry'));
      retry.addEventListener('click', () => void load(true));
      const [problem] = problemsOfError(error, {});
      results.replaceChildren(
        h(
          'div',
          { class: 'alert', id: 'inbox-load-error', role: 'alert' },
          h('p', null, t('console:inbox.loadFailed')),
          problem && 'message' in problem ? h('p', { class: 'alert__detail' }, problem.message) : null,
        ),
        h('p', null, retry),
      );
    } finally {
      if (mine === ticket) results.removeAttribute('aria-busy');
    }
  };

  /**
   * Filters and paging stay on this page: the address changes (so reload and the back button keep them) and
   * the list alone is loaded again, with focus on its caption. The same address is replaced, not added.
   */
  const go = (next: InboxFilters) => {
    const href = inboxHref(next);
    if (href === window.location.pathname + window.location.search) window.history.replaceState(null, '', href);
    else window.history.pushState(null, '', href);
    filters = next;
    filtersForm.show(filters);
    void load(true);
  };

  filtersForm.form.addEventListener('submit', (event) => {
    event.preventDefault();
    go(filtersForm.read());
  });
  // Links to other pages of the list are followed here rather than by the router, which would render the
  // whole page again and move focus to its h1. The router leaves clicks already handled alone.
  results.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('#inbox-newer, #inbox-older') : null;
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    go(filtersFromQuery(new URL(link.href).search, context));
  });
  // The router only renders a page when the path changes: moves between this page's own addresses are ours.
  const onPopState = () => {
    if (window.location.pathname !== inboxPath) return;
    filters = filtersFromQuery(window.location.search, context);
    filtersForm.show(filters);
    void load(true);
  };
  window.addEventListener('popstate', onPopState);

  const stopWatching = watchNewComplaints(live, context, () => go({ ...filters, page: 1 }));
  whenRemoved(page, () => {
    window.removeEventListener('popstate', onPopState);
    stopWatching();
  });

  void load(false);
  return page;
}

export const inboxPage: PageModule = { requiresCity: true, render };
