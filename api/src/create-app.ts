import 'reflect-metadata';
import type { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { LogController } from 'fastify';
import { randomUUID } from 'node:crypto';
import { type AppContext, AppModule } from './app.module.js';
import { ErrorResponder } from './common/error-responder.js';
import { frameworkErrorOptions } from './http/framework-errors.js';
import { registerJsonBody } from './http/json-body.js';
import { registerOpenApi } from './http/openapi.js';
import { registerSecurity } from './http/security.js';
import { registerUploads } from './documents/register-uploads.js';
import { LiveIoAdapter } from './live/live-io.adapter.js';
import { JsonLogger } from './logging/json-logger.js';
import { registerRequestLog } from './logging/request-log.js';
import { PortalFallback } from './portal/portal-fallback.js';
import { registerPortal } from './portal/register-portal.js';

/** Builds the HTTP application on an already prepared context; the caller listens. */
export async function createApp(
  context: AppContext,
  /** More modules to mount, for tests that exercise the shared HTTP plumbing through routes of their own. */
  extraModules: Type[] = [],
): Promise<NestFastifyApplication> {
  // Fastify is configured before Nest exists; its refusals are answered by Nest's responder once there is one.
  const built: { responder?: ErrorResponder } = {};
  const adapter = new FastifyAdapter({
    loggerInstance: context.logger,
    bodyLimit: context.config.bodyLimitBytes,
    trustProxy: context.config.trustProxy,
    genReqId: () => randomUUID(),
    // registerRequestLog writes one line per request instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    // Lets a hostile client keep no connection or header parser busy for long.
    connectionTimeout: 30_000,
    requestTimeout: 60_000,
    routerOptions: { maxParamLength: 200 },
    ...frameworkErrorOptions(() => built.responder),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(context, extraModules), adapter, {
    logger: new JsonLogger(context.logger),
    bufferLogs: false,
  });
  built.responder = app.get(ErrorResponder);
  app.useWebSocketAdapter(new LiveIoAdapter(app, context.config.redisUrl ?? null, context.pack.id, context.logger));
  registerRequestLog(app);
  registerJsonBody(app, context.config.bodyLimitBytes);
  await registerSecurity(app, context.config, context.redis);
  await registerUploads(app);
  if (app.get(PortalFallback).built) await registerPortal(app);
  registerOpenApi(app);
  const { redis } = context;
  if (redis) {
    app
      .getHttpAdapter()
      .getInstance()
      .addHook('onClose', async () => {
        await redis.quit().catch(() => redis.disconnect());
      });
  }
  app.enableShutdownHooks();
  await app.init();
  return app;
}
