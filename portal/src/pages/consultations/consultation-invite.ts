import { h } from '../../dom';
import { problemsOfError } from '../../forms/form-controller';
import type { CityPageContext } from '../page';
import { openConsultation, roomHref, type ConsultationOpening } from './consultation-api';
import './consultation-panel.css';

/**
 * The official's way into a consultation from a case or a virtual appointment: a button that opens it (or finds the
 * one already open on that subject) and goes to its room, where the citizen, told at once, joins. What stops it (not
 * virtual, not due, no account) is said next to the button.
 */
export function consultationInvite(
  subject: ConsultationOpening,
  idSuffix: string,
  label: string,
  context: CityPageContext,
  withHint = true,
): HTMLElement {
  const { t, language } = context;
  const hintId = `consultation-invite-hint-${idSuffix}`;
  const button = h(
    'button',
    {
      type: 'button',
      class: 'button button--secondary',
      id: `consultation-invite-${idSuffix}`,
      'aria-describedby': withHint ? hintId : null,
    },
    label,
  );
  const error = h('p', { class: 'field__error', id: `consultation-invite-error-${idSuffix}`, role: 'alert', hidden: true });
  button.addEventListener('click', () => {
    if (button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    error.hidden = true;
    openConsultation(subject, { language }).then(
      (opened) => context.navigate(roomHref(opened.id), t('consultations:console.opened')),
      (failure: unknown) => {
        button.removeAttribute('aria-disabled');
        const [problem] = problemsOfError(failure, {});
        error.textContent = problem && 'message' in problem ? problem.message : t('account:form.unexpectedError');
        error.hidden = false;
      },
    );
  });
  const hint = withHint ? h('p', { class: 'field__hint', id: hintId }, t('consultations:console.inviteHint')) : null;
  return h('div', { class: 'consultation-invite' }, hint, error, button);
}
