import { REASON_REQUIRED } from '../../../../api/src/documents/document-states';
import { ApiError } from '../../api/client';
import { reviewSubmission, type ReviewStep } from '../../api/document-staff';
import type { Submission } from '../../api/documents';
import { sessionEnded } from '../../auth/session-ended';
import { h } from '../../dom';
import { characterCount, type Problem } from '../../forms/field-problems';
import { checkbox, radioGroup, textAreaField } from '../../forms/fields';
import { wireForm, type FormHandle } from '../../forms/form-controller';
import type { CityPageContext } from '../page';

/** The API's limit on a review's reason (docs/api/documents.md), in characters. */
const reasonMax = 1000;
const decisions = ['approved', 'rejected', 'needs_more'] as const satisfies readonly ReviewStep[];
type Decision = (typeof decisions)[number];

function isDecision(value: string): value is Decision {
  return (decisions as readonly string[]).includes(value);
}

export interface ReviewForm {
  root: HTMLElement;
  handle: FormHandle;
}

/**
 * The official's decision: approve, refuse or ask for more, with a reason the citizen reads for the last two, and a
 * box to tick that confirms the files were checked (a decision cannot be taken back). A submission just sent is
 * taken into review first, as the API's steps require. Another official deciding first gives the API's 409 to `conflict`.
 */
export function reviewForm(
  submission: Submission,
  context: CityPageContext,
  decided: (updated: Submission, message: string) => void,
  conflict: () => void,
): ReviewForm {
  const { t, language } = context;
  const decision = radioGroup({
    id: 'review-decision',
    name: 'state',
    legend: t('documents:review.decision.legend'),
    value: '',
    options: decisions.map((value) => ({ value, label: t(`documents:review.decision.${value}`) })),
    messages: { required: t('documents:review.decision.required'), invalid: t('documents:review.decision.required') },
  });
  const reason = textAreaField({
    id: 'review-reason',
    name: 'reason',
    label: t('documents:review.reason.label'),
    hint: t('documents:review.reason.hint'),
    rows: 4,
    count: {
      max: reasonMax,
      warnAt: 200,
      remaining: (left) => t('documents:review.reason.remaining', { count: left }),
      tooMany: (over) => t('documents:review.reason.tooMany', { count: over }),
    },
    messages: {
      required: t('documents:review.reason.required'),
      length: t('documents:review.reason.length', { max: reasonMax }),
      format: t('documents:review.reason.format'),
      invalid: t('documents:review.reason.format'),
    },
  });
  const confirm = checkbox({
    id: 'review-confirm',
    name: 'confirm',
    label: t('documents:review.confirm.label'),
    messages: { required: t('documents:review.confirm.required'), invalid: t('documents:review.confirm.required') },
  });
  const submit = h('button', { type: 'submit', class: 'button', id: 'review-submit' }, t('documents:review.submit'));
  const form = h(
    'form',
    { class: 'form', id: 'review-form' },
    decision.root,
    reason.root,
    confirm.root,
    h('div', { class: 'form__actions' }, submit),
  );

  const handle = wireForm({
    form,
    fields: [decision, reason, confirm],
    submit,
    summarySlot: form,
    validate: () => {
      const problems: Problem[] = [];
      const chosen = decision.value();
      if (!isDecision(chosen)) problems.push({ field: decision.id, rule: 'required' });
      const text = reason.input.value.trim();
      if (text === '' && REASON_REQUIRED.includes(chosen as Decision)) problems.push({ field: reason.id, rule: 'required' });
      else if (characterCount(text) > reasonMax) problems.push({ field: reason.id, rule: 'length' });
      else if (text.includes('<')) problems.push({ field: reason.id, rule: 'format' });
      if (!confirm.input.checked) problems.push({ field: confirm.id, rule: 'required' });
      return problems;
    },
    send: async () => {
      const chosen = decision.value();
      if (!isDecision(chosen)) return;
      const text = reason.input.value.trim();
      if (submission.state === 'submitted') await reviewSubmission(submission.id, 'in_review', undefined, { language });
      const updated = await reviewSubmission(submission.id, chosen, text === '' ? undefined : text, { language });
      decided(updated, t(`documents:review.decided.${chosen}`));
    },
    problemMap: { fields: { state: decision.id, reason: reason.id } },
    intercept: (error) => {
      if (error instanceof ApiError && error.code === 'SUBMISSION_INVALID_TRANSITION') {
        conflict();
        return true;
      }
      return sessionEnded(context)(error);
    },
  });
  const root = h(
    'section',
    { class: 'case-section case-action', id: 'review-decision-section', 'aria-labelledby': 'review-decision-heading' },
    h('h2', { id: 'review-decision-heading' }, t('documents:review.decision.heading')),
    h('p', null, t('documents:review.decision.intro')),
    form,
  );
  return { root, handle };
}
