import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../config/environment.js';
import { repoRoot } from '../config/paths.js';
import { DataSource } from 'typeorm';
import { dataSourceOptions, openDatabase } from '../database/data-source.js';
import { CliError, runCli } from './run-cli.js';

const USAGE = 'usage: npm run migration:run | migration:revert | migration:check | migration:generate -- <PascalCaseName>';

/** Migrations by hand, on the database start-up would use (DATABASE_URL, else the embedded one). */
runCli(async (args) => {
  const config = loadConfig(process.env);
  const [command, name] = args;
  if (command === 'run') {
    const dataSource = await openDatabase(config.database);
    await dataSource.destroy();
    return 'migrations are up to date';
  }
  if (command === 'revert') {
    const dataSource = await openDatabase(config.database);
    try {
      await dataSource.undoLastMigration({ transaction: 'each' });
    } finally {
      await dataSource.destroy();
    }
    return 'reverted the last migration';
  }
  if (command === 'check') {
    const drift = await schemaDrift(config.database);
    if (drift.up.length === 0) return 'the entities match the migrated schema';
    throw new CliError(
      `the entities differ from the migrated schema; a migration would run:\n${drift.up.map((q) => `  ${q.query};`).join('\n')}`,
    );
  }
  if (command === 'generate' && name && /^[A-Z][A-Za-z0-9]{2,80}$/.test(name)) return generate(config.database, name);
  throw new CliError(USAGE);
});

type Database = ReturnType<typeof loadConfig>['database'];
type Queries = Awaited<ReturnType<ReturnType<DataSource['driver']['createSchemaBuilder']>['log']>>['upQueries'];

/** What TypeORM would change to make the migrated schema match the entities. */
async function schemaDrift(database: Database): Promise<{ up: Queries; down: Queries }> {
  await (await openDatabase(database)).destroy();
  const dataSource = new DataSource(dataSourceOptions(database));
  await dataSource.initialize();
  try {
    const { upQueries, downQueries } = await dataSource.driver.createSchemaBuilder().log();
    return { up: upQueries, down: downQueries };
  } finally {
    await dataSource.destroy();
  }
}

/** Writes the difference between the entities and the migrated schema as a new migration, for review. */
async function generate(database: Database, name: string): Promise<string> {
  const { up, down } = await schemaDrift(database);
  if (up.length === 0) return 'no changes: the entities match the schema';
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const file = `${timestamp}-${name}.ts`;
  const lines = (queries: Queries) =>
    queries
      .map(
        (q) => `    await queryRunner.query(${JSON.stringify(q.query)}${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ''});`,
      )
      .join('\n');
  writeFileSync(
    join(repoRoot, 'migrations', file),
    `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${className} implements MigrationInterface {\n  name = '${className}';\n\n  async up(queryRunner: QueryRunner): Promise<void> {\n${lines(up)}\n  }\n\n  async down(queryRunner: QueryRunner): Promise<void> {\n${lines([...down].reverse())}\n  }\n}\n`,
  );
  // The new class joins the list in migrations/index.ts, its import after the last import.
  const indexPath = join(repoRoot, 'migrations', 'index.ts');
  const index = readFileSync(indexPath, 'utf8');
  const lastImport = [...index.matchAll(/^import .*\n/gm)].at(-1);
  const at = lastImport ? lastImport.index + lastImport[0].length : 0;
  const updated = `${index.slice(0, at)}import { ${className} } from './${file.replace(/\.ts$/, '.js')}';\n${index.slice(at)}`;
  writeFileSync(indexPath, updated.replace(/\];\s*$/, `, ${className}];\n`));
  return `wrote migrations/${file}: review it, name its constraints, then run npm run migration:run`;
}
