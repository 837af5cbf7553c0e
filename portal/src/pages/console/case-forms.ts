import { NEXT_STATUSES } from '../../../../api/src/complaints/complaint-lifecycle';
import { ApiError } from '../../api/client';
import { assignComplaint, redactComplaint, updateComplaint, type Assignee } from '../../api/complaint-staff';
import { isComplaintStatus, type Complaint } from '../../api/complaints';
import { h, isolate } from '../../dom';
import { characterCount, type Problem, type Rule } from '../../forms/field-problems';
import { checkbox, radioGroup, selectField, textAreaField, type TextAreaField } from '../../forms/fields';
import { wireForm, type FormHandle } from '../../forms/form-controller';
import type { CityPageContext } from '../page';
import { sessionEnded } from '../../auth/session-ended';
import { statusLabel } from '../complaints/complaint-rendering';

/** The API's limits (docs/api/complaints.md), in characters after trimming. */
const noteLimit = { min: 1, max: 2000 };
const reasonLimit = { min: 3, max: 500 };

/** Called with the complaint as the API answered a change, and the sentence that tells what was done. */
export type Saved = (complaint: Complaint, message: string) => void;

export interface CaseForm {
  root: HTMLElement;
  handle: FormHandle;
}

function checkText(value: string, limit: { min: number; max: number }): Rule | null {
  const text = value.trim();
  if (text === '') return 'required';
  const count = characterCount(text);
  if (count < limit.min || count > limit.max) return 'length';
  return text.includes('<') ? 'format' : null;
}

function limitedText(
  id: string,
  name: string,
  key: 'status.note' | 'redaction.reason',
  max: number,
  context: CityPageContext,
): TextAreaField {
  const { t } = context;
  return textAreaField({
    id,
    name,
    label: t(`console:case.${key}.label`),
    hint: t(`console:case.${key}.hint`),
    rows: 4,
    count: {
      max,
      warnAt: Math.min(200, max / 5),
      remaining: (left) => t('console:case.remaining', { count: left }),
      tooMany: (over) => t('console:case.tooMany', { count: over }),
    },
    messages: {
      required: t(`console:case.${key}.required`),
      length: t(`console:case.${key}.length`),
      format: t(`console:case.${key}.format`),
      invalid: t(`console:case.${key}.invalid`),
    },
  });
}

function section(id: string, heading: string, ...children: (Node | null)[]): HTMLElement {
  return h(
    'section',
    { class: 'case-section case-action', id, 'aria-labelledby': `${id}-heading` },
    h('h2', { id: `${id}-heading` }, heading),
    ...children,
  );
}

/**
 * A step on the lifecycle with a note, or a note alone: only the steps allowed from the current status are
 * offered. Another official may have moved the complaint meanwhile: the API's 409 goes to `conflict`.
 */
export function statusForm(complaint: Complaint, context: CityPageContext, saved: Saved, conflict: () => void): CaseForm {
  const { t, language } = context;
  const current = statusLabel(complaint.status, context);
  const step = radioGroup({
    id: 'case-step',
    name: 'step',
    legend: t('console:case.status.step.legend'),
    hint: t('console:case.status.step.hint', { status: current }),
    value: '',
    options: [
      ...NEXT_STATUSES[complaint.status].map((status) => ({ value: status, label: statusLabel(status, context) })),
      { value: 'note', label: t('console:case.status.step.noteOnly') },
    ],
    messages: { required: t('console:case.status.step.required'), invalid: t('console:case.status.step.required') },
  });
  const note = limitedText('case-note', 'note', 'status.note', noteLimit.max, context);
  const visibility = radioGroup({
    id: 'case-visibility',
    name: 'public',
    legend: t('console:case.status.visibility.legend'),
    value: 'public',
    options: [
      { value: 'public', label: t('console:case.status.visibility.public') },
      { value: 'internal', label: t('console:case.status.visibility.internal') },
    ],
    messages: { required: t('console:case.status.visibility.required'), invalid: t('console:case.status.visibility.required') },
  });
  const submit = h('button', { type: 'submit', class: 'button', id: 'case-status-submit' }, t('console:case.status.submit'));
  const form = h(
    'form',
    { class: 'form', id: 'case-status-form' },
    step.root,
    note.root,
    visibility.root,
    h('div', { class: 'form__actions' }, submit),
  );
  const handle = wireForm({
    form,
    fields: [step, note, visibility],
    submit,
    summarySlot: form,
    validate: () => {
      const problems: Problem[] = [];
      if (!step.value()) problems.push({ field: step.id, rule: 'required' });
      const noteRule = checkText(note.input.value, noteLimit);
      if (noteRule) problems.push({ field: note.id, rule: noteRule });
      return problems;
    },
    send: async () => {
      const chosen = step.value();
      const status = isComplaintStatus(chosen) ? chosen : undefined;
      const isPublic = visibility.value() === 'public';
      const updated = await updateComplaint(
        complaint.id,
        { ...(status ? { status } : {}), note: note.input.value.trim(), public: isPublic },
        { language },
      );
      const noteSaved = t(isPublic ? 'console:case.status.savedPublic' : 'console:case.status.savedInternal');
      saved(updated, status ? `${t('console:case.status.moved', { status: statusLabel(status, context) })} ${noteSaved}` : noteSaved);
    },
    problemMap: { fields: { status: step.id, note: note.id, public: visibility.id } },
    intercept: (error) => {
      if (error instanceof ApiError && error.code === 'COMPLAINT_INVALID_TRANSITION') {
        conflict();
        return true;
      }
      return sessionEnded(context)(error);
    },
  });
  return { root: section('case-status-section', t('console:case.status.heading'), form), handle };
}

