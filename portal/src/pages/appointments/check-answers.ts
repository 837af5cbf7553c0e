import { h } from '../../dom';

export interface AnswerRow {
  /** The value's element id, e.g. "check-date" for `#check-date`. */
  id: string;
  term: string;
  value: Node | string;
  /** A "Change" button's visible word and its full name ("Change the time"), and what it does. */
  change?: { word: string; label: string; onChange: () => void };
}

/** GOV.UK's summary list: what was chosen, one row each, with a "Change" button where it can be changed. */
export function answersList(id: string, rows: readonly AnswerRow[]): HTMLElement {
  return h(
    'dl',
    { class: 'summary-list', id },
    ...rows.map((row) => {
      let action: HTMLElement | null = null;
      if (row.change) {
        const { word, label, onChange } = row.change;
        const button = h('button', { type: 'button', class: 'link-button', id: `${row.id}-change`, 'aria-label': label }, word);
        button.addEventListener('click', onChange);
        action = h('dd', { class: 'summary-list__actions' }, button);
      }
      return h(
        'div',
        { class: 'summary-list__row' },
        h('dt', { class: 'summary-list__key' }, row.term),
        h('dd', { class: 'summary-list__value', id: row.id }, row.value),
        action,
      );
    }),
  );
}
