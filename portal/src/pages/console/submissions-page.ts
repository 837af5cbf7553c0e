import { announce } from '../../a11y/announcer';
import { listDepartmentSubmissions, reviewPageSize, reviewQuery, type ReviewFilters } from '../../api/document-staff';
import type { Submission } from '../../api/documents';
import { sessionEnded } from '../../auth/session-ended';
import { h } from '../../dom';
import { onLiveEvent } from '../../live/live-events';
import type { CityPageContext, PageModule } from '../page';
import { whenRemoved } from '../page-lifetime';
import { loadFailure } from '../page-states';
import { accessView } from './console-access';
import { reviewFilterForm, reviewFiltersFromQuery, submissionsPath, submissionsTable } from './submissions-table';

/** The list's address for `filters`, keeping ?lang= as the router does. */
function listHref(filters: ReviewFilters): string {
  const query = reviewQuery(filters);
  const language = new URLSearchParams(window.location.search).get('lang');
  if (language) query.set('lang', language);
  const search = query.toString();
  return search ? `${submissionsPath}?${search}` : submissionsPath;
}

function pagingLinks(filters: ReviewFilters, submissions: readonly Submission[], { t }: CityPageContext): HTMLElement | null {
  const newer = filters.page > 1;
  const older = submissions.length >= reviewPageSize;
  if (!newer && !older) return null;
  const link = (page: number, id: string, rel: string, text: string) =>
    h('li', null, h('a', { href: listHref({ ...filters, page }), id, rel }, text));
  return h(
    'nav',
    { class: 'pagination', 'aria-label': t('documents:review.paging') },
    h(
      'ul',
      { class: 'pagination__list' },
      newer ? link(filters.page - 1, 'submissions-newer', 'prev', t('documents:review.newer')) : null,
      older ? link(filters.page + 1, 'submissions-older', 'next', t('documents:review.older')) : null,
    ),
  );
}

/**
 * Changes to the department's submissions as they happen (sent, decided, a file checked). Rows never move under
 * the person reading them: the change is announced politely and a button offers the list again.
 */
function watchChanges(slot: HTMLElement, context: CityPageContext, show: () => void): () => void {
  const { t } = context;
  let count = 0;
  const button = h('button', { type: 'button', class: 'button button--secondary', id: 'submissions-changed-button' });
  button.addEventListener('click', () => {
    count = 0;
    slot.replaceChildren();
    show();
  });
  const changed = () => {
    count += 1;
    button.textContent = t('documents:review.live.show', { count });
    if (!button.isConnected) slot.replaceChildren(button);
    announce(t('documents:review.live.changed', { count }));
  };
  const stops = [onLiveEvent('submission.updated', changed), onLiveEvent('document.state', changed)];
  return () => {
    for (const stop of stops) stop();
  };
}

/** The department's submissions for officials: `/console/submissions?state=&page=`, newest first. */
function render(context: CityPageContext): HTMLElement {
  const { t, language } = context;
  const denied = accessView(t('documents:review.heading'), context);
  if (denied) return denied;

  let filters = reviewFiltersFromQuery(window.location.search);
  const filtersForm = reviewFilterForm(context);
  filtersForm.show(filters);
  const results = h('div', { class: 'inbox-results', id: 'submissions-results' });
  const live = h('div', { class: 'inbox-live', id: 'submissions-live' });
  const page = h(
    'div',
    { class: 'page page--console' },
    h('h1', null, t('documents:review.heading')),
    h('p', { class: 'lead' }, t('documents:review.intro')),
    filtersForm.form,
    h('h2', { id: 'submissions-results-heading' }, t('documents:review.resultsHeading')),
    live,
    results,
  );
  const intercept = sessionEnded(context);
  let ticket = 0;

  /** `moveFocus`: the person asked for this list (filters, paging, changes), so focus goes to it. */
  const load = async (moveFocus: boolean) => {
    const mine = ++ticket;
    results.setAttribute('aria-busy', 'true');
    results.replaceChildren(h('p', { class: 'loading' }, t('documents:review.loading')));
    try {
      const submissions = await listDepartmentSubmissions(filters, { language });
      if (mine !== ticket) return;
      results.replaceChildren(
        submissions.length > 0
          ? submissionsTable(submissions, filters, context)
          : h(
              'p',
              { id: 'submissions-empty', tabindex: '-1' },
              t(filters.page > 1 ? 'documents:review.emptyPage' : 'documents:review.empty'),
            ),
      );
      const paging = pagingLinks(filters, submissions, context);
      if (paging) results.append(paging);
      if (moveFocus) {
        results.querySelector<HTMLElement>('#submissions-caption, #submissions-empty')?.focus();
        announce(t('documents:review.shown', { count: submissions.length }));
      }
    } catch (error: unknown) {
      if (mine !== ticket || intercept(error)) return;
      results.replaceChildren(
        loadFailure({ id: 'submissions', message: t('documents:review.loadFailed'), error, retry: () => void load(true) }, context),
      );
    } finally {
      if (mine === ticket) results.removeAttribute('aria-busy');
    }
  };

  /** Filters and paging stay on this page: the address changes (reload and back keep them), the list alone loads again. */
  const go = (next: ReviewFilters) => {
    const href = listHref(next);
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
  // Paging links are followed here rather than by the router, which would render the whole page again.
  results.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('#submissions-newer, #submissions-older') : null;
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    go(reviewFiltersFromQuery(new URL(link.href).search));
  });
  // The router only renders a page when the path changes: moves between this page's own addresses are ours.
  const onPopState = () => {
    if (window.location.pathname !== submissionsPath) return;
    filters = reviewFiltersFromQuery(window.location.search);
    filtersForm.show(filters);
    void load(true);
  };
  window.addEventListener('popstate', onPopState);
  const stopWatching = watchChanges(live, context, () => void load(true));
  whenRemoved(page, () => {
    window.removeEventListener('popstate', onPopState);
    stopWatching();
  });

  void load(false);
  return page;
}

export const submissionsPage: PageModule = { requiresCity: true, render };
