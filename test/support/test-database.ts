// Integration and browser tests run against a real PostgreSQL: a fresh database per run, made from
// TEST_DATABASE_URL by the global setup and dropped at the end. Outside CI a missing server skips those
// tests loudly; with CI=true it fails the run.
import { RUN_DATABASE_ENV } from './test-database.constants.mjs';

/** The run's database URL, or undefined when the suite runs without a database (outside CI only). */
export function runDatabaseUrl(): string | undefined {
  return process.env[RUN_DATABASE_ENV];
}

/** `describe` for suites that need the database: skipped, with the reason printed by the setup, when there is none. */
export const describeWithDatabase: jest.Describe = runDatabaseUrl() ? describe : describe.skip;
