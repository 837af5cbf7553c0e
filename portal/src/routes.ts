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
  /** The page opens the 3D twin, so it (and only it) loads CesiumJS. */
  loadsTwin?: boolean;
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
    // The form helpers' shared texts (error summary, network errors) live in the account namespace; a place
    // picked in the 3D twin is described in the twin's.
    namespaces: ['complaints', 'account', 'twin', 'documents'],
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
    namespaces: ['complaints', 'account', 'consultations', 'documents'],
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
    namespaces: ['console', 'complaints', 'account', 'consultations'],
    load: () => import('./pages/console/case-page').then((m) => m.casePage),
  },
  {
    path: '/queues',
    titleKey: 'queues.title',
    // The form helpers' shared texts (error summary, network errors) live in the account namespace.
    namespaces: ['queues', 'account', 'consultations'],
    load: () => import('./pages/queues/take-ticket-page').then((m) => m.takeTicketPage),
  },
  {
    path: '/queues/board',
    titleKey: 'queuesBoard.title',
    namespaces: ['queues', 'account'],
    load: () => import('./pages/queues/board-page').then((m) => m.boardPage),
  },
  {
    path: '/console/counters',
    titleKey: 'consoleCounters.title',
    namespaces: ['console', 'queues', 'account'],
    load: () => import('./pages/console/counters-page').then((m) => m.countersPage),
  },
  {
    // One counter's console: /console/counter?id=<counter id> (routes are exact paths).
    path: '/console/counter',
    titleKey: 'consoleCounter.title',
    namespaces: ['console', 'queues', 'account', 'consultations'],
    load: () => import('./pages/console/counter-page').then((m) => m.counterPage),
  },
  {
    path: '/appointments',
    titleKey: 'appointmentsMine.title',
    // The form helpers' shared texts (error summary, network errors) live in the account namespace.
    namespaces: ['appointments', 'account', 'consultations'],
    load: () => import('./pages/appointments/my-appointments-page').then((m) => m.myAppointmentsPage),
  },
  {
    // Preselects with ?service=<service id>&official=<official id> (the 3D twin links here).
    path: '/appointments/new',
    titleKey: 'appointmentsNew.title',
    namespaces: ['appointments', 'account'],
    load: () => import('./pages/appointments/new-appointment-page').then((m) => m.newAppointmentPage),
  },
  {
    // One appointment: /appointments/reschedule?id=<uuid> (routes are exact paths).
    path: '/appointments/reschedule',
    titleKey: 'appointmentsReschedule.title',
    namespaces: ['appointments', 'account'],
    load: () => import('./pages/appointments/reschedule-page').then((m) => m.reschedulePage),
  },
  {
    path: '/console/calendar',
    titleKey: 'consoleCalendar.title',
    namespaces: ['console', 'appointments', 'account', 'consultations'],
    load: () => import('./pages/console/calendar-page').then((m) => m.calendarPage),
  },
  {
    path: '/documents',
    titleKey: 'documents.title',
    // The form helpers' shared texts (error summary, network errors) live in the account namespace.
    namespaces: ['documents', 'account'],
    load: () => import('./pages/documents/documents-page').then((m) => m.documentsPage),
  },
  {
    // One application: /documents/submission?id=<uuid> (routes are exact paths).
    path: '/documents/submission',
    titleKey: 'documentsSubmission.title',
    namespaces: ['documents', 'account'],
    load: () => import('./pages/documents/submission-page').then((m) => m.submissionPage),
  },
  {
    // One consultation's room: /consultations/room?id=<uuid> (routes are exact paths); read-only once it has ended.
    path: '/consultations/room',
    titleKey: 'consultationsRoom.title',
    namespaces: ['consultations', 'account'],
    load: () => import('./pages/consultations/consultation-room-page').then((m) => m.consultationRoomPage),
  },
  {
    path: '/console/submissions',
    titleKey: 'consoleSubmissions.title',
    // The console's access texts live in its namespace, the form helpers' shared texts in account.
    namespaces: ['documents', 'console', 'account'],
    load: () => import('./pages/console/submissions-page').then((m) => m.submissionsPage),
  },
  {
    // One application under review: /console/submission?id=<uuid> (routes are exact paths).
    path: '/console/submission',
    titleKey: 'consoleSubmission.title',
    namespaces: ['documents', 'console', 'account'],
    load: () => import('./pages/console/submission-review-page').then((m) => m.submissionReviewPage),
  },
  {
    path: '/twin',
    titleKey: 'twin.title',
    namespaces: ['twin'],
    loadsTwin: true,
    load: () => import('./pages/twin/twin-page').then((m) => m.twinPage),
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
