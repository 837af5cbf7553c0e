import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import helmet from 'helmet';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../config/environment.js';
import { DomainError } from '../common/domain-error.js';
import { sharedOrLocalStore } from './rate-limit-store.js';

/** Everything the portal needs and nothing from elsewhere (no CDN, no inline script). */
const portalCsp = {
  defaultSrc: ["'self'"],
  // CesiumJS (the 3D twin) bundles WebAssembly decoders that compile on load: 'wasm-unsafe-eval' allows that and
  // nothing else (no eval of JavaScript). See docs/adr/0005-cesium-offline.md.
  scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
  // The one <style> element CesiumJS 1.145 inserts (its credits' lightbox), by hash; nothing else inline.
  styleSrc: ["'self'", "'sha256-gM2CWYHXIHTu7Ts6ncwv0GMWZ9LXGrz2qqqjyuDojl8='"],
  // …and the one style attribute it sets, on a detached canvas, to detect `image-rendering: pixelated`.
  styleSrcAttr: ["'unsafe-hashes'", "'sha256-BVJq0J0CcoIBO7ikkmisQ5kYoOnqxRUC37ihQ3YWZQQ='"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** swagger-ui's page carries inline <style> blocks; only its pages get that allowance. */
const DOCS_CSP = Object.entries({ ...portalCsp, styleSrc: ["'self'", "'unsafe-inline'"], styleSrcAttr: ["'unsafe-inline'"] })
  .map(([name, values]) => `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${values.join(' ')}`)
  .join('; ');

/** Route config flag of the sign-in and registration routes, which get a stricter limit of their own per address. */
export const AUTH_LIMITED = 'authLimited';

/**
 * helmet's headers, worked out once: our policy has no per-request part (no nonce), and building helmet's
 * middleware chain on every request cost ~5% of a light route's time (docs/performance.md).
 */
function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: unknown) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  const middleware = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: portalCsp },
    // Served over plain HTTP on localhost in demo mode; a TLS-terminating proxy adds HSTS in production.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
  let failure: unknown;
  middleware({} as never, response as never, (error?: unknown) => void (failure = error));
  if (failure) throw failure instanceof Error ? failure : new Error('helmet refused the security policy');
  return headers;
}

export async function registerSecurity(app: NestFastifyApplication, config: AppConfig, redis: Redis | null): Promise<void> {
  const headers = securityHeaders();
  const docsHeaders = { ...headers, 'content-security-policy': DOCS_CSP };
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request, reply) => {
      reply.headers(request.url.startsWith('/api/docs') ? docsHeaders : headers);
    });
  await app.register(rateLimit, {
    timeWindow: '1 minute',
    max: (request) => (isAuthLimited(request) ? config.authRateLimitPerMinute : config.rateLimitPerMinute),
    // A separate count for sign-in attempts, so that browsing does not use up a person's sign-in attempts.
    keyGenerator: (request) => (isAuthLimited(request) ? `auth:${request.ip}` : request.ip),
    // The portal's static files are not the API: a page load fetches many of them. Open311 clients are counted.
    allowList: (request) => !request.url.startsWith('/api') && !request.url.startsWith('/open311'),
    // With Redis the limit is shared by every instance; while Redis is away each instance counts alone.
    ...(redis ? { store: sharedOrLocalStore(redis, 'civicverse:rate-limit:') } : {}),
    errorResponseBuilder: (_request, context) => new DomainError('RATE_LIMITED', { count: Math.ceil(context.ttl / 1000) }),
  });
}

function isAuthLimited(request: FastifyRequest): boolean {
  return (request.routeOptions.config as unknown as Record<string, unknown> | undefined)?.[AUTH_LIMITED] === true;
}
