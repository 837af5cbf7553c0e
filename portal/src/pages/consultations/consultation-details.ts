import { h } from '../../dom';
import type { CityPageContext } from '../page';
import type { ConsultationView } from './consultation-api';

export interface ConsultationDetails {
  readonly root: HTMLElement;
  show: (consultation: ConsultationView) => void;
}

function row(term: string, value: HTMLElement, id: string): HTMLElement {
  return h('div', { class: 'details__row', id: `${id}-row` }, h('dt', null, term), h('dd', { id }, value));
}

/** The consultation's case, the two people, its state and, once ended, its outcome and note. */
export function consultationDetails(first: ConsultationView, context: CityPageContext): ConsultationDetails {
  const { t } = context;
  const state = h('span', { class: 'tag' });
  const outcome = h('span');
  const note = h('span', { dir: 'auto' });
  const citizen = h('bdi');
  const official = h('bdi');
  const outcomeRow = row(t('consultations:panel.outcomeLabel'), outcome, 'consultation-outcome-value');
  const noteRow = row(t('consultations:panel.noteLabel'), note, 'consultation-note-value');
  const root = h(
    'dl',
    { class: 'details chat-details', id: 'consultation-details' },
    row(t('consultations:panel.caseLabel'), h('span', { dir: 'ltr' }, first.caseNumber), 'consultation-case-number'),
    row(t('consultations:role.official'), official, 'consultation-official'),
    row(t('consultations:role.citizen'), citizen, 'consultation-citizen'),
    row(t('consultations:panel.stateLabel'), state, 'consultation-state'),
    outcomeRow,
    noteRow,
  );
  const show = (consultation: ConsultationView) => {
    state.textContent = t(`consultations:state.${consultation.state}`);
    state.dataset.state = consultation.state;
    official.textContent = consultation.official.name;
    citizen.textContent = consultation.citizen.name ?? t('consultations:panel.formerCitizen');
    outcome.textContent = consultation.outcome ? t(`consultations:outcome.${consultation.outcome}`) : '';
    outcomeRow.hidden = consultation.outcome === null;
    note.textContent = consultation.outcomeNote ?? '';
    noteRow.hidden = !consultation.outcomeNote;
  };
  show(first);
  return { root, show };
}
