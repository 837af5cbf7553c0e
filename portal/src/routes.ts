/**
 * The portal's pages, as plain data. Browser tests import this file from Node to visit every route in
 * every language, so it must not touch the DOM: pages are only reached through lazy import()s.
 */
import type { PageModule } from './pages/page';

export type { PageModule };

export interface Route {
  /** Exact path, no trailing slash except for "/". */
  path: string;
  /** Key in locales/<lang>/common.json of the page's title (document title, announcement). */
  titleKey: string;
  /** Translation namespaces of the page beyond the shell's (locales/<lang>/<namespace>.json), loaded with it. */
  namespaces?: readonly string[];
  load: () => Promise<PageModule>;
}

export const routes: Route[] = [
  {
    path: '/',
    titleKey: 'home.title',
    load: () => import('./pages/home/home-page').then((m) => m.homePage),
  },
  {
    path: '/services',
    titleKey: 'services.title',
    load: () => import('./pages/services/services-page').then((m) => m.servicesPage),
  },
  {
    path: '/accessibility',
    titleKey: 'accessibility.title',
    load: () => import('./pages/accessibility/accessibility-page').then((m) => m.accessibilityPage),
  },
  {
    path: '/register',
    titleKey: 'register.title',
    namespaces: ['account'],
    load: () => import('./pages/register/register-page').then((m) => m.registerPage),
  },
  {
    path: '/sign-in',
    titleKey: 'signIn.title',
    namespaces: ['account'],
    load: () => import('./pages/sign-in/sign-in-page').then((m) => m.signInPage),
  },
  {
    path: '/account',
    titleKey: 'account.title',
    namespaces: ['account'],
    load: () => import('./pages/account/account-page').then((m) => m.accountPage),
  },
  {
    path: '/complaints/new',
    titleKey: 'complaintsNew.title',
    // The form helpers' shared texts (error summary, network errors) live in the account namespace.
    namespaces: ['complaints', 'account'],
    load: () => import('./pages/complaints/new-complaint-page').then((m) => m.newComplaintPage),
  },
  {
    path: '/complaints/track',
    titleKey: 'complaintsTrack.title',
    namespaces: ['complaints', 'account'],
    load: () => import('./pages/complaints/track-complaint-page').then((m) => m.trackComplaintPage),
  },
  {
    path: '/complaints/mine',
    titleKey: 'complaintsMine.title',
    namespaces: ['complaints', 'account'],
    load: () => import('./pages/complaints/my-complaints-page').then((m) => m.myComplaintsPage),
  },
  {
    // One complaint: /complaints/case?id=<uuid> (routes are exact paths).
    path: '/complaints/case',
    titleKey: 'complaintsCase.title',
    namespaces: ['complaints', 'account'],
    load: () => import('./pages/complaints/complaint-page').then((m) => m.complaintPage),
  },
  {
    path: '/console/complaints',
    titleKey: 'consoleInbox.title',
    // Status labels come from the complaints namespace, the form helpers' shared texts from account.
    namespaces: ['console', 'complaints', 'account'],
    load: () => import('./pages/console/inbox-page').then((m) => m.inboxPage),
  },
  {
    // One complaint: /console/complaint?id=<uuid> (routes are exact paths).
    path: '/console/complaint',
    titleKey: 'consoleComplaint.title',
    namespaces: ['console', 'complaints', 'account'],
    load: () => import('./pages/console/case-page').then((m) => m.casePage),
  },
];

/** Shown for any path that matches no route; `path` is an example of such a path for tests. */
export const notFoundRoute: Route = {
  path: '/no-such-page',
  titleKey: 'notFound.title',
  load: () => import('./pages/not-found/not-found-page').then((m) => m.notFoundPage),
};

export function normalisePath(path: string): string {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return trimmed === '' ? '/' : trimmed;
}

export function findRoute(path: string): Route {
  const wanted = normalisePath(path);
  return routes.find((route) => route.path === wanted) ?? notFoundRoute;
}
