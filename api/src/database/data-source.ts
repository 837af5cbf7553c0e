import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { migrations } from '../../../migrations/index.js';
import { type AppConfig, ConfigError, redactUrl } from '../config/environment.js';
import { entities } from './entities.js';
import { serialPGliteDriver } from './serial-pglite-pool.js';

const common = {
  type: 'postgres',
  entities,
  migrations,
  // The schema changes only through migrations/ (docs/adr/0002-database.md).
  synchronize: false,
  migrationsRun: false,
  migrationsTransactionMode: 'each',
} as const;

export function dataSourceOptions(database: AppConfig['database']): DataSourceOptions {
  if (database.kind === 'postgres') {
    return { ...common, url: database.url, extra: { max: 10, connectionTimeoutMillis: 5000 } };
  }
  const dataDir = join(database.dataDir, 'pglite');
  mkdirSync(dataDir, { recursive: true });
  return {
    ...common,
    driver: serialPGliteDriver(dataDir),
    // TypeORM would install uuid-ossp, which PGlite cannot load; gen_random_uuid() is built in.
    installExtensions: false,
    uuidExtension: 'pgcrypto',
  };
}

/** Connects and brings the schema up to date, or fails with one line that names the database problem. */
export async function openDatabase(database: AppConfig['database']): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(database));
  const where = database.kind === 'postgres' ? `DATABASE_URL ${redactUrl(database.url)}` : `embedded database in ${database.dataDir}`;
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new ConfigError(`cannot connect to ${where}: ${describe(error)}`);
  }
  try {
    await migrate(dataSource, database.kind);
  } catch (error) {
    await dataSource.destroy();
    throw new ConfigError(`migrations failed on ${where}: ${describe(error)}`);
  }
  return dataSource;
}

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0]);
  if (error instanceof Error) return error.message || (error as NodeJS.ErrnoException).code || error.name;
  return String(error);
}

/** Any fixed number, the same in every instance: the key of the lock that lets one instance migrate at a time. */
const MIGRATION_LOCK_KEY = 7_146_203_118;

/**
 * Several instances may start together against one server: the advisory lock makes the others wait while one
 * migrates. It is a transaction's lock, held by a transaction left open on its own connection while the migrations
 * run on others: behind PgBouncer in transaction pooling an open transaction keeps its server connection, where a
 * session's lock could be taken on one server connection and released on another, and stay held for ever. The
 * embedded database belongs to one process, and its single connection could not hold the lock while migrations run.
 */
async function migrate(dataSource: DataSource, kind: AppConfig['database']['kind']): Promise<void> {
  if (kind === 'embedded') {
    await dataSource.runMigrations({ transaction: 'each' });
    return;
  }
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.startTransaction();
    await lock.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    // Ending the transaction releases the lock, whether the migrations succeeded or not.
    await lock.rollbackTransaction().catch(() => undefined);
    await lock.release();
  }
}
