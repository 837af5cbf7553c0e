import type { AppointmentView } from '../../../../api/src/appointments/appointment-view.types';
import type { CityPack, ServiceCounter } from '../../../../api/src/city/city-pack.types';
import type { ConsultationView } from '../../../../api/src/consultations/consultation-view.types';
import { getJson } from '../../api/client';
import { trackTicket } from '../../api/queues';
import { h } from '../../dom';
import { listConsultations } from '../consultations/consultation-api';
import { mountConsultationPanel } from '../consultations/consultation-panel';
import type { CityPageContext } from '../page';
import { storedTicketToken } from '../queues/ticket-storage';
import { offset } from './places';

/** Where the citizen's figure stands: across the desk from the official, facing them. */
export interface ConsultationSpot {
  lat: number;
  lon: number;
  headingDegrees: number;
}

/** In front of the desk: the official stands behind it (places.ts), the citizen this far before its centre. */
const ACROSS_THE_DESK_METRES = 1.6;

/**
 * The counter a consultation is held at, from its subject: an appointment's or a ticket's own counter, otherwise
 * (a complaint) the first counter of an official of its department in the pack.
 */
async function counterOf(consultation: ConsultationView, city: CityPack, language: string): Promise<ServiceCounter | undefined> {
  const counters = city.cityHall.counters;
  const byId = (id: string | undefined) => counters.find((counter) => counter.id === id);
  const { type, id } = consultation.subject;
  if (type === 'appointment') {
    const appointment = await getJson<AppointmentView>(`/api/appointments/${encodeURIComponent(id)}`, { language }).catch(() => null);
    if (appointment && byId(appointment.counterId)) return byId(appointment.counterId);
  }
  const token = type === 'ticket' ? storedTicketToken() : null;
  if (token) {
    const ticket = await trackTicket(token, { language }).catch(() => null);
    if (ticket?.id === id && byId(ticket.counterId)) return byId(ticket.counterId);
  }
  return byId(city.officials.find((official) => official.departmentId === consultation.departmentId)?.counterId);
}

/**
 * A signed-in citizen's consultation that is waiting or live, shown in the hall: the conversation panel (the
 * consultations' own, mounted into `container`) and where their figure stands at the counter. Nothing for
 * officials, signed-out visitors, or citizens without one.
 */
export async function showConsultationInHall(
  container: HTMLElement,
  context: CityPageContext,
  place: (spot: ConsultationSpot | null) => void,
): Promise<void> {
  const { person, city, language } = context;
  if (person?.role !== 'citizen') return;
  const open = (await listConsultations({ language }).catch(() => [])).find(
    (consultation) => consultation.state === 'waiting' || consultation.state === 'live',
  );
  if (!open || !container.isConnected) return;
  const counter = await counterOf(open, city, language);
  if (counter) {
    const at = offset(counter.position, counter.headingDegrees, ACROSS_THE_DESK_METRES, 0);
    place({ lat: at.lat, lon: at.lon, headingDegrees: (counter.headingDegrees + 180) % 360 });
  }
  container.hidden = false;
  const slot = h('div');
  container.replaceChildren(slot);
  mountConsultationPanel(
    slot,
    {
      consultationId: open.id,
      headingLevel: 2,
      onChange: (consultation) => {
        if (consultation.state === 'ended') place(null);
      },
    },
    context,
  );
}
