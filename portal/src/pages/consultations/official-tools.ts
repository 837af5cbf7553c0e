import { ApiError } from '../../api/client';
import { h } from '../../dom';
import type { Problem } from '../../forms/field-problems';
import { radioGroup, textAreaField } from '../../forms/fields';
import { problemsOfError, wireForm } from '../../forms/form-controller';
import type { CityPageContext } from '../page';
import {
  CONSULTATION_OUTCOMES,
  endConsultation,
  muteCitizen,
  removeCitizen,
  type ConsultationOutcome,
  type ConsultationView,
} from './consultation-api';
import { heading } from './message-list';

const noteLimit = 500;

export interface OfficialTools {
  readonly root: HTMLElement;
  /** Shows the citizen as muted or removed, and hides everything once the consultation has ended. */
  show: (consultation: ConsultationView) => void;
}

export interface OfficialToolOptions {
  consultation: ConsultationView;
  level: number;
  /** A result to show and say (the panel's status line). */
  told: (message: string) => void;
  /** The consultation as it is after a step. */
  changed: (consultation: ConsultationView) => void;
}

/** The official's steps: pause or let the citizen write again, remove them (after a question), and end with an outcome. */
export function officialTools(options: OfficialToolOptions, context: CityPageContext): OfficialTools {
  const { t, language } = context;
  const id = options.consultation.id;
  let current = options.consultation;
  const failed = (error: unknown) => {
    const [problem] = problemsOfError(error, {});
    options.told(problem && 'message' in problem ? problem.message : t('account:form.unexpectedError'));
  };

  const mute = h('button', { type: 'button', class: 'button button--secondary', id: 'consultation-mute' });
  mute.addEventListener('click', () => {
    const muted = !current.citizen.muted;
    muteCitizen(id, muted, { language }).then((next) => {
      options.changed(next);
      options.told(t(muted ? 'consultations:moderation.muted' : 'consultations:moderation.unmuted'));
    }, failed);
  });

  const remove = h(
    'button',
    { type: 'button', class: 'button button--warning', id: 'consultation-remove' },
    t('consultations:moderation.remove'),
  );
  const question = h('p', { id: 'consultation-remove-question', tabindex: '-1' }, t('consultations:moderation.removeQuestion'));
  const yes = h(
    'button',
    { type: 'button', class: 'button button--warning', id: 'consultation-remove-yes' },
    t('consultations:moderation.removeYes'),
  );
  const no = h(
    'button',
    { type: 'button', class: 'button button--secondary', id: 'consultation-remove-no' },
    t('consultations:moderation.removeNo'),
  );
  const confirm = h('div', { class: 'chat-confirm', hidden: true }, question, h('div', { class: 'form__actions' }, yes, no));
  remove.addEventListener('click', () => {
    confirm.hidden = false;
    question.focus();
  });
  no.addEventListener('click', () => {
    confirm.hidden = true;
    remove.focus();
  });
  yes.addEventListener('click', () => {
    removeCitizen(id, { language }).then(() => {
      confirm.hidden = true;
      options.changed({ ...current, citizen: { ...current.citizen, removed: true } });
      options.told(t('consultations:moderation.removed'));
    }, failed);
  });
  const moderation = h(
    'section',
    { class: 'chat-moderation', 'aria-labelledby': 'consultation-moderation-heading' },
    heading(options.level, { id: 'consultation-moderation-heading' }, t('consultations:moderation.heading')),
    h('div', { class: 'form__actions' }, mute, remove),
    confirm,
  );

  const ending = endForm(id, options, context);
  const root = h('div', { class: 'chat-official' }, moderation, ending);
  const show = (consultation: ConsultationView) => {
    current = consultation;
    mute.textContent = t(consultation.citizen.muted ? 'consultations:moderation.unmute' : 'consultations:moderation.mute');
    mute.hidden = consultation.citizen.removed;
    remove.hidden = consultation.citizen.removed;
    root.hidden = consultation.state === 'ended';
  };
  show(current);
  return { root, show };
}

/** Ending: the outcome (radio buttons) and an optional note, with a GOV.UK error summary for what is missing. */
function endForm(id: string, options: OfficialToolOptions, context: CityPageContext): HTMLElement {
  const { t, language } = context;
  const outcome = radioGroup({
    id: 'consultation-outcome',
    name: 'outcome',
    legend: t('consultations:end.outcomeLegend'),
    options: CONSULTATION_OUTCOMES.map((value) => ({ value, label: t(`consultations:outcome.${value}`) })),
    value: '',
    messages: { required: t('consultations:end.outcomeRequired'), invalid: t('consultations:end.outcomeRequired') },
  });
  const note = textAreaField({
    id: 'consultation-outcome-note',
    name: 'note',
    label: t('consultations:end.noteLabel'),
    hint: t('consultations:end.noteHint'),
    rows: 3,
    messages: {
      required: t('consultations:end.noteLength'),
      invalid: t('consultations:end.noteLength'),
      length: t('consultations:end.noteLength'),
    },
  });
  note.input.dir = 'auto';
  const submit = h(
    'button',
    { type: 'submit', class: 'button button--warning', id: 'consultation-end-submit' },
    t('consultations:end.submit'),
  );
  const form = h(
    'form',
    { class: 'form', id: 'consultation-end-form' },
    outcome.root,
    note.root,
    h('div', { class: 'form__actions' }, submit),
  );
  wireForm({
    form,
    fields: [outcome, note],
    submit,
    summarySlot: form,
    problemMap: { fields: { outcome: outcome.id, note: note.id } },
    validate: (): Problem[] => [
      ...(outcome.value() === '' ? [{ field: outcome.id, rule: 'required' as const }] : []),
      ...(note.input.value.trim().length > noteLimit ? [{ field: note.id, rule: 'length' as const }] : []),
    ],
    send: async () => {
      const chosen = outcome.value() as ConsultationOutcome;
      const text = note.input.value.trim();
      try {
        const ended = await endConsultation(id, { outcome: chosen, ...(text ? { note: text } : {}) }, { language });
        options.changed(ended);
        options.told(t('consultations:end.done', { outcome: t(`consultations:outcome.${chosen}`) }));
      } catch (error: unknown) {
        // Ended meanwhile (by an admin): shown as it is, nothing to correct.
        if (error instanceof ApiError && error.code === 'CONSULTATION_NOT_OPEN') return;
        throw error;
      }
    },
  });
  return h(
    'section',
    { class: 'chat-end', 'aria-labelledby': 'consultation-end-heading' },
    heading(options.level, { id: 'consultation-end-heading' }, t('consultations:end.heading')),
    form,
  );
}
