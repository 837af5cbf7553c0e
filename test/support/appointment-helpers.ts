import { randomUUID } from 'node:crypto';
import type { AppointmentView } from '../../api/src/appointments/appointment-view.types.js';
import type { FreeSlot } from '../../api/src/appointments/appointment-view.types.js';
import { TestClient, uniqueEmail } from './http-client.js';
import { makeOfficial, signedInAdmin } from './officials.js';

/** Helpers of the appointments tests: people, Seoul dates, slots and bookings. */
export function appointmentHelpers(url: () => string) {
  const client = () => new TestClient(url());
  const citizen = async () => {
    const person = client();
    const registered = await person.register(uniqueEmail('citizen'));
    if (registered.status !== 201) throw new Error(`register: ${registered.status}`);
    return person;
  };
  const admin = () => signedInAdmin(url());
  const official = async (departmentId: string) => (await makeOfficial(url(), departmentId)).client;
  const key = () => randomUUID();

  /** The Seoul date of the given weekday (1 = Monday) in `weeks` weeks' time. */
  const seoulDate = (weeks: number, weekday: number): string => {
    const today = new Date(Date.now() + 9 * 3_600_000);
    const isoWeekday = ((today.getUTCDay() + 6) % 7) + 1;
    const date = new Date(today.getTime() + (weekday - isoWeekday + 7 * weeks) * 86_400_000);
    return date.toISOString().slice(0, 10);
  };

  const slots = async (serviceId: string, from: string, to = from): Promise<FreeSlot[]> => {
    const response = await client().get(`/api/services/${serviceId}/slots?from=${from}&to=${to}`);
    if (response.status !== 200) throw new Error(`slots: ${response.status} ${await response.text()}`);
    return (await response.json()) as FreeSlot[];
  };
  const slotOf = async (serviceId: string, officialId: string, date: string, index = 0): Promise<FreeSlot> => {
    const found = (await slots(serviceId, date)).filter((slot) => slot.officialId === officialId)[index];
    if (!found) throw new Error(`no slot ${index} of ${officialId} on ${date}`);
    return found;
  };
  const book = (person: TestClient, serviceId: string, slot: FreeSlot, headers: Record<string, string> = { 'idempotency-key': key() }) =>
    person.post('/api/appointments', { serviceId, officialId: slot.officialId, startsAt: slot.startsAt, mode: 'in_person' }, headers);
  const booked = async (person: TestClient, serviceId: string, slot: FreeSlot): Promise<AppointmentView> => {
    const response = await book(person, serviceId, slot);
    if (response.status !== 201) throw new Error(`book: ${response.status} ${await response.text()}`);
    return (await response.json()) as AppointmentView;
  };
  return { client, citizen, admin, official, key, seoulDate, slots, slotOf, book, booked };
}
