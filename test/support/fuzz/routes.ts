import type { NestFastifyApplication } from '@nestjs/platform-fastify';

export interface Route {
  /** Fastify's pattern, e.g. `/api/complaints/:id` or `/open311/v2/requests.:format`. */
  path: string;
  methods: string[];
}

/**
 * Every route of the running app, read from Fastify's own route tree (`printRoutes`): nothing is listed by hand, so
 * a route added tomorrow is fuzzed tomorrow. Each line of the tree is a segment; a path is its ancestors' segments.
 */
export function appRoutes(app: NestFastifyApplication): Route[] {
  const tree = app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false });
  const stack: string[] = [];
  const routes: Route[] = [];
  for (const line of tree.split('\n')) {
    const branch = /[├└]── /.exec(line);
    if (!branch) continue;
    const depth = branch.index / 4;
    const [, segment = '', methods] = /^(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line.slice(branch.index + 4)) ?? [];
    stack.length = depth;
    stack.push(segment);
    if (methods) routes.push({ path: stack.join('').replace(/^\/\//, '/'), methods: methods.split(', ') });
  }
  return routes;
}
