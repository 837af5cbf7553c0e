import { announce } from '../../a11y/announcer';
import { listDocumentServices, listMySubmissions, startSubmission, type DocumentService, type Submission } from '../../api/documents';
import { sessionEnded, signInHereHref } from '../../auth/session-ended';
import { h, localized } from '../../dom';
import { problemsOfError } from '../../forms/form-controller';
import type { CityPageContext, PageModule } from '../page';
import { loadFailure } from '../page-states';
import { acceptsText, submissionStateTag } from './document-rendering';

/** The API's message for a failure, or the page's own when it has none. */
function messageOf(error: unknown, fallback: string): string {
  const [problem] = problemsOfError(error, {});
  return problem && 'message' in problem ? problem.message : fallback;
}

/** Starts a draft and opens it; the error, if any, goes right under the button. */
function startButton(service: DocumentService, headingId: string, context: CityPageContext): HTMLElement {
  const { t, language } = context;
  const button = h(
    'button',
    { type: 'button', class: 'button', id: `documents-start-${service.id}`, 'aria-describedby': headingId },
    t('documents:index.start'),
  );
  const actions = h('div', { class: 'form__actions' }, button);
  const intercept = sessionEnded(context);
  button.addEventListener('click', () => {
    if (button.getAttribute('aria-disabled') === 'true') return;
    actions.querySelector('.field__error')?.remove();
    button.setAttribute('aria-disabled', 'true');
    announce(t('shell.working'));
    startSubmission(service.id, { language }).then(
      (submission) => context.navigate(`/documents/submission?id=${encodeURIComponent(submission.id)}`, t('documents:index.started')),
      (error: unknown) => {
        button.removeAttribute('aria-disabled');
        if (intercept(error)) return;
        const text = messageOf(error, t('account:form.unexpectedError'));
        actions.append(h('p', { class: 'field__error', id: `documents-start-${service.id}-error`, role: 'alert' }, text));
      },
    );
  });
  return actions;
}

function serviceCard(service: DocumentService, context: CityPageContext): HTMLElement {
  const { t, language, format, person } = context;
  const headingId = `documents-service-${service.id}-heading`;
  const facts = [
    t('documents:index.expectedDays', { count: service.expectedDays }),
    service.fee
      ? t('documents:index.fee', { amount: format.currency(service.fee.amount, service.fee.currency) })
      : t('documents:index.noFee'),
  ];
  return h(
    'li',
    { class: 'document-service', id: `documents-service-${service.id}` },
    localized('h3', context.localize(service.name), language, { id: headingId, class: 'document-service__title' }),
    localized('p', context.localize(service.description), language),
    h('p', { class: 'document-service__facts' }, facts.join(' · ')),
    h('h4', { class: 'document-service__subheading' }, t('documents:index.requiredHeading')),
    h(
      'ul',
      { class: 'document-service__requirements' },
      ...service.requiredDocuments.map((requirement) =>
        h(
          'li',
          { 'data-requirement-id': requirement.id },
          localized('span', context.localize(requirement.name), language),
          h('span', { class: 'document-service__accepts' }, ` — ${acceptsText(requirement, context)}`),
        ),
      ),
    ),
    person?.role === 'citizen' ? startButton(service, headingId, context) : null,
  );
}

