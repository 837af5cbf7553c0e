import type { Socket } from 'socket.io-client';
import type { ConsultationMessageView } from '../../api/src/consultations/consultation-view.types.js';
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

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describeWithDatabase('consultations: voice signalling where the city offers it', () => {
  let api: TestApp;
  const sockets: Socket[] = [];
  const open = async (who: TestClient) => {
    const socket = await connectLive(api.url, who);
    sockets.push(socket);
    return socket;
  };
  const { admin, consultation } = people(() => api);
  const iceServers = [{ urls: 'stun:127.0.0.1:3478' }, { urls: ['turn:127.0.0.1:3478'], username: 'city', credential: 'secret' }];
  beforeAll(async () => {
    api = await startTestApp({ DEMO_DATA: 'true', VOICE_ENABLED: 'true', ICE_SERVERS: JSON.stringify(iceServers) });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await api.close();
  });

  test('offers, answers and ICE candidates go to the other participant only, never to a supervisor or back to the sender', async () => {
    const { filer, officer, consultation: room } = await consultation();
    expect(room).toMatchObject({ voice: true, iceServers });
    const [citizenSocket, officialSocket, supervisor] = await Promise.all([open(filer), open(officer), open(await admin())]);
    for (const socket of [citizenSocket, officialSocket, supervisor])
      await ask<Ack>(socket, 'consultation.join', { consultationId: room.id });
    const atCitizen = collect(citizenSocket, 'consultation.signal');
    const atOfficial = collect(officialSocket, 'consultation.signal');
    const atSupervisor = collect(supervisor, 'consultation.signal');
    const offer = { type: 'offer', sdp: 'v=0 offer' };
    const answer = { type: 'answer', sdp: 'v=0 answer' };
    const candidate = { candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host', sdpMid: '0' };
    expect(await ask<Ack>(officialSocket, 'consultation.signal', { consultationId: room.id, to: 'citizen', data: offer })).toEqual({
      ok: true,
    });
    expect(await ask<Ack>(citizenSocket, 'consultation.signal', { consultationId: room.id, data: answer })).toEqual({ ok: true });
    expect(await ask<Ack>(citizenSocket, 'consultation.signal', { consultationId: room.id, data: candidate })).toEqual({ ok: true });
    expect(await ask<Ack>(supervisor, 'consultation.signal', { consultationId: room.id, data: offer })).toEqual({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await ask<Ack>(citizenSocket, 'consultation.signal', { consultationId: room.id, to: 'citizen', data: offer })).toMatchObject({
      ok: false,
      code: 'VALIDATION_FAILED',
    });
    await until(atOfficial, 2);
    await settle();
    expect(atCitizen).toEqual([{ consultationId: room.id, from: 'official', data: offer }]);
    expect(atOfficial).toEqual([
      { consultationId: room.id, from: 'citizen', data: answer },
      { consultationId: room.id, from: 'citizen', data: candidate },
    ]);
    expect(atSupervisor).toEqual([]);
  });
});
