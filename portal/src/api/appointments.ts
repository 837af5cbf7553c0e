import {
  APPOINTMENT_STATUSES,
  type AppointmentMode,
  type AppointmentServiceView,
  type AppointmentStatus,
  type AppointmentView,
  type CheckedIn,
  type FreeSlot,
  type WaitlistView,
} from '../../../api/src/appointments/appointment-view.types';
import { getJson, sendJson, type RequestOptions } from './client';

/** The appointment routes of docs/api/appointments.md that the portal uses; the types are the API's own. */

export type { AppointmentMode, AppointmentServiceView, AppointmentStatus, AppointmentView, CheckedIn, FreeSlot, WaitlistView };

export interface NewAppointment {
  serviceId: string;
  officialId: string;
  startsAt: string;
  mode: AppointmentMode;
}

/** Longest range of dates one slots or calendar request may ask for (both ends included). */
export const maxRangeDays = 31;

/** Appointment ids are UUIDs; anything else is not looked up. */
export const appointmentIdShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isAppointmentStatus(status: string): status is AppointmentStatus {
  return (APPOINTMENT_STATUSES as readonly string[]).includes(status);
}

const appointmentPath = (id: string) => `/api/appointments/${encodeURIComponent(id)}`;

/** The address of an appointment's iCalendar file, for a download link (the session cookie goes with it). */
export const icsHref = (id: string) => `${appointmentPath(id)}/ics`;

export const listAppointmentServices = (options: RequestOptions) => getJson<AppointmentServiceView[]>('/api/services', options);

/** Free slots between two of the city's dates, both included, earliest first. */
export function listFreeSlots(serviceId: string, from: string, to: string, options: RequestOptions): Promise<FreeSlot[]> {
  const query = new URLSearchParams({ from, to });
  return getJson<FreeSlot[]>(`/api/services/${encodeURIComponent(serviceId)}/slots?${query.toString()}`, options);
}

/**
 * A booking write with its `Idempotency-Key`: the same key sent again (a retry after a lost answer, a second
 * click) replays the first answer instead of booking twice.
 */
function sendIdempotent<T>(path: string, body: unknown, key: string, options: RequestOptions): Promise<T> {
  return sendJson<T>('POST', path, body ?? {}, { ...options, headers: { 'Idempotency-Key': key } });
}

export const bookAppointment = (appointment: NewAppointment, key: string, options: RequestOptions) =>
  sendIdempotent<AppointmentView>('/api/appointments', appointment, key, options);

export const rescheduleAppointment = (id: string, slot: { startsAt: string; officialId: string }, key: string, options: RequestOptions) =>
  sendIdempotent<AppointmentView>(`${appointmentPath(id)}/reschedule`, slot, key, options);

export const cancelAppointment = (id: string, key: string, options: RequestOptions) =>
  sendIdempotent<AppointmentView>(`${appointmentPath(id)}/cancel`, undefined, key, options);

export const acceptOffer = (id: string, key: string, options: RequestOptions) =>
  sendIdempotent<AppointmentView>(`${appointmentPath(id)}/accept`, undefined, key, options);

export const checkIn = (id: string, key: string, options: RequestOptions) =>
  sendIdempotent<CheckedIn>(`${appointmentPath(id)}/check-in`, undefined, key, options);

/** A citizen's own appointments, soonest first. */
export const listMyAppointments = (options: RequestOptions) => getJson<AppointmentView[]>('/api/appointments', options);

export const getAppointment = (id: string, options: RequestOptions) => getJson<AppointmentView>(appointmentPath(id), options);

/** Staff: the department's appointments (all, for admins) between two of the city's dates. */
/** `scope`: a linked official's own appointments or their department's (docs/api/appointments.md). */
export function listCalendar(from: string, to: string, options: RequestOptions, scope?: 'mine' | 'department'): Promise<AppointmentView[]> {
  const query = new URLSearchParams({ from, to });
  if (scope) query.set('scope', scope);
  return getJson<AppointmentView[]>(`/api/appointments?${query.toString()}`, options);
}

export const setAppointmentStatus = (id: string, status: 'arrived' | 'fulfilled' | 'noshow', options: RequestOptions) =>
  sendJson<AppointmentView>('POST', `${appointmentPath(id)}/status`, { status }, options);

export const joinWaitlist = (serviceId: string, date: string, options: RequestOptions) =>
  sendJson<WaitlistView>('POST', '/api/appointments/waitlist', { serviceId, date }, options);

export const listMyWaitlist = (options: RequestOptions) => getJson<WaitlistView[]>('/api/appointments/waitlist', options);

export const createCalendarFeed = (options: RequestOptions) =>
  sendJson<{ url: string }>('POST', '/api/me/calendar-feed', undefined, options);

export const revokeCalendarFeed = (options: RequestOptions) => sendJson<void>('DELETE', '/api/me/calendar-feed', undefined, options);
