import type { Socket } from 'socket.io-client';
import type { LiveEvents } from '../../api/src/live/live-events.types.js';
import { metresBetween } from '../../api/src/presence/personal-space.js';
import type { PresenceJoined, VisitorPosition } from '../../api/src/presence/presence.types.js';
import { PERSONAL_SPACE_METRES } from '../../api/src/presence/presence.types.js';
import type { TestClient } from '../support/http-client.js';
import { ask, collect, connectLive, until } from '../support/live-client.js';
import { people } from '../support/consultation-people.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeWithDatabase } from '../support/test-database.js';

interface Ack {
  ok: boolean;
  code?: string;
  you?: VisitorPosition;
  visitors?: VisitorPosition[];
}

/** Seoul's city hall floor (see api/city-packs/seoul.json): a spot well inside it, `north` and `east` metres away. */
const spot = (north: number, east: number, headingDegrees = 0) => ({
  lat: 37.5667 + north / 111_320,
  lon: 126.978 + east / (111_320 * Math.cos((37.5667 * Math.PI) / 180)),
  headingDegrees,
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

const presenceEvents = ['presence.joined', 'presence.moved', 'presence.left', 'presence.cleared'] as const;

/** Every presence event a socket hears, in order, by name. */
function listen(socket: Socket): { event: string; payload: unknown }[] {
  const heard: { event: string; payload: unknown }[] = [];
  for (const event of presenceEvents) socket.on(event, (payload: LiveEvents[typeof event]) => heard.push({ event, payload }));
  return heard;
}

describeWithDatabase("visitors' presence in the virtual hall, on /live", () => {
  let api: TestApp;
  let sockets: Socket[] = [];
  const { citizen, official } = people(() => api);
  const open = async (who?: TestClient) => {
    const socket = await connectLive(api.url, who);
    sockets.push(socket);
    return socket;
  };
  const join = (socket: Socket, at: unknown) => ask<Ack & Partial<PresenceJoined>>(socket, 'presence.join', at);
  const move = (socket: Socket, at: unknown) => ask<Ack>(socket, 'presence.move', at);
  const accountOf = async (who: TestClient) =>
    (await (await who.get('/api/me')).json()) as { id: string; email: string; displayName: string };

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterEach(async () => {
    for (const socket of sockets) socket.disconnect();
    sockets = [];
    await settle();
  });
  afterAll(() => api.close());

  test('opt-in and anonymous: only visitors who turned presence on are seen, by a random id, never their account', async () => {
    const [ana, ben] = await Promise.all([citizen(), citizen()]);
    const [anaSocket, benSocket, watcher] = await Promise.all([open(ana), open(ben), open(ana)]);
    const heardByBen = listen(benSocket);
    const heardByWatcher = listen(watcher);

    const anaJoined = await join(anaSocket, spot(0, 0, 90));
    expect(anaJoined).toMatchObject({
      ok: true,
      you: { ...spot(0, 0, 90), visitorId: expect.stringMatching(/^[0-9a-f]{16}$/) },
      visitors: [],
    });
    await move(anaSocket, spot(0, 2));
    await settle();
    // Ben has not turned presence on, nor has Ana's own second tab: neither sees anyone.
    expect(heardByBen).toEqual([]);
    expect(heardByWatcher).toEqual([]);

    const benJoined = await join(benSocket, spot(4, 0));
    expect(benJoined.visitors).toEqual([{ visitorId: anaJoined.you?.visitorId, ...spot(0, 2) }]);
    const heardByAna = listen(anaSocket);
    await move(benSocket, spot(4, 1));
    await until(heardByAna, 1);
    expect(heardByAna[0]).toEqual({ event: 'presence.moved', payload: { visitorId: benJoined.you?.visitorId, ...spot(4, 1) } });

    const everything = JSON.stringify([anaJoined, benJoined, heardByAna, heardByBen]);
    for (const who of [ana, ben]) {
      const account = await accountOf(who);
      expect(everything).not.toContain(account.id);
      expect(everything).not.toContain(account.email);
      expect(everything).not.toContain(account.displayName);
    }
    // A new visitor id each time presence is turned on.
    expect(await ask(anaSocket, 'presence.leave', {})).toEqual({ ok: true });
    expect((await join(anaSocket, spot(0, 0))).you?.visitorId).not.toBe(anaJoined.you?.visitorId);
  });

  test('signed-out visitors cannot turn presence on and hear nothing of the hall', async () => {
    const [anonymous, ana] = await Promise.all([open(), citizen().then(open)]);
    const heard = listen(anonymous);
    expect(await join(anonymous, spot(0, 0))).toEqual({ ok: false, code: 'AUTH_REQUIRED' });
    expect(await move(anonymous, spot(0, 0))).toEqual({ ok: false, code: 'AUTH_REQUIRED' });
    await join(ana, spot(-3, 0));
    await move(ana, spot(-3, 1));
    await settle();
    expect(heard).toEqual([]);
  });

  test('moves are throttled: above 10 a second they are dropped with RATE_LIMITED, and others hear only those taken', async () => {
    const [ana, ben] = await Promise.all([citizen().then(open), citizen().then(open)]);
    await join(ana, spot(0, -6));
    await join(ben, spot(5, -6));
    const heard = collect(ben, 'presence.moved');
    const answers = await Promise.all(Array.from({ length: 30 }, (_, index) => move(ana, spot(0, -6 + index * 0.01))));
    const taken = answers.filter((answer) => answer.ok);
    expect(taken.length).toBeGreaterThanOrEqual(1);
    expect(taken.length).toBeLessThanOrEqual(10);
    expect(answers.filter((answer) => !answer.ok).every((answer) => answer.code === 'RATE_LIMITED')).toBe(true);
    await settle();
    expect(heard).toHaveLength(taken.length);
    // A second later the budget is back.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await move(ana, spot(0, -5))).toMatchObject({ ok: true });
  });

  test('positions outside the hall or not finite numbers are refused with stable codes; nothing is told to others', async () => {
    const [ana, ben] = await Promise.all([citizen().then(open), citizen().then(open)]);
    expect(await move(ana, spot(0, 0))).toEqual({ ok: false, code: 'PRESENCE_NOT_ON' });
    expect(await join(ana, { lat: 37.5, lon: 126.9 })).toEqual({ ok: false, code: 'PRESENCE_OUT_OF_BOUNDS' });
    await join(ana, spot(2, 6));
    await join(ben, spot(-2, 6));
    const heard = listen(ben);
    const garbage: unknown[] = [
      { lat: Number.NaN, lon: 126.978 },
      { lat: 37.5667, lon: Number.POSITIVE_INFINITY },
      { lat: '37.5667', lon: '126.978' },
      { lat: 1e308, lon: 126.978 },
      { lat: 37.5667, lon: 126.978, headingDegrees: 'north' },
      null,
      'here',
      [37.5667, 126.978],
    ];
    for (const body of garbage) expect(await move(ana, body)).toEqual({ ok: false, code: 'VALIDATION_FAILED' });
    // Refused moves count against the rate too: a second's pause.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    // The street outside, a point in the hall's notch (outside its L-shaped footprint), the other side of the world.
    for (const body of [
      { lat: 37.5672, lon: 126.978 },
      { lat: 37.5661, lon: 126.9784 },
      { lat: -37.5667, lon: -53.022 },
    ])
      expect(await move(ana, body)).toEqual({ ok: false, code: 'PRESENCE_OUT_OF_BOUNDS' });
    await settle();
    expect(heard).toEqual([]);
  });

  test('nobody enters a personal-space bubble: a move into one is pushed back to its edge, or refused', async () => {
    const [ana, ben] = await Promise.all([citizen().then(open), citizen().then(open)]);
    const anaAt = spot(-6, 0);
    await join(ana, anaAt);
    // Joining on Ana's very spot, with nowhere to come from: refused.
    expect(await join(ben, anaAt)).toEqual({ ok: false, code: 'PRESENCE_TOO_CLOSE' });
    // Joining half a metre away: placed on the bubble's edge, on the line from Ana.
    const joined = await join(ben, spot(-6, 0.5));
    expect(joined.ok).toBe(true);
    const joinedAt = joined.you as VisitorPosition;
    expect(metresBetween(anaAt, joinedAt)).toBeGreaterThanOrEqual(PERSONAL_SPACE_METRES);
    expect(metresBetween(anaAt, joinedAt)).toBeLessThan(PERSONAL_SPACE_METRES + 0.05);
    expect(joinedAt.lon).toBeGreaterThan(anaAt.lon);

    const heardByAna = collect(ana, 'presence.moved');
    // Walking straight at her: stopped at the edge on the side Ben came from.
    const walked = await move(ben, anaAt);
    expect(walked.ok).toBe(true);
    expect(metresBetween(anaAt, walked.you as VisitorPosition)).toBeGreaterThanOrEqual(PERSONAL_SPACE_METRES);
    expect((walked.you as VisitorPosition).lon).toBeGreaterThan(anaAt.lon);
    // Ana steps towards Ben: the same rule holds for her.
    const stepped = await move(ana, walked.you);
    expect(metresBetween(stepped.you as VisitorPosition, walked.you as VisitorPosition)).toBeGreaterThanOrEqual(PERSONAL_SPACE_METRES);
    // What Ana hears of Ben is never inside her bubble.
    await until(heardByAna, 1);
    for (const seen of heardByAna) expect(metresBetween(anaAt, seen)).toBeGreaterThanOrEqual(PERSONAL_SPACE_METRES);
  });

  test('hiding a visitor stops their moves reaching you only; they are not told', async () => {
    const [ana, ben, cho] = await Promise.all([citizen().then(open), citizen().then(open), citizen().then(open)]);
    await join(ana, spot(6, 6));
    const benJoined = await join(ben, spot(6, 3));
    await join(cho, spot(6, 0));
    const heardByBen = listen(ben);
    const anaHears = collect(ana, 'presence.moved');
    const choHears = collect(cho, 'presence.moved');
    expect(await ask(ana, 'presence.hide', { visitorId: benJoined.you?.visitorId })).toEqual({ ok: true });
    expect(await ask(ana, 'presence.hide', { visitorId: 'not an id' })).toEqual({ ok: false, code: 'VALIDATION_FAILED' });
    await move(ben, spot(6, 2.5));
    await move(ben, spot(6, 2));
    await until(choHears, 2);
    await settle();
    expect(anaHears).toEqual([]);
    expect(heardByBen).toEqual([]);
  });

  test('reporting a visitor stores both account ids, the reason and the time — no position — audits it and hides them', async () => {
    const [anaClient, benClient] = await Promise.all([citizen(), citizen()]);
    const [ana, ben] = await Promise.all([open(anaClient), open(benClient)]);
    await join(ana, spot(-6, 6));
    const benJoined = await join(ben, spot(-6, 3));
    const visitorId = benJoined.you?.visitorId;
    expect(await ask(ana, 'presence.report', { visitorId, reason: 'because' })).toEqual({ ok: false, code: 'VALIDATION_FAILED' });
    expect(await ask(ana, 'presence.report', { visitorId: '0123456789abcdef', reason: 'following' })).toEqual({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(await ask(ana, 'presence.report', { visitorId, reason: 'following' })).toEqual({ ok: true });

    const [anaAccount, benAccount] = await Promise.all([accountOf(anaClient), accountOf(benClient)]);
    const reports = await api.context.dataSource.query<Record<string, unknown>[]>(`SELECT * FROM presence_report WHERE reporter_id = $1`, [
      anaAccount.id,
    ]);
    expect(reports).toHaveLength(1);
    expect(Object.keys(reports[0] ?? {}).sort()).toEqual(['at', 'hall_id', 'id', 'reason', 'reported_id', 'reporter_id']);
    expect(reports[0]).toMatchObject({ reported_id: benAccount.id, reason: 'following', hall_id: 'seoul-city-hall', at: expect.any(Date) });
    const audited = await api.context.dataSource.query<{ actor_id: string }[]>(
      `SELECT actor_id FROM audit_event WHERE action = 'presence.reported' AND object_id = $1`,
      [reports[0]?.id],
    );
    expect(audited).toEqual([{ actor_id: anaAccount.id }]);

    const anaHears = collect(ana, 'presence.moved');
    await move(ben, spot(-6, 2));
    await settle();
    expect(anaHears).toEqual([]);
  });

  test('an official clears the hall: everyone present is told why and their presence is off; a citizen may not', async () => {
    const [ana, ben, desk, bystander] = await Promise.all([
      citizen().then(open),
      citizen().then(open),
      official('civil-affairs').then(open),
      citizen().then(open),
    ]);
    await join(ana, spot(8, -6));
    await join(ben, spot(8, -3));
    const heard = [listen(ana), listen(ben), listen(bystander)];
    expect(await ask(ana, 'presence.clear', { reason: 'misconduct' })).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(await ask(desk, 'presence.clear', { reason: 'whatever' })).toEqual({ ok: false, code: 'VALIDATION_FAILED' });
    expect(await ask(desk, 'presence.clear', { reason: 'closing' })).toEqual({ ok: true });
    await until(heard[0] ?? [], 1);
    await until(heard[1] ?? [], 1);
    expect(heard[0]).toEqual([{ event: 'presence.cleared', payload: { reason: 'closing' } }]);
    expect(heard[1]).toEqual([{ event: 'presence.cleared', payload: { reason: 'closing' } }]);
    expect(heard[2]).toEqual([]);
    expect(await move(ana, spot(8, -5))).toEqual({ ok: false, code: 'PRESENCE_NOT_ON' });
    // Turning it on again afterwards shows nobody else: Ben's presence is off too.
    expect(await join(ana, spot(8, -6))).toMatchObject({ ok: true, visitors: [] });
    const audited = await api.context.dataSource.query<{ count: string }[]>(
      `SELECT count(*) FROM audit_event WHERE action = 'presence.cleared' AND object_id = 'seoul-city-hall'`,
    );
    expect(Number(audited[0]?.count)).toBeGreaterThanOrEqual(1);
  });

  test('leaving or disconnecting removes a visitor for everyone at once', async () => {
    const [ana, ben, cho] = await Promise.all([citizen().then(open), citizen().then(open), citizen().then(open)]);
    await join(ana, spot(-8, -6));
    const benJoined = await join(ben, spot(-8, -3));
    const choJoined = await join(cho, spot(-8, 0));
    const left = collect(ana, 'presence.left');
    ben.disconnect();
    await until(left, 1);
    expect(left[0]).toEqual({ visitorId: benJoined.you?.visitorId });
    expect(await ask(cho, 'presence.leave', {})).toEqual({ ok: true });
    await until(left, 2);
    expect(left[1]).toEqual({ visitorId: choJoined.you?.visitorId });
    expect(await move(cho, spot(-8, 1))).toEqual({ ok: false, code: 'PRESENCE_NOT_ON' });
  });

  test('nothing about movement is stored: no table holds a position or a visitor id', async () => {
    const anaClient = await citizen();
    const [ana, ben] = await Promise.all([open(anaClient), citizen().then(open)]);
    // Positions with digits nothing else would have.
    const marks = [spot(3.1416, -7.2718), spot(3.9416, -7.2718), spot(3.1416, -5.2718)];
    const anaJoined = await join(ana, marks[0]);
    const benJoined = await join(ben, marks[2]);
    expect(await move(ana, marks[1])).toMatchObject({ ok: true });
    await ask(ana, 'presence.hide', { visitorId: benJoined.you?.visitorId });
    await settle();
    const needles = [
      ...marks.flatMap((mark) => [String(mark.lat).slice(0, 11), String(mark.lon).slice(0, 12)]),
      anaJoined.you?.visitorId ?? 'missing',
      benJoined.you?.visitorId ?? 'missing',
    ];
    const rowsHolding = async (table: string, sought: string[]) => {
      const [found] = await api.context.dataSource.query<{ count: string }[]>(
        `SELECT count(*) FROM "${table}" AS t WHERE ${sought.map((_, index) => `t::text LIKE $${index + 1}`).join(' OR ')}`,
        sought.map((needle) => `%${needle}%`),
      );
      return Number(found?.count);
    };
    // The search finds what is stored: the citizen's own account row.
    expect(await rowsHolding('user_account', [(await accountOf(anaClient)).email])).toBe(1);
    const tables = await api.context.dataSource.query<{ tablename: string }[]>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`,
    );
    expect(tables.length).toBeGreaterThan(20);
    for (const { tablename } of tables)
      expect({ table: tablename, rows: await rowsHolding(tablename, needles) }).toEqual({ table: tablename, rows: 0 });
  });
});
