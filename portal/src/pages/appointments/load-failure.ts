import { h } from '../../dom';
import { problemsOfError } from '../../forms/form-controller';
import type { PageContext } from '../page';

/** What shows when something could not be loaded: what failed, why when the API said, and a button to try again. */
export function loadFailure(message: string, error: unknown, retry: () => void, { t }: PageContext): HTMLElement {
  const [problem] = problemsOfError(error, {});
  const button = h('button', { type: 'button', class: 'button button--secondary', id: 'appointments-retry' }, t('appointments:retry'));
  button.addEventListener('click', retry);
  return h(
    'div',
    { class: 'alert', id: 'appointments-load-error' },
    h('p', null, message),
    problem && 'message' in problem ? h('p', { class: 'alert__detail' }, problem.message) : null,
    h('p', null, button),
  );
}
