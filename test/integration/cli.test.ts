import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { demoAccounts } from '../../api/src/accounts/demo-accounts.js';
import { repoRoot } from '../../api/src/config/paths.js';
import { migrations } from '../../migrations/index.js';
import { describeWithDatabase, runDatabaseUrl } from '../support/test-database.js';

const run = promisify(execFile);
/** The built command-line tasks, as `npm run migration:*` and `npm run seed` run them. */
const cli = (script: string, args: string[], env: NodeJS.ProcessEnv) =>
  run(process.execPath, [join(repoRoot, 'dist', 'api', 'src', 'cli', script), ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH, LOG_LEVEL: 'silent', ...env },
  });

describeWithDatabase('migration and seed commands on a PostgreSQL server', () => {
  const name = `${new URL(runDatabaseUrl() ?? 'postgres://x/none').pathname.slice(1)}_cli`;
  const url = Object.assign(new URL(runDatabaseUrl() ?? 'postgres://x/none'), { pathname: `/${name}` }).toString();
  const admin = new pg.Client({ connectionString: runDatabaseUrl() });
  const tables = async () => {
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      const { rows } = await db.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
      );
      return rows.map((row) => row.table_name);
    } finally {
      await db.end();
    }
  };

  const applied = async () => {
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      return (await db.query<{ name: string }>('SELECT name FROM migrations ORDER BY id')).rows.map((row) => row.name);
    } finally {
      await db.end();
    }
  };

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  });
  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  test('run, check (entities and migrations agree), revert and run again', async () => {
    expect((await cli('migrate.js', ['run'], { DATABASE_URL: url })).stdout).toBe('migrations are up to date\n');
    expect(await applied()).toEqual(migrations.map((m) => m.name));
    expect(await tables()).toEqual(expect.arrayContaining(['audit_event', 'civic_case', 'complaint', 'user_account', 'user_session']));
    expect((await cli('migrate.js', ['check'], { DATABASE_URL: url })).stdout).toBe('the entities match the migrated schema\n');
    expect((await cli('migrate.js', ['revert'], { DATABASE_URL: url })).stdout).toBe('reverted the last migration\n');
    expect(await applied()).toEqual(migrations.slice(0, -1).map((m) => m.name));
    await cli('migrate.js', ['run'], { DATABASE_URL: url });
    expect(await applied()).toEqual(migrations.map((m) => m.name));
  });

  test('check fails, naming the SQL, when the schema is behind the entities', async () => {
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    await db.query('ALTER TABLE user_account DROP CONSTRAINT ck_user_account_role');
    await db.end();
    await expect(cli('migrate.js', ['check'], { DATABASE_URL: url })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(
        /^civicverse: the entities differ from the migrated schema; a migration would run:\n.*ck_user_account_role/,
      ),
    });
    // Back to the migrated schema for the next tests.
    const restore = new pg.Client({ connectionString: url });
    await restore.connect();
    await restore.query(`ALTER TABLE user_account ADD CONSTRAINT ck_user_account_role CHECK (role IN ('citizen', 'official', 'admin'))`);
    await restore.end();
    expect((await cli('migrate.js', ['check'], { DATABASE_URL: url })).stdout).toBe('the entities match the migrated schema\n');
  });

  test('a wrong call says how to use it', async () => {
    await expect(cli('migrate.js', ['generate', 'bad name'], { DATABASE_URL: url })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(
        'usage: npm run migration:run | migration:revert | migration:check | migration:generate -- <PascalCaseName>',
      ),
    });
  });

  test('seed creates the demo accounts once, with argon2id hashes', async () => {
    const first = await cli('seed.js', [], { DATABASE_URL: url });
    for (const account of demoAccounts) expect(first.stdout).toContain(account.email);
    await cli('seed.js', [], { DATABASE_URL: url });
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const { rows } = await db.query<{ email: string; role: string; password_hash: string; is_demo: boolean }>(
      'SELECT email, role, password_hash, is_demo FROM user_account ORDER BY email',
    );
    await db.end();
    expect(rows.map((row) => [row.email, row.role, row.is_demo])).toEqual(
      [...demoAccounts].sort((a, b) => a.email.localeCompare(b.email)).map((a) => [a.email, a.role, true]),
    );
    for (const row of rows) expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  test('demo data off removes the demo accounts, and disables one that records still name; back on, they work again', async () => {
    await cli('seed.js', [], { DATABASE_URL: url });
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      // A case the demo citizen opened: its record stays, so the account cannot go; its public password must not work.
      await db.query(
        `INSERT INTO civic_case (case_number, owner_id, tracking_token_hash)
         SELECT 'SEL-2026-900001', id, '\\x01'::bytea FROM user_account WHERE email = 'citizen@demo.civicverse.local'`,
      );
      expect((await cli('seed.js', [], { DATABASE_URL: url, DEMO_DATA: 'false' })).stdout).toContain('DEMO_DATA is off');
      const off = await db.query<{ email: string; disabled: boolean }>(
        'SELECT email, disabled_at IS NOT NULL AS disabled FROM user_account WHERE is_demo ORDER BY email',
      );
      expect(off.rows).toEqual([{ email: 'citizen@demo.civicverse.local', disabled: true }]);
      await cli('seed.js', [], { DATABASE_URL: url });
      const on = await db.query<{ email: string; disabled: boolean }>(
        'SELECT email, disabled_at IS NOT NULL AS disabled FROM user_account WHERE is_demo ORDER BY email',
      );
      expect(on.rows).toEqual(
        [...demoAccounts].sort((a, b) => a.email.localeCompare(b.email)).map((a) => ({ email: a.email, disabled: false })),
      );
    } finally {
      await db.end();
    }
  });

  test('admin create-official makes an official of a city department, audited; bad arguments are named', async () => {
    const seoul = JSON.parse(readFileSync(join(repoRoot, 'api', 'city-packs', 'seoul.json'), 'utf8')) as { departments: { id: string }[] };
    const department = seoul.departments[0]?.id ?? '';
    const args = [
      'create-official',
      '--email',
      'Officer.Lee@Seoul.example',
      '--name',
      'Officer Lee',
      '--department',
      department,
      '--password',
      'harbour-lantern-99',
    ];
    const created = await cli('admin.js', args, { DATABASE_URL: url });
    expect(created.stdout).toMatch(
      new RegExp(`^created official officer\\.lee@seoul\\.example \\([0-9a-f-]{36}\\) in department ${department}\\n$`),
    );
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const { rows } = await db.query<{ role: string; action: string; source: string }>(
      `SELECT a.role, e.action, e.source FROM user_account a JOIN audit_event e ON e.object_id = a.id::text WHERE a.email = 'officer.lee@seoul.example'`,
    );
    await db.end();
    expect(rows).toEqual([{ role: 'official', action: 'account.role_changed', source: 'cli' }]);

    await expect(cli('admin.js', args, { DATABASE_URL: url })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('An account with this email address already exists'),
    });
    await expect(
      cli(
        'admin.js',
        ['create-official', '--email', 'not-an-email', '--name', 'X', '--department', department, '--password', 'harbour-lantern-99'],
        { DATABASE_URL: url },
      ),
    ).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--email is not valid (isEmail)'),
    });
  });

  test('admin retention counts with --dry-run and deletes without it', async () => {
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    await db.query(`INSERT INTO auth_failure (email_hash, at) VALUES (sha256('x'), now() - interval '2 hours'), (sha256('y'), now())`);
    expect((await cli('admin.js', ['retention', '--dry-run'], { DATABASE_URL: url })).stdout).toBe(
      'would delete: endedSessions 0, oldSignInFailures 1, oldConsultationReports 0, oldPresenceReports 0, closedSubmissionFiles 0, abandonedUploads 0\n',
    );
    expect((await db.query('SELECT count(*)::int AS n FROM auth_failure')).rows[0].n).toBe(2);
    expect((await cli('admin.js', ['retention'], { DATABASE_URL: url })).stdout).toBe(
      'deleted: endedSessions 0, oldSignInFailures 1, oldConsultationReports 0, oldPresenceReports 0, closedSubmissionFiles 0, abandonedUploads 0\n',
    );
    expect((await db.query('SELECT count(*)::int AS n FROM auth_failure')).rows[0].n).toBe(1);
    await db.end();
  });
});
