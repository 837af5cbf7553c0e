import { demoAccounts } from '../accounts/demo-accounts.js';
import { prepare } from '../prepare.js';
import { runCli } from './run-cli.js';

/** `npm run seed`: the demo data start-up seeds in demo mode, on demand (DEMO_DATA defaults to on here). */
runCli(async () => {
  const context = await prepare({ ...process.env, DEMO_DATA: process.env.DEMO_DATA ?? 'true' });
  await context.dataSource.destroy();
  if (!context.config.demoData) return 'DEMO_DATA is off: demo accounts removed, nothing seeded';
  return [
    'demo data is in place; demo accounts:',
    ...demoAccounts.map((a) => `  ${a.role.padEnd(8)} ${a.email}  password: ${a.password}`),
  ].join('\n');
});
