import pg from 'pg';
import { adminUrl, RUN_DATABASE_ENV } from './test-database.constants.mjs';

export default async function teardown() {
  const url = process.env[RUN_DATABASE_ENV];
  if (!url) return;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
