import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './server-process.js';

/**
 * A PostgreSQL cluster of a test's own (Debian's initdb and pg_ctl) on a free loopback port, for tests that stop or
 * restart the database: the shared server at TEST_DATABASE_URL serves every other test file at the same time and
 * must never be touched. PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user.
 * Outside CI missing binaries skip those tests loudly; with CI=true they fail the run.
 */
function postgresBin(): string | undefined {
  if (process.env.TEST_POSTGRES_BIN) return process.env.TEST_POSTGRES_BIN;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const newest = readdirSync(root)
    .filter((version) => existsSync(join(root, version, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a))[0];
  return newest ? join(root, newest, 'bin') : undefined;
}

const bin = postgresBin();
const asRoot = process.getuid?.() === 0;
const missingPostgres = !bin
  ? 'no PostgreSQL server binaries in /usr/lib/postgresql/<version>/bin (apt-get install postgresql)'
  : asRoot && spawnSync('id', ['-u', 'postgres']).status !== 0
    ? 'running as root, and there is no postgres user to run a private cluster as'
    : undefined;
if (missingPostgres) {
  if (process.env.CI === 'true') throw new Error(`CI needs a private PostgreSQL: ${missingPostgres}`);
  process.stderr.write(`\n${'!'.repeat(80)}\nSKIPPING private-PostgreSQL tests: ${missingPostgres}\n${'!'.repeat(80)}\n\n`);
}

export const describeWithPrivatePostgres: jest.Describe = missingPostgres ? describe.skip : describe;

export interface PrivatePostgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres, trust authentication. */
  url: string;
  start(): Promise<void>;
  /** `pg_ctl stop -m fast`: sessions are ended, as in a database restart or fail-over. */
  stop(): Promise<void>;
  /** Stops it and deletes its folder. */
  dispose(): Promise<void>;
}

/**
 * Runs one of PostgreSQL's programs, as the `postgres` user when the test runs as root; asynchronously, so that the
 * API under test (in this process) keeps serving meanwhile.
 */
async function run(program: string, args: string[]): Promise<void> {
  const path = join(bin ?? '', program);
  const [command, commandArgs] = asRoot ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, args];
  await promisify(execFile)(command, commandArgs, { timeout: 60_000 });
}

/** A new cluster in a temporary folder, started. */
export async function privatePostgres(): Promise<PrivatePostgres> {
  const folder = mkdtempSync(join(tmpdir(), 'civicverse-postgres-'));
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(folder, uid, gid);
  }
  const data = join(folder, 'data');
  const port = await freePort();
  await run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync', '--no-instructions']);
  // The socket goes in the test's folder (the default /var/run/postgresql may not exist); fsync off: a test cluster.
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  let running = false;
  const cluster: PrivatePostgres = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async start() {
      await run('pg_ctl', ['-D', data, '-o', options, '-l', join(folder, 'postgres.log'), '-w', '-t', '30', 'start']);
      running = true;
    },
    async stop() {
      if (!running) return;
      await run('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop']);
      running = false;
    },
    async dispose() {
      try {
        await cluster.stop();
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
  await cluster.start();
  return cluster;
}
