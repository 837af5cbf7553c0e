import { signInHereHref } from '../../auth/session-ended';
import { h } from '../../dom';
import type { CityPageContext, PageModule } from '../page';
import { consultationIdShape } from './consultation-api';
import { mountConsultationPanel } from './consultation-panel';

/**
 * One consultation's room: `/consultations/room?id=<uuid>`, for its citizen, its official or a supervisor. Live
 * until it ends; afterwards the transcript, read-only. Anyone else sees the same "not found" as for no consultation.
 */
function render(context: CityPageContext): HTMLElement {
  const { t } = context;
  const heading = h('h1', null, t('consultations:room.heading'));
  const body = h('div', { class: 'consultation-room__body', id: 'consultation-room-body' });
  const page = h('div', { class: 'page page--consultation' }, heading, body);
  if (!context.person) {
    body.append(
      h('p', { id: 'consultation-signed-out' }, t('consultations:room.signedOut')),
      h('p', null, h('a', { href: signInHereHref(), id: 'consultation-sign-in' }, t('consultations:room.signIn'))),
    );
    return page;
  }
  const id = new URLSearchParams(window.location.search).get('id') ?? '';
  if (!consultationIdShape.test(id)) {
    body.append(h('p', { class: 'alert', id: 'consultation-load-error' }, t('consultations:room.noId')));
    return page;
  }
  mountConsultationPanel(
    body,
    {
      consultationId: id,
      onChange: (consultation) => {
        heading.textContent = t('consultations:room.headingWithNumber', { caseNumber: `\u2066${consultation.caseNumber}\u2069` });
      },
    },
    context,
  );
  return page;
}

export const consultationRoomPage: PageModule = { requiresCity: true, render };
