import type { Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { pino } from 'pino';
import { createApp } from '../../api/src/create-app.js';
import { prepare } from '../../api/src/prepare.js';
import type { AppContext } from '../../api/src/app.module.js';
import { runDatabaseUrl } from './test-database.js';

export interface TestApp {
  url: string;
  app: NestFastifyApplication;
  context: AppContext;
  close(): Promise<void>;
}

/** The real API on the run's PostgreSQL (with the demo accounts), listening on a free loopback port. */
export async function startTestApp(env: NodeJS.ProcessEnv = {}, extraModules: Type[] = []): Promise<TestApp> {
  const databaseUrl = runDatabaseUrl();
  if (!databaseUrl) throw new Error('startTestApp needs the test database (see test/support/test-database.ts)');
  const context = await prepare(
    {
      CITY: 'seoul',
      // On: every test file shares the run's database, and an app started with demo data off removes the demo
      // accounts that tests running beside it sign in with.
      DEMO_DATA: 'true',
      RATE_LIMIT_PER_MINUTE: '100000',
      AUTH_RATE_LIMIT_PER_MINUTE: '100000',
      DATABASE_URL: databaseUrl,
      ...env,
    },
    pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
  );
  const app = await createApp(context, extraModules);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  if (!address || typeof address === 'string') throw new Error('the test app has no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    app,
    context,
    close: () => app.close(),
  };
}
