import { announce } from '../../a11y/announcer';
import { h } from '../../dom';
import { onLiveEvent } from '../../live/live-events';
import type { CityPageContext } from '../page';
import { listConsultations, roomHref, type ConsultationView } from './consultation-api';
import './consultation-panel.css';

/**
 * A citizen's consultations about one thing (a complaint, a ticket, their appointments), for the pages they follow it
 * on: a banner with "Join your consultation" as soon as an official opens one (the live `consultation.opened`, said
 * politely, focus left where it is), and each past one's transcript, read-only in its room. Hidden while there is none.
 */
export function consultationsOnCase(
  matches: (consultation: ConsultationView) => boolean,
  context: CityPageContext,
  headingLevel: 2 | 3 = 2,
): HTMLElement {
  const { t, format, language } = context;
  const banner = h('div', {
    class: 'notification-banner',
    id: 'consultation-invite',
    role: 'region',
    'aria-labelledby': 'consultation-invite-text',
    hidden: true,
  });
  const list = h('ul', { class: 'link-list', id: 'consultations-list' });
  const title = h(headingLevel === 2 ? 'h2' : 'h3', { id: 'consultations-heading' }, t('consultations:invite.listHeading'));
  const section = h(
    'section',
    { class: 'case-section consultations-on-case', id: 'consultations-section', 'aria-labelledby': title.id, hidden: true },
    title,
    banner,
    list,
  );
  if (!context.person) return section;

  let announced = new Set<string>();
  const show = (consultations: ConsultationView[], fresh: boolean) => {
    const mine = consultations.filter(matches);
    section.hidden = mine.length === 0;
    const open = mine.find((consultation) => consultation.state !== 'ended');
    banner.hidden = !open;
    if (open) {
      const text = t('consultations:invite.opened', { caseNumber: `\u2066${open.caseNumber}\u2069` });
      banner.replaceChildren(
        h('p', { class: 'notification-banner__text', id: 'consultation-invite-text' }, text),
        h('p', null, h('a', { href: roomHref(open.id), class: 'button', id: 'consultation-join-link' }, t('consultations:invite.join'))),
      );
      if (fresh && !announced.has(open.id)) announce(`${text} ${t('consultations:invite.join')}`);
    }
    announced = new Set(mine.filter((consultation) => consultation.state !== 'ended').map((consultation) => consultation.id));
    list.replaceChildren(
      ...mine.map((consultation) => {
        const ended = consultation.state === 'ended';
        return h(
          'li',
          { 'data-consultation-id': consultation.id },
          h(
            'a',
            { href: roomHref(consultation.id), id: `consultation-link-${consultation.id}` },
            t(ended ? 'consultations:invite.transcriptLink' : 'consultations:invite.joinLink'),
          ),
          ' — ',
          t('consultations:invite.entry', {
            state: t(`consultations:state.${consultation.state}`),
            date: format.dateTime(new Date(consultation.createdAt)),
          }),
        );
      }),
    );
  };
  const load = (fresh: boolean) =>
    listConsultations({ language }).then(
      (consultations) => show(consultations, fresh),
      () => undefined,
    );
  const stops = [onLiveEvent('consultation.opened', () => void load(true)), onLiveEvent('consultation.state', () => void load(false))];
  whenLeft(section, () => stops.forEach((stop) => stop()));
  void load(false);
  return section;
}

/** Runs `cleanup` once `element` has been in the document and left it; pages insert parts after their data arrives. */
function whenLeft(element: HTMLElement, cleanup: () => void): void {
  let entered = element.isConnected;
  const observer = new MutationObserver(() => {
    if (element.isConnected) entered = true;
    if (element.isConnected || !entered) return;
    observer.disconnect();
    cleanup();
  });
  observer.observe(document.body, { childList: true, subtree: true });
}
