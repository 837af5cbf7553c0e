import { currentPerson, onSessionChange } from '../auth/session';
import { h } from '../dom';
import { t } from '../i18n/i18n';
import { normalisePath } from '../routes';

const staffLinks = [
  { id: 'primary-nav-complaints-inbox', href: '/console/complaints', key: 'nav.complaintsInbox' },
  { id: 'primary-nav-counter-console', href: '/console/counters', key: 'nav.counterConsole' },
  { id: 'primary-nav-calendar', href: '/console/calendar', key: 'nav.calendar' },
  { id: 'primary-nav-submissions-review', href: '/console/submissions', key: 'nav.submissionsReview' },
] as const;

/** The officials' pages are in the menu for officials and admins only; the rest of the menu is index.html's. */
function updateStaffLink(nav: HTMLElement, staffLink: (typeof staffLinks)[number]): void {
  const role = currentPerson()?.role;
  const item = nav.querySelector(`#${staffLink.id}`)?.closest('li');
  if (role !== 'official' && role !== 'admin') {
    item?.remove();
    return;
  }
  if (item) return;
  // data-i18n: the shell's language switch sets the text again, as for the links of index.html.
  const link = h('a', { class: 'primary-nav__link', id: staffLink.id, href: staffLink.href, 'data-i18n': staffLink.key }, t(staffLink.key));
  nav.querySelector('ul')?.append(h('li', null, link));
}

/** Shows the links the person may use and marks the link of the current page with aria-current="page". */
export function updatePrimaryNav(nav: HTMLElement, path: string): void {
  for (const staffLink of staffLinks) updateStaffLink(nav, staffLink);
  const current = normalisePath(path);
  for (const link of nav.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    if (normalisePath(new URL(link.href).pathname) === current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

// Who is signed in is known only after the first page is shown, and changes on signing in or out.
onSessionChange(() => {
  const nav = document.getElementById('primary-nav');
  if (nav) updatePrimaryNav(nav, window.location.pathname);
});
