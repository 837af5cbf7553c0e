import { TestClient } from '../support/http-client.js';
import { privatePostgres, type PrivatePostgres, describeWithPrivatePostgres } from '../support/private-postgres.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeWithDatabase } from '../support/test-database.js';
import { within } from '../support/within.js';

const pothole = {
  serviceId: 'pothole',
  description: 'Filed during a database restart',
  location: { lat: 37.5663, long: 126.9779 },
  attributes: { size: 'large', lane: 'bus_lane' },
};

interface Outcome {
  status: number;
  code?: string;
  id?: string;
}

describeWithDatabase('PostgreSQL restarted under a write load', () => {
  describeWithPrivatePostgres('on a private cluster', () => {
    let database: PrivatePostgres;
    let api: TestApp;
    beforeAll(async () => {
      database = await privatePostgres();
      api = await startTestApp({ DATABASE_URL: database.url });
    }, 120_000);
    afterAll(async () => {
      await api?.close();
      await database?.dispose();
    });

    const health = async () => {
      const response = await fetch(`${api.url}/api/health`);
      return { status: response.status, body: (await response.json()) as { code?: string; checks?: Record<string, string> } };
    };

    test('no acknowledged write is lost; the API is not ready during the outage and recovers by itself within 10 s', async () => {
      const client = new TestClient(api.url);
      const outcomes: Outcome[] = [];
      const acknowledged = () => outcomes.filter((o) => o.status === 201);
      let writing = true;
      // Four writers filing complaints one after another until the restart is over.
      const writers = Array.from({ length: 4 }, async () => {
        while (writing) {
          const response = await client.post('/api/complaints', pothole);
          const body = (await response.json()) as { code?: string; complaint?: { id: string } };
          outcomes.push({ status: response.status, code: body.code, id: body.complaint?.id });
        }
      });
      let recovery: number;
      let afterRecovery: number;
      try {
        await within(10_000, '20 writes before the restart', () => acknowledged().length >= 20);
        const beforeOutage = outcomes.length;
        await database.stop();
        await within(10_000, 'health reports the database down', async () => {
          const { status, body } = await health();
          return status === 503 && body.code === 'NOT_READY' && body.checks?.database === 'down';
        });
        await within(10_000, 'a write refused during the outage', () => outcomes.slice(beforeOutage).some((o) => o.status === 503));
        await database.start();
        recovery = await within(10_000, 'health ready again, without restarting the API', async () => (await health()).status === 200);
        afterRecovery = outcomes.length;
        await within(
          10_000,
          '20 more writes after the restart',
          () => outcomes.slice(afterRecovery).filter((o) => o.status === 201).length >= 20,
        );
      } finally {
        writing = false;
        await Promise.all(writers);
      }

      const ids = acknowledged().map((o) => o.id);
      const stored = await api.context.dataSource.query<{ id: string }[]>('SELECT id FROM complaint WHERE id = ANY($1)', [ids]);
      expect(new Set(stored.map((row) => row.id))).toEqual(new Set(ids));
      // A write the outage met is refused as "briefly unavailable" (503 NOT_READY): never a 500, never anything else.
      expect(outcomes.filter((o) => o.status !== 201 && !(o.status === 503 && o.code === 'NOT_READY'))).toEqual([]);
      expect(recovery).toBeLessThan(10_000);
      // Once ready again, no stale pooled connection fails a write.
      expect(outcomes.slice(afterRecovery).filter((o) => o.status !== 201)).toEqual([]);
    }, 90_000);
  });
});