function servicesSection(context: CityPageContext): HTMLElement {
  const { t, language, person } = context;
  const body = h('div', { class: 'documents__services' });
  const section = h(
    'section',
    { id: 'documents-services', 'aria-labelledby': 'documents-services-heading' },
    h('h2', { id: 'documents-services-heading' }, t('documents:index.servicesHeading')),
    person
      ? null
      : h('p', null, h('a', { href: signInHereHref(), class: 'button', id: 'documents-sign-in-link' }, t('documents:index.signInToStart'))),
    person && person.role !== 'citizen' ? h('p', { id: 'documents-staff' }, t('documents:index.staff')) : null,
    body,
  );
  const load = (moved: boolean) => {
    section.setAttribute('aria-busy', 'true');
    body.replaceChildren(h('p', { class: 'loading' }, t('documents:index.loading')));
    listDocumentServices({ language }).then(
      (services) => {
        section.removeAttribute('aria-busy');
        body.replaceChildren(
          services.length === 0
            ? h('p', { id: 'documents-none' }, t('documents:index.none'))
            : h(
                'ul',
                { class: 'document-services', id: 'documents-service-list' },
                ...services.map((service) => serviceCard(service, context)),
              ),
        );
      },
      (error: unknown) => {
        section.removeAttribute('aria-busy');
        body.replaceChildren(
          loadFailure({ id: 'documents', message: t('documents:index.loadFailed'), error, retry: () => load(true) }, context),
        );
        if (moved) document.getElementById('documents-retry')?.focus();
      },
    );
  };
  load(false);
  return section;
}

function mineTable(submissions: Submission[], context: CityPageContext): HTMLElement {
  const { t, language, format, city } = context;
  const column = (text: string) => h('th', { scope: 'col' }, text);
  const serviceName = (serviceId: string) => {
    const service = city.services.find((candidate) => candidate.id === serviceId);
    return service ? localized('span', context.localize(service.name), language) : h('span', { dir: 'ltr' }, serviceId);
  };
  return h(
    'table',
    { class: 'table', id: 'documents-mine-table' },
    h('caption', { class: 'visually-hidden' }, t('documents:index.mineCaption')),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        column(t('documents:index.columns.caseNumber')),
        column(t('documents:index.columns.service')),
        column(t('documents:index.columns.state')),
        column(t('documents:index.columns.started')),
      ),
    ),
    h(
      'tbody',
      null,
      ...submissions.map((submission) =>
        h(
          'tr',
          { 'data-case-number': submission.caseNumber, 'data-state': submission.state },
          h(
            'th',
            { scope: 'row' },
            h('a', { href: `/documents/submission?id=${encodeURIComponent(submission.id)}`, dir: 'ltr' }, submission.caseNumber),
          ),
          h('td', null, serviceName(submission.serviceId)),
          h('td', null, submissionStateTag(submission.state, context)),
          h('td', null, h('time', { datetime: submission.createdAt }, format.date(new Date(submission.createdAt)))),
        ),
      ),
    ),
  );
}

function mineSection(context: CityPageContext): HTMLElement {
  const { t, language } = context;
  const body = h('div', { class: 'documents__mine' }, h('p', { class: 'loading' }, t('documents:index.mineLoading')));
  const section = h(
    'section',
    { id: 'documents-mine', 'aria-labelledby': 'documents-mine-heading', 'aria-busy': 'true' },
    h('h2', { id: 'documents-mine-heading' }, t('documents:index.mineHeading')),
    body,
  );
  const intercept = sessionEnded(context);
  listMySubmissions({ language }).then(
    (submissions) => {
      section.removeAttribute('aria-busy');
      body.replaceChildren(
        submissions.length === 0 ? h('p', { id: 'documents-mine-empty' }, t('documents:index.mineEmpty')) : mineTable(submissions, context),
      );
    },
    (error: unknown) => {
      section.removeAttribute('aria-busy');
      if (intercept(error)) return;
      body.replaceChildren(loadFailure({ id: 'documents-mine', message: t('documents:index.mineLoadFailed'), error }, context));
    },
  );
  return section;
}

/** The city's document services to apply for and, for a signed-in citizen, their applications. */
function render(context: CityPageContext): HTMLElement {
  const { t, person } = context;
  return h(
    'div',
    { class: 'page page--documents' },
    h('h1', null, t('documents:index.heading')),
    h('p', { class: 'lead' }, t('documents:index.intro')),
    servicesSection(context),
    person?.role === 'citizen' ? mineSection(context) : null,
  );
}

export const documentsPage: PageModule = { requiresCity: true, render };
