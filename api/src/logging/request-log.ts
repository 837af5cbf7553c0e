import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * One log line per request, when it is answered: its id, method, URL, status and time. Fastify's own request logging
 * (turned off in createApp) writes two, "incoming request" and "request completed", and at the default level that
 * second JSON line cost a fifth of the throughput of the lightest routes (docs/performance.md).
 */
export function registerRequestLog(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onResponse', (request, reply, done) => {
      request.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
      done();
    });
}
