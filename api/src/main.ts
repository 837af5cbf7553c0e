import { demoAccounts } from './accounts/demo-accounts.js';
import { CityPackError } from './city/city-pack.errors.js';
import { ConfigError } from './config/environment.js';
import { createApp } from './create-app.js';
import { prepare } from './prepare.js';

/** A problem the operator must fix is one line on stderr and exit code 1; anything else is a crash. */
function fail(error: unknown): never {
  const listenCode = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  if (error instanceof ConfigError || error instanceof CityPackError) {
    process.stderr.write(`civicverse: cannot start: ${error.message}\n`);
  } else if (['EADDRINUSE', 'EACCES', 'EADDRNOTAVAIL'].includes(listenCode)) {
    process.stderr.write(`civicverse: cannot start: cannot listen (${listenCode}): ${(error as Error).message}\n`);
  } else {
    process.stderr.write(
      `civicverse: crashed during start-up: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
}

async function main(): Promise<void> {
  const context = await prepare(process.env);
  const app = await createApp(context);
  await app.listen({ port: context.config.port, host: context.config.host });
  const { config } = context;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
  const lines = [
    `Civicverse is running for ${context.pack.name.en ?? context.pack.id} at ${url}`,
    `  database: ${config.database.kind === 'embedded' ? `embedded PostgreSQL in ${config.database.dataDir}` : 'PostgreSQL (DATABASE_URL)'}`,
    `  API docs: ${url}/api/docs`,
  ];
  if (config.demoData) {
    lines.push('  demo accounts (DEMO_DATA is on; never use them in production):');
    for (const account of demoAccounts) lines.push(`    ${account.role.padEnd(8)} ${account.email}  password: ${account.password}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch(fail);
