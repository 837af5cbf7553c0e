import { h } from '../../dom';
import type { StoredDocument } from '../../api/documents';
import type { CityPageContext } from '../page';
import { documentStateText } from './document-rendering';

/** The pieces of an upload block: its progress bar and the list item of a file. */

export function progressArea(id: string, context: CityPageContext) {
  const label = h('label', { class: 'upload-progress__label', for: `${id}-bar` });
  const bar = h('progress', { class: 'upload-progress__bar', id: `${id}-bar`, max: '100' });
  const percent = h('span', { class: 'upload-progress__percent', id: `${id}-percent`, 'aria-hidden': 'true' });
  const root = h('div', { class: 'upload-progress', id, hidden: true }, label, bar, percent);
  const percents = new Intl.NumberFormat(context.language, { style: 'percent' });
  return {
    root,
    show(text: string, fraction: number) {
      root.hidden = false;
      label.textContent = text;
      bar.value = Math.round(fraction * 100);
      percent.textContent = percents.format(fraction);
    },
    hide: () => {
      root.hidden = true;
    },
    percentOf: (fraction: number) => percents.format(fraction),
  };
}

export function fileItem(
  document: StoredDocument,
  editable: boolean,
  onDelete: (document: StoredDocument) => void,
  context: CityPageContext,
): HTMLElement {
  const { t } = context;
  const remove = editable
    ? h(
        'button',
        { type: 'button', class: 'button button--secondary button--small', id: `document-delete-${document.id}` },
        t('documents:submission.delete'),
        h('span', { class: 'visually-hidden' }, ` ${document.name}`),
      )
    : null;
  remove?.addEventListener('click', () => onDelete(document));
  return h(
    'li',
    { class: 'requirement__file', id: `document-${document.id}`, 'data-state': document.state },
    h('span', { class: 'requirement__file-name', dir: 'auto' }, document.name),
    ' — ',
    h('strong', { class: 'requirement__file-state', id: `document-state-${document.id}` }, documentStateText(document, context)),
    remove,
  );
}
