import { currentPerson, onSessionChange } from '../auth/session';
import { h } from '../dom';
import { t } from '../i18n/i18n';
import { normalisePath } from '../routes';

const staffLinkId = 'primary-nav-complaints-inbox';

/** The complaints inbox is in the menu for officials and admins only; the rest of the menu is index.html's. */
function updateStaffLink(nav: HTMLElement): void {
  const role = currentPerson()?.role;
  const item = nav.querySelector(`#${staffLinkId}`)?.closest('li');
  if (role !== 'official' && role !== 'admin') {
    item?.remove();
    return;
  }
  if (item) return;
  // data-i18n: the shell's language switch sets the text again, as for the links of index.html.
  const link = h(
    'a',
    { class: 'primary-nav__link', id: staffLinkId, href: '/console/complaints', 'data-i18n': 'nav.complaintsInbox' },
    t('nav.complaintsInbox'),
  );
  nav.querySelector('ul')?.append(h('li', null, link));
}

/** Shows the links the person may use and marks the link of the current page with aria-current="page". */
export function updatePrimaryNav(nav: HTMLElement, path: string): void {
  updateStaffLink(nav);
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
