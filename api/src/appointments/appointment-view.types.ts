/**
 * Appointments as the API answers them. Pure types with no imports of the API's runtime, so the portal shares them.
 */
import type { TicketView } from '../queues/queue-view.types.js';

/** After FHIR's Appointment: `held` is a waitlist offer kept for a while; `expired` one that was not taken in time. */
export const APPOINTMENT_STATUSES = ['held', 'booked', 'arrived', 'fulfilled', 'cancelled', 'noshow', 'expired'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export const APPOINTMENT_MODES = ['in_person', 'virtual'] as const;
export type AppointmentMode = (typeof APPOINTMENT_MODES)[number];

export interface AppointmentView {
  id: string;
  /** The case it hangs on, e.g. SEL-2026-000123; null while a waitlist offer is only held. */
  caseNumber: string | null;
  serviceId: string;
  departmentId: string;
  officialId: string;
  counterId: string;
  mode: AppointmentMode;
  status: AppointmentStatus;
  startsAt: string;
  endsAt: string;
  /** Until when a waitlist offer is kept (status `held`). */
  holdExpiresAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** An appointment service of the city pack, as `GET /api/services` lists it. */
export interface AppointmentServiceView {
  id: string;
  departmentId: string;
  durationMinutes: number;
  virtualAllowed: boolean;
  name: Record<string, string>;
  description: Record<string, string>;
  /** The officials who give appointments for it. */
  officialIds: string[];
}

/** A checked-in appointment with its priority queue ticket and the ticket's token (shown once). */
export interface CheckedIn {
  appointment: AppointmentView;
  ticket: TicketView;
  ticketToken: string;
}

export interface WaitlistView {
  id: string;
  serviceId: string;
  day: string;
  status: 'waiting' | 'offered';
  createdAt: string;
}

/** A free slot of an official for a service, as `GET /api/services/:id/slots` lists it. */
export interface FreeSlot {
  startsAt: string;
  endsAt: string;
  officialId: string;
  modes: AppointmentMode[];
}
