// Plain JavaScript: jest loads global setup outside its ES-module pipeline.
// Makes the run's own database; the API's start-up migrates it (under an advisory lock) as in production.
import pg from 'pg';
import { adminUrl, databaseUrlFor, NO_DATABASE_ENV, RUN_DATABASE_ENV } from './test-database.constants.mjs';

export default async function setup() {
  const name = `civicverse_test_${Date.now()}_${process.pid}`;
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query(`CREATE DATABASE ${name}`);
  } catch (error) {
    const reason = `no PostgreSQL at TEST_DATABASE_URL ${adminUrl}: ${error.message}`;
    if (process.env.CI === 'true') throw new Error(`CI needs a database: ${reason}`, { cause: error });
    process.env[NO_DATABASE_ENV] = reason;
    const bar = '!'.repeat(80);
    process.stderr.write(
      `\n${bar}\nSKIPPING every database and browser test: ${reason}\n` +
        `Start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n${bar}\n\n`,
    );
    return;
  } finally {
    await client.end().catch(() => {});
  }
  process.env[RUN_DATABASE_ENV] = databaseUrlFor(name);
}
