import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../../api/src/database/data-source.js';
import { migrations } from '../../migrations/index.js';
import { runDatabaseUrl } from '../support/test-database.js';
import { describeWithDatabase } from '../support/test-database.js';

async function tables(dataSource: DataSource): Promise<string[]> {
  const rows: { table_name: string }[] = await dataSource.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations' ORDER BY 1`,
  );
  return rows.map((row) => row.table_name);
}

/** Every migration down to nothing, then up again: each `down` must undo its `up` exactly. */
async function roundTrip(dataSource: DataSource): Promise<void> {
  const before = await tables(dataSource);
  expect(before).toContain('user_account');
  for (let i = 0; i < migrations.length; i += 1) await dataSource.undoLastMigration({ transaction: 'each' });
  expect(await tables(dataSource)).toEqual([]);
  await dataSource.runMigrations({ transaction: 'each' });
  expect(await tables(dataSource)).toEqual(before);
}

async function constraintsHold(dataSource: DataSource): Promise<void> {
  await dataSource.query(`INSERT INTO user_account (email, display_name, role, password_hash) VALUES ('a@b.example', 'A', 'citizen', 'x')`);
  const refused = (sql: string) => expect(dataSource.query(sql)).rejects.toThrow();
  await refused(`INSERT INTO user_account (email, display_name, role, password_hash) VALUES ('a@b.example', 'Again', 'citizen', 'x')`);
  await refused(`INSERT INTO user_account (email, display_name, role, password_hash) VALUES ('B@b.example', 'Upper', 'citizen', 'x')`);
  await refused(`INSERT INTO user_account (email, display_name, role, password_hash) VALUES ('c@b.example', 'C', 'mayor', 'x')`);
  await refused(`INSERT INTO user_account (email, display_name, role, password_hash) VALUES ('d@b.example', 'D', 'official', 'x')`);
  await dataSource.query(`DELETE FROM user_account WHERE email = 'a@b.example'`);
}

describe('migrations on the embedded PostgreSQL (PGlite)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'civicverse-pglite-'));
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = await openDatabase({ kind: 'embedded', dataDir });
  }, 60_000);
  afterAll(async () => {
    await dataSource?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('run on PostgreSQL 18 in WebAssembly', async () => {
    expect((await dataSource.query('SHOW server_version'))[0].server_version).toMatch(/^1[8-9]/);
  });
  test('enforce their constraints', () => constraintsHold(dataSource));
  test('go down and up again', () => roundTrip(dataSource), 60_000);
});

describeWithDatabase('migrations on the PostgreSQL server', () => {
  const name = `${new URL(runDatabaseUrl() ?? 'postgres://x/none').pathname.slice(1)}_migrations`;
  const url = Object.assign(new URL(runDatabaseUrl() ?? 'postgres://x/none'), { pathname: `/${name}` }).toString();
  const admin = () => new pg.Client({ connectionString: runDatabaseUrl() });
  let dataSource: DataSource;

  beforeAll(async () => {
    const client = admin();
    await client.connect();
    await client.query(`CREATE DATABASE ${name}`);
    await client.end();
    // Two instances starting at once: the advisory lock lets one migrate while the other waits.
    const [first, second] = await Promise.all([openDatabase({ kind: 'postgres', url }), openDatabase({ kind: 'postgres', url })]);
    await second.destroy();
    dataSource = first;
  });
  afterAll(async () => {
    await dataSource?.destroy();
    const client = admin();
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  });

  test('run once even when two instances start together', async () => {
    const applied: { name: string }[] = await dataSource.query('SELECT name FROM migrations');
    expect(applied.map((m) => m.name)).toEqual(migrations.map((m) => m.name));
  });
  test('enforce their constraints', () => constraintsHold(dataSource));
  test('go down and up again', () => roundTrip(dataSource));
});
