import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { portalDistDir } from '../config/paths.js';

/** Serves the built portal. Hashed assets are immutable; index.html is revalidated on every visit. */
export async function registerPortal(app: NestFastifyApplication, distDir: string = portalDistDir): Promise<void> {
  await app.register(fastifyStatic, {
    root: distDir,
    prefix: '/',
    // Routes for the files present at start; any other path falls through to the not-found handling.
    wildcard: false,
    setHeaders: (res, path) => {
      res.header('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}
