import { exportPath, type Me } from '../../api/identity';
import { h, isolate } from '../../dom';
import type { PageContext, PageModule } from '../page';
import { consentsSection } from './consents-section';
import { deleteSection } from './delete-section';
import { passwordSection } from './password-section';
import { profileSection } from './profile-section';

/** Someone signed out gets the page too (one h1, scannable without a session), saying how to get in. */
function signedOutView({ t }: PageContext): HTMLElement {
  return h(
    'div',
    { class: 'page page--prose' },
    h('h1', null, t('account:account.heading')),
    h('p', { class: 'lead' }, t('account:account.signedOut.intro')),
    h(
      'p',
      null,
      h('a', { href: '/sign-in?next=%2Faccount', class: 'button', id: 'account-sign-in-link' }, t('account:account.signedOut.signIn')),
    ),
    h('p', null, `${t('account:account.signedOut.noAccount')} `, h('a', { href: '/register' }, t('account:account.signedOut.register'))),
  );
}

const sections = ['profile', 'password', 'consents', 'export', 'delete'] as const;

function contents({ t }: PageContext): HTMLElement {
  return h(
    'nav',
    { class: 'contents', 'aria-label': t('account:account.contents') },
    h(
      'ul',
      { class: 'contents__list' },
      ...sections.map((section) => h('li', null, h('a', { href: `#${section}-heading` }, t(`account:account.${section}.heading`)))),
    ),
  );
}

function exportSection({ t }: PageContext): HTMLElement {
  return h(
    'section',
    { class: 'account-section', id: 'export', 'aria-labelledby': 'export-heading' },
    h('h2', { id: 'export-heading' }, t('account:account.export.heading')),
    h('p', null, t('account:account.export.intro')),
    // A plain link: it carries the session cookie and the API names the file; the router leaves download links alone.
    h(
      'p',
      null,
      h('a', { href: exportPath, download: true, class: 'button button--secondary', id: 'export-link' }, t('account:account.export.link')),
    ),
  );
}

function signedInView(person: Me, context: PageContext): HTMLElement {
  const { t } = context;
  return h(
    'div',
    { class: 'page page--account' },
    h('h1', null, t('account:account.heading')),
    h('p', { class: 'lead' }, t('account:account.signedInAs', { name: isolate(person.displayName), email: isolate(person.email) })),
    person.role === 'citizen'
      ? h('p', null, h('a', { href: '/complaints/mine', class: 'link-arrow', id: 'account-complaints-link' }, t('complaintsMine.title')))
      : null,
    person.role === 'citizen'
      ? h('p', null, h('a', { href: '/appointments', class: 'link-arrow', id: 'account-appointments-link' }, t('appointmentsMine.title')))
      : null,
    contents(context),
    profileSection(person, context),
    passwordSection(person.email, context),
    consentsSection(context),
    exportSection(context),
    deleteSection(context),
  );
}

function render(context: PageContext): HTMLElement {
  return context.person ? signedInView(context.person, context) : signedOutView(context);
}

export const accountPage: PageModule = { requiresCity: false, render };
