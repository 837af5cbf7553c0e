import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { portalDistDir } from '../config/paths.js';

/** Serves the portal's index.html for page paths, so that deep links and reloads work (History API routing). */
@Injectable()
export class PortalFallback {
  private readonly indexHtml: Buffer | undefined;

  constructor() {
    const index = join(portalDistDir, 'index.html');
    this.indexHtml = existsSync(index) ? readFileSync(index) : undefined;
  }

  get built(): boolean {
    return this.indexHtml !== undefined;
  }

  servesPage(request: FastifyRequest): boolean {
    const path = request.url.split('?', 1)[0] ?? '';
    return (
      this.indexHtml !== undefined &&
      (request.method === 'GET' || request.method === 'HEAD') &&
      path !== '/api' &&
      !path.startsWith('/api/') &&
      // A missing asset (/assets/x.js, /favicon.ico) is a real 404, not a page.
      !/\.[a-z0-9]+$/i.test(path)
    );
  }

  sendIndex(reply: FastifyReply): void {
    void reply.status(200).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(this.indexHtml);
  }
}
