import { PGlite } from '@electric-sql/pglite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { demoAccounts } from '../../api/src/accounts/demo-accounts.js';
import { freePort, runUntilExit, startUntilListening } from '../support/server-process.js';
import { describeWithDatabase, runDatabaseUrl } from '../support/test-database.js';

describe('start-up refuses bad configuration with one line naming the problem', () => {
  test.each([
    [{ PORT: 'abc' }, /^civicverse: cannot start: PORT must be a whole number from 1 to 65535 \(got "abc"\)$/],
    [{ CITY: 'atlantis' }, /^civicverse: cannot start: .*CITY "atlantis" is not a known city pack \(known: dubai, seoul\)$/],
    [{ DEMO_DATA: 'perhaps' }, /^civicverse: cannot start: DEMO_DATA must be true or false/],
  ])('%j', async (env, line) => {
    const run = await runUntilExit(env);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(line)]);
  });

  test('an unreachable DATABASE_URL, without its password', async () => {
    const port = await freePort();
    const run = await runUntilExit({ DATABASE_URL: `postgres://civic:hunter2@127.0.0.1:${port}/civicverse` });
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(
          `^civicverse: cannot start: cannot connect to DATABASE_URL postgres://civic:\\*\\*\\*@127\\.0\\.0\\.1:${port}/civicverse: .*ECONNREFUSED`,
        ),
      ),
    ]);
    expect(run.stderr).not.toContain('hunter2');
  });
});

describe('npm start on a fresh machine: embedded PostgreSQL with demo data', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'civicverse-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const emails = async (): Promise<string[]> => {
    const db = await PGlite.create(join(dataDir, 'pglite'));
    try {
      return (await db.query<{ email: string }>('SELECT email FROM user_account ORDER BY email')).rows.map((row) => row.email);
    } finally {
      await db.close();
    }
  };

  test('serves the portal and the API, seeds the demo accounts, and keeps data across restarts', async () => {
    const first = await startUntilListening({ DATA_DIR: dataDir });
    for (const account of demoAccounts) expect(first.output()).toContain(`${account.email}  password: ${account.password}`);
    expect(await (await fetch(`${first.url}/api/health`)).json()).toEqual({ status: 'ok', checks: { database: 'up' } });
    expect((await (await fetch(`${first.url}/api/city`)).json()).id).toBe('seoul');
    expect(await (await fetch(`${first.url}/`)).text()).toContain('id="skip-link"');
    expect(await first.stop()).toBe('SIGTERM');

    const demo = demoAccounts.map((account) => account.email).sort();
    expect(await emails()).toEqual(demo);
    // Something written between runs must still be there after the next one.
    const db = await PGlite.create(join(dataDir, 'pglite'));
    await db.query(
      `INSERT INTO user_account (email, display_name, role, password_hash) VALUES ('kept@example.org', 'Kept', 'citizen', 'x')`,
    );
    await db.close();

    const second = await startUntilListening({ DATA_DIR: dataDir, CITY: 'dubai' });
    expect((await (await fetch(`${second.url}/api/city`)).json()).id).toBe('dubai');
    expect(await second.stop()).toBe('SIGTERM');
    expect(await emails()).toEqual([...demo, 'kept@example.org'].sort());

    // With DEMO_DATA off no demo account exists.
    const third = await startUntilListening({ DATA_DIR: dataDir, DEMO_DATA: 'false' });
    expect(third.output()).not.toContain('password:');
    expect(await third.stop()).toBe('SIGTERM');
    expect(await emails()).toEqual(['kept@example.org']);
  }, 120_000);
});

describeWithDatabase('with DATABASE_URL it uses that server', () => {
  test('migrates it and serves from it, without demo accounts by default', async () => {
    const admin = new pg.Client({ connectionString: runDatabaseUrl() });
    await admin.connect();
    const name = `${new URL(runDatabaseUrl() ?? '').pathname.slice(1)}_start`;
    await admin.query(`CREATE DATABASE ${name}`);
    const url = Object.assign(new URL(runDatabaseUrl() ?? ''), { pathname: `/${name}` }).toString();
    try {
      const server = await startUntilListening({ DATABASE_URL: url, LOG_LEVEL: 'info' });
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      // A bearer token that does not work is refused (401), and never written to the logs.
      expect((await fetch(`${server.url}/api/health`, { headers: { authorization: 'Bearer secret-token' } })).status).toBe(401);
      expect(await server.stop()).toBe('SIGTERM');
      // Structured logs: one JSON object per line, each request with its id and outcome, no credentials.
      const logs = server
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(logs).toContainEqual(
        expect.objectContaining({
          msg: 'request completed',
          reqId: expect.any(String),
          req: expect.objectContaining({ method: 'GET', url: '/api/health' }),
          res: expect.objectContaining({ statusCode: 200 }),
          responseTime: expect.any(Number),
        }),
      );
      // One line per request: the answer's line carries the request, so Fastify's "incoming request" line is off.
      expect(logs.filter((line) => line.msg === 'incoming request')).toEqual([]);
      expect(logs.filter((line) => line.msg === 'request completed')).toHaveLength(2);
      expect(server.output()).not.toContain('secret-token');
      const db = new pg.Client({ connectionString: url });
      await db.connect();
      expect((await db.query('SELECT count(*)::int AS n FROM migrations')).rows[0].n).toBeGreaterThan(0);
      expect((await db.query('SELECT count(*)::int AS n FROM user_account')).rows[0].n).toBe(0);
      await db.end();
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }, 60_000);
});
