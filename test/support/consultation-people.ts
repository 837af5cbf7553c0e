import type { ConsultationView } from '../../api/src/consultations/consultation-view.types.js';
import { TestClient, uniqueEmail } from './http-client.js';
import { makeOfficial, signedInAdmin } from './officials.js';
import type { TestApp } from './test-app.js';

export const pothole = {
  serviceId: 'pothole',
  description: 'A pothole by the bus stop.',
  location: { lat: 37.5665, long: 126.978 },
  attributes: { size: 'small' },
};

/** People and a consultation on a complaint, through the API as the portal would. */
export function people(api: () => TestApp) {
  const client = () => new TestClient(api().url);
  const admin = () => signedInAdmin(api().url);
  const official = async (departmentId: string) => (await makeOfficial(api().url, departmentId, 'Officer Kim')).client;
  const citizen = async () => {
    const person = client();
    await person.register(uniqueEmail('citizen'), 'lantern-harbour-42', 'Citizen Lee');
    return person;
  };
  /** A citizen's complaint to safety, a safety official, and a consultation the official opened on it. */
  const consultation = async () => {
    const [filer, officer] = await Promise.all([citizen(), official('safety')]);
    const { complaint } = (await (await filer.post('/api/complaints', pothole)).json()) as { complaint: { id: string } };
    const opened = await officer.post('/api/consultations', { complaintId: complaint.id });
    if (opened.status !== 201) throw new Error(`open: ${opened.status} ${await opened.text()}`);
    return { filer, officer, complaintId: complaint.id, consultation: (await opened.json()) as ConsultationView };
  };
  return { client, admin, official, citizen, consultation };
}
