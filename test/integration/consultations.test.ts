import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import type { AppointmentView } from '../../api/src/appointments/appointment-view.types.js';
import type { ConsultationTranscript, ConsultationView } from '../../api/src/consultations/consultation-view.types.js';
import type { LiveEvents } from '../../api/src/live/live-events.types.js';
import type { IssuedTicket } from '../../api/src/queues/queue-view.types.js';
import { appointmentHelpers } from '../support/appointment-helpers.js';
import type { TestClient } from '../support/http-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeWithDatabase } from '../support/test-database.js';
import { arrived, ask, connectLive } from '../support/live-client.js';

const pothole = {
  serviceId: 'pothole',
  description: 'A pothole by the bus stop.',
  location: { lat: 37.5665, long: 126.978 },
  attributes: { size: 'small' },
};

interface Ack {
  ok: boolean;
  code?: string;
}

describeWithDatabase('consultations: rooms on a case, outcomes, records and safety', () => {
  let api: TestApp;
  const sockets: Socket[] = [];
  const open = async (who: TestClient) => {
    const socket = await connectLive(api.url, who);
    sockets.push(socket);
    return socket;
  };
  beforeAll(async () => {
    api = await startTestApp({ DEMO_DATA: 'true' });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await api.close();
  });
  const { client, citizen, admin, official, key, seoulDate, slotOf } = appointmentHelpers(() => api.url);
  const json = async <T>(response: Promise<Response>): Promise<T> => (await response).json() as Promise<T>;
  const fileComplaint = async (filer: TestClient) =>
    (await json<{ complaint: { id: string; caseNumber: string } }>(filer.post('/api/complaints', pothole))).complaint;
  const auditActions = async (objectId: string) =>
    (
      await api.context.dataSource.query<{ action: string }[]>(`SELECT action FROM audit_event WHERE object_id = $1 ORDER BY id`, [
        objectId,
      ])
    ).map((row) => row.action);

  test('an official opens a consultation on a complaint; its filer hears of it live; only the right people see it', async () => {
    const [filer, safety] = await Promise.all([citizen(), official('safety')]);
    const complaint = await fileComplaint(filer);
    const filerSocket = await open(filer);
    const opened: LiveEvents['consultation.opened'][] = [];
    filerSocket.on('consultation.opened', (payload: LiveEvents['consultation.opened']) => opened.push(payload));

    expect((await filer.post('/api/consultations', { complaintId: complaint.id })).status).toBe(403);
    expect((await (await official('transport')).post('/api/consultations', { complaintId: complaint.id })).status).toBe(404);
    expect(await json(safety.post('/api/consultations', {}))).toMatchObject({ code: 'VALIDATION_FAILED' });
    const anonymous = await fileComplaint(client());
    expect(await json(safety.post('/api/consultations', { complaintId: anonymous.id }))).toMatchObject({
      code: 'CONSULTATION_CANNOT_OPEN',
      reason: 'no_citizen',
    });

    const response = await safety.post('/api/consultations', { complaintId: complaint.id });
    expect(response.status).toBe(201);
    const room = (await response.json()) as ConsultationView;
    expect(room).toMatchObject({
      caseNumber: complaint.caseNumber,
      subject: { type: 'complaint', id: complaint.id },
      departmentId: 'safety',
      state: 'waiting',
      outcome: null,
      citizen: { name: 'Test Person', joined: false, muted: false, removed: false },
      official: { name: 'Officer', joined: false },
      lastSeq: 0,
    });
    expect(await arrived(opened)).toEqual({ consultationId: room.id, caseNumber: complaint.caseNumber, subject: 'complaint' });

    // Opening again answers the open one to its official; another official of the department cannot take it over.
    const again = await safety.post('/api/consultations', { complaintId: complaint.id });
    expect(again.status).toBe(200);
    expect(((await again.json()) as ConsultationView).id).toBe(room.id);
    expect(await json(safety.post('/api/consultations', { complaintId: complaint.id }))).toMatchObject({ id: room.id });
    expect(await json((await official('safety')).post('/api/consultations', { complaintId: complaint.id }))).toMatchObject({
      code: 'CONSULTATION_CANNOT_OPEN',
    });

    expect((await json<ConsultationView[]>(filer.get('/api/consultations'))).map((c) => c.id)).toEqual([room.id]);
    expect((await json<ConsultationView[]>(safety.get('/api/consultations'))).map((c) => c.id)).toEqual([room.id]);
    expect((await (await admin()).get(`/api/consultations/${room.id}`)).status).toBe(200);
    expect((await filer.get(`/api/consultations/${room.id}`)).status).toBe(200);
    expect((await (await citizen()).get(`/api/consultations/${room.id}`)).status).toBe(404);
    expect((await (await citizen()).get('/api/consultations/not-a-uuid')).status).toBe(404);
    expect((await client().get(`/api/consultations/${room.id}`)).status).toBe(401);
  });

  test('ending with an outcome notes it on the complaint’s history; the transcript stays on the case, in the export, and after erasure without the name', async () => {
    const [filer, safety] = await Promise.all([citizen(), official('safety')]);
    const complaint = await fileComplaint(filer);
    const room = await json<ConsultationView>(safety.post('/api/consultations', { complaintId: complaint.id }));
    const [filerSocket, safetySocket] = await Promise.all([open(filer), open(safety)]);
    await ask<Ack>(filerSocket, 'consultation.join', { consultationId: room.id });
    await ask<Ack>(safetySocket, 'consultation.join', { consultationId: room.id });
    const send = (socket: Socket, text: string) =>
      ask<Ack>(socket, 'consultation.message', { consultationId: room.id, clientId: randomUUID(), text });
    await send(safetySocket, 'We have repaired the road.');
    await send(filerSocket, 'Thank you, it looks fine now.');

    expect((await filer.post(`/api/consultations/${room.id}/end`, { outcome: 'resolved' })).status).toBe(403);
    expect(await json(safety.post(`/api/consultations/${room.id}/end`, { outcome: 'finished' }))).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    const ended = await json<ConsultationView>(safety.post(`/api/consultations/${room.id}/end`, { outcome: 'resolved', note: 'Fixed.' }));
    expect(ended).toMatchObject({ state: 'ended', outcome: 'resolved', outcomeNote: 'Fixed.', endedAt: expect.any(String) });
    const history = (await json<{ history: { note: string | null }[] }>(filer.get(`/api/complaints/${complaint.id}`))).history;
    expect(history.at(-1)?.note).toBe('Consultation ended: resolved');
    expect(await auditActions(room.id)).toEqual([
      'consultation.opened',
      'consultation.joined',
      'consultation.joined',
      'consultation.ended',
    ]);

    const transcript = await json<ConsultationTranscript>(filer.get(`/api/consultations/${room.id}/transcript`));
    expect(transcript).toMatchObject({ consultationId: room.id, caseNumber: complaint.caseNumber });
    expect(transcript.messages.map((m) => [m.seq, m.authorRole, m.authorName, m.text])).toEqual([
      [1, 'official', 'Officer', 'We have repaired the road.'],
      [2, 'citizen', 'Test Person', 'Thank you, it looks fine now.'],
    ]);
    const exported = await json<{ consultations: { caseNumber: string; outcome: string; transcript: { text: string }[] }[] }>(
      filer.get('/api/me/export'),
    );
    expect(exported.consultations).toEqual([
      expect.objectContaining({
        caseNumber: complaint.caseNumber,
        subject: 'complaint',
        outcome: 'resolved',
        transcript: [
          expect.objectContaining({ seq: 1, authorRole: 'official', text: 'We have repaired the road.' }),
          expect.objectContaining({ seq: 2, authorRole: 'citizen', text: 'Thank you, it looks fine now.' }),
        ],
      }),
    ]);

    expect((await filer.request('DELETE', '/api/me', { password: 'lantern-harbour-42' })).status).toBeLessThan(300);
    const kept = await json<ConsultationTranscript>(safety.get(`/api/consultations/${room.id}/transcript`));
    expect(kept.messages.map((m) => [m.authorRole, m.authorName, m.text])).toEqual([
      ['official', 'Officer', 'We have repaired the road.'],
      ['citizen', null, 'Thank you, it looks fine now.'],
    ]);
    expect((await json<ConsultationView>(safety.get(`/api/consultations/${room.id}`))).citizen.name).toBeNull();
  });

  test('either side reports the other, audited; a supervisor cannot, and strangers do not see it', async () => {
    const [filer, safety] = await Promise.all([citizen(), official('safety')]);
    const complaint = await fileComplaint(filer);
    const room = await json<ConsultationView>(safety.post('/api/consultations', { complaintId: complaint.id }));
    expect((await filer.post(`/api/consultations/${room.id}/report`, { reason: 'The official was rude.' })).status).toBe(201);
    expect((await safety.post(`/api/consultations/${room.id}/report`, { reason: 'Abusive messages.' })).status).toBe(201);
    expect(await json(filer.post(`/api/consultations/${room.id}/report`, { reason: 'x' }))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await (await admin()).post(`/api/consultations/${room.id}/report`, { reason: 'Supervising.' })).status).toBe(403);
    expect((await (await citizen()).post(`/api/consultations/${room.id}/report`, { reason: 'Let me in.' })).status).toBe(404);
    expect((await (await official('safety')).post(`/api/consultations/${room.id}/mute`)).status).toBe(404);
    expect(await auditActions(room.id)).toEqual(['consultation.opened', 'consultation.reported', 'consultation.reported']);
    const reasons = await api.context.dataSource.query<{ reason: string }[]>(
      'SELECT reason FROM consultation_report WHERE consultation_id = $1 ORDER BY at',
      [room.id],
    );
    expect(reasons.map((row) => row.reason).sort()).toEqual(['Abusive messages.', 'The official was rude.']);
  });

  test('a queue ticket: only once called, only for a signed-in holder; a walk-in ticket gets a case for the transcript', async () => {
    const [holder, housing] = await Promise.all([citizen(), official('housing')]);
    await housing.post('/api/queues/counter-3/open');
    const issued = await json<IssuedTicket>(holder.post('/api/queues/counter-3/tickets', { serviceId: 'housing-support-consultation' }));
    expect(await json(housing.post('/api/consultations', { ticketId: issued.ticket.id }))).toMatchObject({
      code: 'CONSULTATION_CANNOT_OPEN',
      reason: 'not_called',
    });
    expect((await (await official('safety')).post('/api/consultations', { ticketId: issued.ticket.id })).status).toBe(404);
    // Called as call-next would, without calling the next of a line other test files share.
    await api.context.dataSource.query(`UPDATE queue_ticket SET status = 'called', called_at = now() WHERE id = $1`, [issued.ticket.id]);
    const room = await json<ConsultationView>(housing.post('/api/consultations', { ticketId: issued.ticket.id }));
    expect(room).toMatchObject({
      subject: { type: 'ticket', id: issued.ticket.id },
      departmentId: 'housing',
      caseNumber: expect.stringMatching(/^SEL-/),
    });
    const [ticketCase] = await api.context.dataSource.query<{ case_number: string }[]>(
      'SELECT c.case_number FROM queue_ticket t JOIN civic_case c ON c.id = t.case_id WHERE t.id = $1',
      [issued.ticket.id],
    );
    expect(ticketCase?.case_number).toBe(room.caseNumber);
    expect((await json<ConsultationView[]>(holder.get('/api/consultations')))[0]?.id).toBe(room.id);

    const walkIn = await json<IssuedTicket>(client().post('/api/queues/counter-3/tickets', { serviceId: 'housing-support-consultation' }));
    await api.context.dataSource.query(`UPDATE queue_ticket SET status = 'called', called_at = now() WHERE id = $1`, [walkIn.ticket.id]);
    expect(await json(housing.post('/api/consultations', { ticketId: walkIn.ticket.id }))).toMatchObject({ reason: 'no_citizen' });
  });

  test('a virtual appointment around its time; ending it resolved fulfils the appointment', async () => {
    const [person, economy] = await Promise.all([citizen(), official('economy')]);
    const service = 'business-permit-consultation';
    const slot = await slotOf(service, 'kang-su-bin', seoulDate(9, 4), Math.floor(Math.random() * 8));
    const book = (mode: string, at = slot) =>
      json<AppointmentView>(
        person.post(
          '/api/appointments',
          { serviceId: service, officialId: at.officialId, startsAt: at.startsAt, mode },
          { 'idempotency-key': key() },
        ),
      );
    const virtual = await book('virtual');
    expect(await json(economy.post('/api/consultations', { appointmentId: virtual.id }))).toMatchObject({ reason: 'not_due' });
    expect((await (await official('welfare')).post('/api/consultations', { appointmentId: virtual.id })).status).toBe(404);
    const inPerson = await book('in_person', await slotOf(service, 'kang-su-bin', seoulDate(9, 5), Math.floor(Math.random() * 8)));
    expect(await json(economy.post('/api/consultations', { appointmentId: inPerson.id }))).toMatchObject({ reason: 'not_virtual' });

    // The appointment's time comes: it started five minutes ago.
    await api.context.dataSource.query(
      `UPDATE appointment SET starts_at = now() - interval '5 minutes', ends_at = now() + interval '25 minutes' WHERE id = $1`,
      [virtual.id],
    );
    const room = await json<ConsultationView>(economy.post('/api/consultations', { appointmentId: virtual.id }));
    expect(room).toMatchObject({ subject: { type: 'appointment', id: virtual.id }, caseNumber: virtual.caseNumber, state: 'waiting' });
    await economy.post(`/api/consultations/${room.id}/end`, { outcome: 'resolved' });
    expect(await json(person.get(`/api/appointments/${virtual.id}`))).toMatchObject({ status: 'fulfilled' });
  });
});
