import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../config/environment.js';
import { repoRoot } from '../config/paths.js';
import { openDatabase, dataSourceOptions } from '../database/data-source.js';
import { DataSource } from 'typeorm';
import { runCli } from './run-cli.js';

const USAGE = 'usage: npm run migration:run | migration:revert | migration:generate -- <PascalCaseName>';

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
  if (command === 'generate' && name && /^[A-Z][A-Za-z0-9]{2,80}$/.test(name)) return generate(config.database, name);
  throw new Error(USAGE);
});

/** Writes the difference between the entities and the migrated schema as a new migration. */
async function generate(database: ReturnType<typeof loadConfig>['database'], name: string): Promise<string> {
  await (await openDatabase(database)).destroy();
  const dataSource = new DataSource(dataSourceOptions(database));
  await dataSource.initialize();
  try {
    const { upQueries, downQueries } = await dataSource.driver.createSchemaBuilder().log();
    if (upQueries.length === 0) return 'no changes: the entities match the schema';
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const file = `${timestamp}-${name}.ts`;
    const lines = (queries: typeof upQueries) =>
      queries
        .map(
          (q) =>
            `    await queryRunner.query(${JSON.stringify(q.query)}${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ''});`,
        )
        .join('\n');
    writeFileSync(
      join(repoRoot, 'migrations', file),
      `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${className} implements MigrationInterface {\n  name = '${className}';\n\n  async up(queryRunner: QueryRunner): Promise<void> {\n${lines(upQueries)}\n  }\n\n  async down(queryRunner: QueryRunner): Promise<void> {\n${lines([...downQueries].reverse())}\n  }\n}\n`,
    );
    const indexPath = join(repoRoot, 'migrations', 'index.ts');
    const index = readFileSync(indexPath, 'utf8')
      .replace(/(\nexport const migrations = \[)/, `import { ${className} } from './${file.replace(/\.ts$/, '.js')}';\n$1`)
      .replace(/\];\s*$/, `, ${className}];\n`);
    writeFileSync(indexPath, index);
    return `wrote migrations/${file}: review it, name its constraints, then run npm run migration:run`;
  } finally {
    await dataSource.destroy();
  }
}
