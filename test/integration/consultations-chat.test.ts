import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import type { ConsultationMessageView, ConsultationView } from '../../api/src/consultations/consultation-view.types.js';
import { TestClient } from '../support/http-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeWithDatabase } from '../support/test-database.js';
import { ask, collect, connectLive, until } from '../support/live-client.js';
import { people } from '../support/consultation-people.js';

interface Ack {
  ok: boolean;
  code?: string;
  message?: ConsultationMessageView;
  messages?: ConsultationMessageView[];
  role?: string;
  seq?: number;
}

const say = (socket: Socket, consultationId: string, text: string, clientId = randomUUID()) =>
  ask<Ack>(socket, 'consultation.message', { consultationId, clientId, text });

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describeWithDatabase('consultations: the chat on /live', () => {
  let api: TestApp;
  const sockets: Socket[] = [];
  const open = async (who: TestClient) => {
    const socket = await connectLive(api.url, who);
    sockets.push(socket);
    return socket;
  };
  const { official, citizen, admin, consultation } = people(() => api);
  beforeAll(async () => {
    api = await startTestApp({ DEMO_DATA: 'true' });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await api.close();
  });

  test('a citizen and an official exchange messages; both receive every one once, in order, and the room goes live', async () => {
    const { filer, officer, consultation: room } = await consultation();
    const [citizenSocket, officialSocket] = await Promise.all([open(filer), open(officer)]);
    const states = collect(citizenSocket, 'consultation.state');
    expect(await ask<Ack>(officialSocket, 'consultation.join', { consultationId: room.id })).toMatchObject({
      ok: true,
      role: 'official',
      messages: [],
    });
    const joinedAsCitizen = await ask<Ack>(citizenSocket, 'consultation.join', { consultationId: room.id });
    expect(joinedAsCitizen).toMatchObject({ ok: true, role: 'citizen', consultation: { id: room.id, state: 'live' } });
    await until(states, 1);
    expect(states[0]).toEqual({ consultationId: room.id, state: 'live', outcome: null });

    const toCitizen = collect(citizenSocket, 'consultation.message');
    const toOfficial = collect(officialSocket, 'consultation.message');
    const lines = [
      'Hello, how can I help?',
      'The pothole is still there.',
      'We will send a crew.',
      '감사합니다',
      'شكرا',
      'a < b & "quoted"',
    ];
    for (const [index, text] of lines.entries()) {
      const ack = await say(index % 2 === 0 ? officialSocket : citizenSocket, room.id, text);
      expect(ack).toMatchObject({ ok: true, message: { seq: index + 1, text, authorRole: index % 2 === 0 ? 'official' : 'citizen' } });
    }
    // Both sides at once: the server orders them, and both hear the same order.
    await Promise.all([say(officialSocket, room.id, 'same time 1'), say(citizenSocket, room.id, 'same time 2')]);
    const heardByCitizen = await until(toCitizen, 8);
    const heardByOfficial = await until(toOfficial, 8);
    expect(heardByCitizen.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(heardByOfficial).toEqual(heardByCitizen);
    expect(heardByCitizen.slice(0, 6).map((m) => m.text)).toEqual(lines);
    expect(heardByCitizen[0]).toMatchObject({ authorRole: 'official', authorName: 'Officer Kim', clientId: expect.any(String) });
    expect(heardByCitizen[1]).toMatchObject({ authorRole: 'citizen', authorName: 'Citizen Lee' });
  });

  test('a reconnect mid-conversation loses and duplicates nothing; a retried send with the same clientId is stored once', async () => {
    const { filer, officer, consultation: room } = await consultation();
    const officialSocket = await open(officer);
    await ask<Ack>(officialSocket, 'consultation.join', { consultationId: room.id });
    let citizenSocket = await open(filer);
    await ask<Ack>(citizenSocket, 'consultation.join', { consultationId: room.id });
    const before = collect(citizenSocket, 'consultation.message');
    await say(officialSocket, room.id, 'one');
    await say(officialSocket, room.id, 'two');
    const seen = await until(before, 2);
    const lastSeenSeq = seen.at(-1)?.seq ?? 0;

    citizenSocket.disconnect();
    await say(officialSocket, room.id, 'three, while you were away');
    await say(officialSocket, room.id, 'four');
    citizenSocket = await open(filer);
    const after = collect(citizenSocket, 'consultation.message');
    const rejoined = await ask<Ack>(citizenSocket, 'consultation.join', { consultationId: room.id, lastSeenSeq });
    expect(rejoined.messages?.map((m) => [m.seq, m.text])).toEqual([
      [3, 'three, while you were away'],
      [4, 'four'],
    ]);
    await say(officialSocket, room.id, 'five');
    expect((await until(after, 1)).map((m) => m.seq)).toEqual([5]);

    // The acknowledgement was lost: the client sends the same message again, twice at once.
    const clientId = randomUUID();
    const tries = await Promise.all([say(citizenSocket, room.id, 'my reply', clientId), say(citizenSocket, room.id, 'my reply', clientId)]);
    const again = await say(citizenSocket, room.id, 'my reply', clientId);
    expect(tries[0]?.message).toEqual(tries[1]?.message);
    expect(again.message).toEqual(tries[0]?.message);
    expect(again.message).toMatchObject({ seq: 6, clientId });
    const transcript = (await (await filer.get(`/api/consultations/${room.id}/transcript`)).json()) as {
      messages: ConsultationMessageView[];
    };
    expect(transcript.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    await settle();
    expect(after.filter((m) => m.clientId === clientId)).toHaveLength(1);
  });

  test('no one else joins or reads: another citizen, an official of the same or another department (NOT_FOUND); an admin as supervisor', async () => {
    const { filer, officer, consultation: room } = await consultation();
    const officialSocket = await open(officer);
    await ask<Ack>(officialSocket, 'consultation.join', { consultationId: room.id });
    const joins = collect(officialSocket, 'consultation.joined');
    const intruders = await Promise.all([citizen(), official('transport'), official('safety')]);
    for (const intruder of intruders) {
      const socket = await open(intruder);
      expect(await ask<Ack>(socket, 'consultation.join', { consultationId: room.id })).toEqual({ ok: false, code: 'NOT_FOUND' });
      expect(await say(socket, room.id, 'let me in')).toEqual({ ok: false, code: 'NOT_FOUND' });
      expect(await ask<Ack>(socket, 'consultation.typing', { consultationId: room.id })).toEqual({ ok: false, code: 'NOT_FOUND' });
      expect((await intruder.get(`/api/consultations/${room.id}`)).status).toBe(404);
      expect((await intruder.get(`/api/consultations/${room.id}/transcript`)).status).toBe(404);
    }
    const unknown = await open(filer);
    expect(await ask<Ack>(unknown, 'consultation.join', { consultationId: randomUUID() })).toEqual({ ok: false, code: 'NOT_FOUND' });
    expect(await ask<Ack>(unknown, 'consultation.join', { consultationId: '../x' })).toEqual({ ok: false, code: 'NOT_FOUND' });

    const supervisor = await open(await admin());
    expect(await ask<Ack>(supervisor, 'consultation.join', { consultationId: room.id })).toMatchObject({ ok: true, role: 'supervisor' });
    expect(await until(joins, 1)).toEqual([{ consultationId: room.id, role: 'supervisor', name: expect.any(String) }]);
    expect((await say(supervisor, room.id, 'Supervising.')).message).toMatchObject({ authorRole: 'supervisor' });
  });

  test('typing and read receipts reach the other side only; the read position is stored and never goes back', async () => {
    const { filer, officer, consultation: room } = await consultation();
    const [citizenSocket, officialSocket] = await Promise.all([open(filer), open(officer)]);
    await ask<Ack>(citizenSocket, 'consultation.join', { consultationId: room.id });
    await ask<Ack>(officialSocket, 'consultation.join', { consultationId: room.id });
    const typingAtOfficial = collect(officialSocket, 'consultation.typing');
    const typingAtCitizen = collect(citizenSocket, 'consultation.typing');
    const readsAtOfficial = collect(officialSocket, 'consultation.read');
    const readsAtCitizen = collect(citizenSocket, 'consultation.read');

    expect(await ask<Ack>(citizenSocket, 'consultation.typing', { consultationId: room.id })).toEqual({ ok: true });
    expect(await ask<Ack>(citizenSocket, 'consultation.typing', { consultationId: room.id })).toEqual({ ok: true });
    await say(officialSocket, room.id, 'first');
    await say(officialSocket, room.id, 'second');
    expect(await ask<Ack>(citizenSocket, 'consultation.read', { consultationId: room.id, seq: 2 })).toEqual({ ok: true, seq: 2 });
    expect(await ask<Ack>(citizenSocket, 'consultation.read', { consultationId: room.id, seq: 1 })).toEqual({ ok: true, seq: 2 });
    expect(await ask<Ack>(citizenSocket, 'consultation.read', { consultationId: room.id, seq: 99 })).toEqual({ ok: true, seq: 2 });
    await until(readsAtOfficial, 3);
    await settle();
    // Throttled: two typing signals within 2 s make one.
    expect(typingAtOfficial).toEqual([{ consultationId: room.id, role: 'citizen' }]);
    expect(readsAtOfficial[0]).toEqual({ consultationId: room.id, role: 'citizen', seq: 2 });
    expect(typingAtCitizen).toEqual([]);
    expect(readsAtCitizen).toEqual([]);
    const seen = (await (await officer.get(`/api/consultations/${room.id}`)).json()) as ConsultationView;
    expect(seen.citizen.lastReadSeq).toBe(2);
    expect(seen.official.lastReadSeq).toBe(0);
  });

  test('limits: 2,000 characters, no blank text, a UUID clientId, 20 messages in 10 seconds per participant', async () => {
    const { filer, officer, consultation: room } = await consultation();
    const [citizenSocket, officialSocket] = await Promise.all([open(filer), open(officer)]);
    await ask<Ack>(citizenSocket, 'consultation.join', { consultationId: room.id });
    await ask<Ack>(officialSocket, 'consultation.join', { consultationId: room.id });
    expect(await say(citizenSocket, room.id, 'x'.repeat(2001))).toEqual({ ok: false, code: 'CONSULTATION_MESSAGE_TOO_LONG' });
    expect((await say(citizenSocket, room.id, 'x'.repeat(2000))).ok).toBe(true);
    expect(await say(citizenSocket, room.id, '   ')).toEqual({ ok: false, code: 'VALIDATION_FAILED' });
    expect(await ask<Ack>(citizenSocket, 'consultation.message', { consultationId: room.id, clientId: 'nope', text: 'hi' })).toEqual({
      ok: false,
      code: 'VALIDATION_FAILED',
    });
    const burst = await Promise.all(Array.from({ length: 20 }, (_, index) => say(citizenSocket, room.id, `message ${index}`)));
    expect(burst.filter((ack) => ack.ok)).toHaveLength(19);
    expect(burst.filter((ack) => !ack.ok).map((ack) => ack.code)).toEqual(['CONSULTATION_RATE_LIMITED']);
    expect((await say(officialSocket, room.id, 'the official is counted apart')).ok).toBe(true);
  });

  test('a muted citizen cannot write until unmuted; a removed one leaves the room and cannot come back; an ended room refuses', async () => {
    const { filer, officer, consultation: room } = await consultation();
    const [citizenSocket, officialSocket] = await Promise.all([open(filer), open(officer)]);
    await ask<Ack>(citizenSocket, 'consultation.join', { consultationId: room.id });
    await ask<Ack>(officialSocket, 'consultation.join', { consultationId: room.id });
    const moderated = collect(citizenSocket, 'consultation.moderated');
    expect((await filer.post(`/api/consultations/${room.id}/mute`)).status).toBe(403);
    expect(await (await officer.post(`/api/consultations/${room.id}/mute`)).json()).toMatchObject({ citizen: { muted: true } });
    expect(await until(moderated, 1)).toEqual([{ consultationId: room.id, muted: true, removed: false }]);
    expect(await say(citizenSocket, room.id, 'hello?')).toEqual({ ok: false, code: 'CONSULTATION_MUTED' });
    expect((await say(officialSocket, room.id, 'Please wait.')).ok).toBe(true);
    await officer.post(`/api/consultations/${room.id}/mute`, { muted: false });
    expect((await say(citizenSocket, room.id, 'Sorry.')).ok).toBe(true);

    const toCitizen = collect(citizenSocket, 'consultation.message');
    expect(await (await officer.post(`/api/consultations/${room.id}/remove`)).json()).toMatchObject({ citizen: { removed: true } });
    await until(moderated, 3);
    await say(officialSocket, room.id, 'Not for the removed citizen');
    expect(await say(citizenSocket, room.id, 'let me back')).toEqual({ ok: false, code: 'CONSULTATION_REMOVED' });
    expect(await ask<Ack>(citizenSocket, 'consultation.join', { consultationId: room.id })).toEqual({
      ok: false,
      code: 'CONSULTATION_REMOVED',
    });
    await settle();
    expect(toCitizen).toEqual([]);
    // The transcript stays theirs to read.
    expect((await filer.get(`/api/consultations/${room.id}/transcript`)).status).toBe(200);

    const states = collect(officialSocket, 'consultation.state');
    expect((await officer.post(`/api/consultations/${room.id}/end`, { outcome: 'other', note: 'Abusive language.' })).status).toBe(200);
    expect(await until(states, 1)).toEqual([{ consultationId: room.id, state: 'ended', outcome: 'other' }]);
    expect(await say(officialSocket, room.id, 'after the end')).toEqual({ ok: false, code: 'CONSULTATION_NOT_OPEN' });
    expect(await ask<Ack>(officialSocket, 'consultation.typing', { consultationId: room.id })).toEqual({ ok: false, code: 'NOT_FOUND' });
    expect(await ask<Ack>(officialSocket, 'consultation.join', { consultationId: room.id })).toEqual({
      ok: false,
      code: 'CONSULTATION_NOT_OPEN',
    });
    expect((await officer.post(`/api/consultations/${room.id}/end`, { outcome: 'resolved' })).status).toBe(409);
  });

  test('voice signals are refused where the city does not offer voice', async () => {
    const { filer, officer, consultation: room } = await consultation();
    expect(room).toMatchObject({ voice: false, iceServers: [] });
    const [citizenSocket, officialSocket] = await Promise.all([open(filer), open(officer)]);
    await ask<Ack>(citizenSocket, 'consultation.join', { consultationId: room.id });
    await ask<Ack>(officialSocket, 'consultation.join', { consultationId: room.id });
    const signals = collect(citizenSocket, 'consultation.signal');
    expect(await ask<Ack>(officialSocket, 'consultation.signal', { consultationId: room.id, data: { type: 'offer', sdp: 'v=0' } })).toEqual(
      {
        ok: false,
        code: 'CONSULTATION_VOICE_DISABLED',
      },
    );
    await settle();
    expect(signals).toEqual([]);
  });
});
