import { announce } from '../a11y/announcer';
import { ApiError } from '../api/client';
import { h } from '../dom';
import { t } from '../i18n/i18n';
import { problemsFromApi, type Problem, type ProblemMap } from './field-problems';
import type { Field } from './fields';

export interface FormOptions {
  form: HTMLFormElement;
  fields: readonly Field[];
  submit: HTMLButtonElement;
  /** Where the error summary goes (at its start): above the h1 on a one-form page, else the form itself. */
  summarySlot: HTMLElement;
  /** Whether the document title gets an "Error:" prefix while the summary shows (one-form pages). */
  marksTitle?: boolean;
  /** The browser's checks, run on submit before anything is sent; empty when all is well. */
  validate: () => Problem[];
  /** Sends the form; the controller shows the problems of an error it throws. */
  send: () => Promise<void>;
  /** Which fields the API's field names and error codes are about. */
  problemMap: ProblemMap;
  /**
   * Looks at an error first: returns true when it has dealt with it (e.g. a session that has ended sends
   * the person to sign in again), so no problem is shown.
   */
  intercept?: (error: unknown) => boolean;
}

export interface FormHandle {
  showProblems(problems: readonly Problem[]): void;
  clearProblems(): void;
  /** A confirmation at the top of the form, announced politely; it goes on the next submit. */
  showSuccess(text: string): void;
}

/** The problems an error from sending a form means; errors that are not the API's are shown as one. */
export function problemsOfError(error: unknown, map: ProblemMap): Problem[] {
  if (error instanceof ApiError && error.status > 0 && error.code !== 'INVALID_RESPONSE') return problemsFromApi(error, map);
  if (error instanceof ApiError && error.status === 0) return [{ field: null, message: t('account:form.networkError') }];
  if (!(error instanceof ApiError)) console.error(error);
  return [{ field: null, message: t('account:form.unexpectedError') }];
}

/**
 * Wires a form: `novalidate`, so the browser's own bubbles never replace the summary; on submit the browser's
 * checks, then the request. Problems show as an error summary (role="alert", focused, a link to each field)
 * and inline at each field. While the request runs the submit button is aria-disabled and "Working…" is
 * announced; what the person typed is never cleared on error.
 */
export function wireForm(options: FormOptions): FormHandle {
  const { form, fields, submit, summarySlot } = options;
  const summaryId = `${form.id}-error-summary`;
  const successId = `${form.id}-success`;
  let busy = false;
  let titleBeforeErrors: string | null = null;

  form.noValidate = true;

  const fieldById = (id: string | null) => (id === null ? undefined : fields.find((field) => field.id === id));

  const messageOf = (problem: Problem): string => {
    if ('message' in problem) return problem.message;
    const field = fieldById(problem.field);
    return field?.messages[problem.rule] ?? field?.messages.invalid ?? t('account:form.unexpectedError');
  };

  const clearProblems = () => {
    document.getElementById(summaryId)?.remove();
    for (const field of fields) field.setError(null);
    if (titleBeforeErrors !== null) document.title = titleBeforeErrors;
    titleBeforeErrors = null;
  };

  const summaryItem = (problem: Problem, message: string): HTMLElement => {
    const field = fieldById(problem.field);
    if (!field) return h('li', null, message);
    const link = h('a', { href: `#${field.id}` }, message);
    link.addEventListener('click', (event) => {
      // Focus the field and show its label too, rather than letting the browser scroll the control to the very top.
      event.preventDefault();
      field.root.scrollIntoView({ block: 'start' });
      field.focus();
    });
    return h('li', null, link);
  };

  const showProblems = (problems: readonly Problem[]) => {
    clearProblems();
    if (problems.length === 0) return;
    const shown = new Set<string>();
    const items: HTMLElement[] = [];
    for (const problem of problems) {
      const message = messageOf(problem);
      const field = fieldById(problem.field);
      if (field) {
        if (shown.has(field.id)) continue;
        shown.add(field.id);
        field.setError(message);
      }
      items.push(summaryItem(problem, message));
    }
    // Summary items follow the order of the fields on the page; problems of the whole form come first.
    const order = (item: HTMLElement) => {
      const href = item.querySelector('a')?.getAttribute('href')?.slice(1);
      return href === undefined ? -1 : fields.findIndex((field) => field.id === href);
    };
    items.sort((a, b) => order(a) - order(b));
    const titleId = `${summaryId}-title`;
    const summary = h(
      'div',
      { class: 'error-summary', id: summaryId, role: 'alert', tabindex: '-1', 'aria-labelledby': titleId },
      h('h2', { class: 'error-summary__title', id: titleId }, t('account:form.errorSummaryTitle')),
      h('ul', { class: 'error-summary__list' }, ...items),
    );
    summarySlot.prepend(summary);
    if (options.marksTitle) {
      titleBeforeErrors = document.title;
      document.title = t('account:form.errorTitle', { title: titleBeforeErrors });
    }
    summary.focus();
  };

  const setBusy = (on: boolean) => {
    busy = on;
    if (on) {
      form.setAttribute('aria-busy', 'true');
      submit.setAttribute('aria-disabled', 'true');
    } else {
      form.removeAttribute('aria-busy');
      submit.removeAttribute('aria-disabled');
    }
  };

  const clearSuccess = () => document.getElementById(successId)?.remove();

  const showSuccess = (text: string) => {
    clearSuccess();
    form.prepend(h('div', { class: 'success-message', id: successId }, h('p', null, text)));
    announce(text);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    clearSuccess();
    for (const field of fields) field.hide?.();
    const problems = options.validate();
    if (problems.length > 0) {
      showProblems(problems);
      return;
    }
    clearProblems();
    setBusy(true);
    announce(t('shell.working'));
    options.send().then(
      () => setBusy(false),
      (error: unknown) => {
        setBusy(false);
        if (options.intercept?.(error)) return;
        showProblems(problemsOfError(error, options.problemMap));
      },
    );
  });

  return { showProblems, clearProblems, showSuccess };
}
