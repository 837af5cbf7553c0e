import type { Appointment } from './appointment.entity.js';
import type { AppointmentView } from './appointment-view.types.js';

/** The API's view of an appointment; `caseNumber` from its case when loaded. */
export function appointmentView(appointment: Appointment): AppointmentView {
  return {
    id: appointment.id,
    caseNumber: appointment.civicCase?.caseNumber ?? null,
    serviceId: appointment.serviceId,
    departmentId: appointment.departmentId,
    officialId: appointment.officialId,
    counterId: appointment.counterId,
    mode: appointment.mode,
    status: appointment.status,
    startsAt: appointment.startsAt.toISOString(),
    endsAt: appointment.endsAt.toISOString(),
    holdExpiresAt: appointment.holdExpiresAt?.toISOString() ?? null,
    createdAt: appointment.createdAt.toISOString(),
    updatedAt: appointment.updatedAt.toISOString(),
  };
}
