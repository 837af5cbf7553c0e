import type { FiledComplaint, NearbyComplaint } from '../../api/complaints';
import { h } from '../../dom';
import type { CityPageContext } from '../page';
import { caseNumberInText } from './complaint-rendering';
import { trackingCodeBlock, trackLink } from './tracking-code';

/** The GOV.UK "panel": the page's h1 and the case number, on a coloured ground. */
function panel(id: string, heading: string, label: string, caseNumber: string): HTMLElement {
  return h(
    'div',
    { class: 'panel', id: `${id}-panel` },
    h('h1', { class: 'panel__title', id: `${id}-panel-heading`, tabindex: '-1' }, heading),
    h(
      'div',
      { class: 'panel__body' },
      label,
      h('br'),
      h('strong', { class: 'panel__reference', id: `${id}-case-number`, dir: 'ltr' }, caseNumber),
    ),
  );
}

/** After filing: the case number, the tracking code (shown once) with a copy button, and a link to track it. */
export function filedConfirmation(filed: FiledComplaint, context: CityPageContext): HTMLElement {
  const { t } = context;
  const { caseNumber } = filed.complaint;
  return h(
    'div',
    { class: 'complaint-sent', id: 'complaint-confirmation' },
    panel('complaint', t('complaints:new.sent.heading'), t('complaints:new.sent.caseNumberLabel'), caseNumber),
    ...trackingCodeBlock(filed.trackingToken, 'complaint', 'h2', context),
    h(
      'ul',
      { class: 'link-list' },
      h('li', null, trackLink(filed.trackingToken, 'complaint-track-link', context)),
      h('li', null, h('a', { href: '/complaints/new', id: 'complaint-another-link' }, t('complaints:new.sent.another'))),
    ),
  );
}

/** After following a complaint without an account: its case number and the tracking code that follows it. */
export function followedConfirmation(complaint: NearbyComplaint, token: string, context: CityPageContext): HTMLElement {
  const { t } = context;
  return h(
    'div',
    { class: 'complaint-sent', id: 'follow-confirmation' },
    panel('follow', t('complaints:nearby.following.heading'), t('complaints:nearby.following.caseNumberLabel'), complaint.caseNumber),
    h('p', { class: 'lead' }, t('complaints:nearby.following.intro', { caseNumber: caseNumberInText(complaint.caseNumber) })),
    ...trackingCodeBlock(token, 'follow', 'h2', context),
    h(
      'ul',
      { class: 'link-list' },
      h('li', null, trackLink(token, 'follow-track-link', context)),
      h('li', null, h('a', { href: '/complaints/new', id: 'follow-another-link' }, t('complaints:new.sent.another'))),
    ),
  );
}