/** The words for where a complaint is now after a 409, with the steps it allows from there. */
export function conflictMessage(complaint: Complaint, context: CityPageContext): string {
  const { t } = context;
  const status = statusLabel(complaint.status, context);
  const allowed = NEXT_STATUSES[complaint.status].map((next) => statusLabel(next, context));
  if (allowed.length === 0) return t('console:case.status.conflictFinal', { status });
  const list = new Intl.ListFormat(context.language, { type: 'disjunction' }).format(allowed);
  return t('console:case.status.conflict', { status, allowed: list });
}

/** Who deals with it: an official of its department (the person first), or no one. */
export function assignmentForm(complaint: Complaint, assignees: readonly Assignee[], context: CityPageContext, saved: Saved): CaseForm {
  const { t, language, person } = context;
  const me = assignees.find((official) => official.id === person?.id);
  const others = assignees.filter((official) => official !== me);
  const current = complaint.assigneeId ?? '';
  const unknown = current !== '' && !assignees.some((official) => official.id === current);
  const assignee = selectField({
    id: 'case-assignee',
    name: 'assigneeId',
    label: t('console:case.assignment.label'),
    options: [
      { value: '', label: t('console:case.assignment.unassigned') },
      ...(me ? [{ value: me.id, label: t('console:case.assignment.you', { name: isolate(me.name) }) }] : []),
      ...others.map((official) => ({ value: official.id, label: isolate(official.name) })),
      ...(unknown ? [{ value: current, label: t('console:inbox.table.someoneElse') }] : []),
    ],
    messages: { required: t('console:case.assignment.invalid'), invalid: t('console:case.assignment.invalid') },
  });
  assignee.select.value = current;
  const submit = h('button', { type: 'submit', class: 'button', id: 'case-assignment-submit' }, t('console:case.assignment.submit'));
  const form = h('form', { class: 'form', id: 'case-assignment-form' }, assignee.root, h('div', { class: 'form__actions' }, submit));
  const handle = wireForm({
    form,
    fields: [assignee],
    submit,
    summarySlot: form,
    validate: () => [],
    send: async () => {
      const chosen = assignee.select.value || null;
      const updated = await assignComplaint(complaint.id, chosen, { language });
      const name = assignee.select.selectedOptions[0]?.textContent ?? '';
      saved(updated, chosen ? t('console:case.assignment.saved', { name }) : t('console:case.assignment.savedNone'));
    },
    problemMap: { fields: { assigneeId: assignee.id }, codes: { COMPLAINT_ASSIGNEE_NOT_IN_DEPARTMENT: assignee.id } },
    intercept: sessionEnded(context),
  });
  return { root: section('case-assignment-section', t('console:case.assignment.heading'), form), handle };
}

/**
 * Removing the description for good, with a reason that is kept and shown. It cannot be undone, so the form
 * asks for a confirmation box to be ticked as well.
 */
export function redactionForm(complaint: Complaint, context: CityPageContext, saved: Saved): CaseForm {
  const { t, language } = context;
  const reason = limitedText('case-redaction-reason', 'reason', 'redaction.reason', reasonLimit.max, context);
  const confirm = checkbox({
    id: 'case-redaction-confirm',
    name: 'confirm',
    label: t('console:case.redaction.confirm.label'),
    messages: { required: t('console:case.redaction.confirm.required'), invalid: t('console:case.redaction.confirm.required') },
  });
  const submit = h(
    'button',
    { type: 'submit', class: 'button button--warning', id: 'case-redaction-submit' },
    t('console:case.redaction.submit'),
  );
  const form = h(
    'form',
    { class: 'form', id: 'case-redaction-form' },
    reason.root,
    confirm.root,
    h('div', { class: 'form__actions' }, submit),
  );
  const handle = wireForm({
    form,
    fields: [reason, confirm],
    submit,
    summarySlot: form,
    validate: () => {
      const problems: Problem[] = [];
      const reasonRule = checkText(reason.input.value, reasonLimit);
      if (reasonRule) problems.push({ field: reason.id, rule: reasonRule });
      if (!confirm.input.checked) problems.push({ field: confirm.id, rule: 'required' });
      return problems;
    },
    send: async () => {
      const updated = await redactComplaint(complaint.id, reason.input.value.trim(), { language });
      saved(updated, t('console:case.redaction.saved'));
    },
    problemMap: { fields: { reason: reason.id } },
    intercept: sessionEnded(context),
  });
  return {
    root: section('case-redaction-section', t('console:case.redaction.heading'), h('p', null, t('console:case.redaction.intro')), form),
    handle,
  };
}
