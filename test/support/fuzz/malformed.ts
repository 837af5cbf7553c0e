import { BODY_KINDS } from './bodies.js';
import { ACCEPT_LANGUAGES, EXTRA_HEADERS, FORMATS, ODD_METHODS, PARAM_VALUES, PATH_TRICKS, QUERIES } from './hostile-values.js';
import type { Prng } from './prng.js';
import type { RawRequest } from './raw-http.js';
import type { Route } from './routes.js';

export interface Identity {
  name: 'signed out' | 'citizen' | 'official' | 'admin';
  cookie?: string;
}

export interface FuzzCase extends RawRequest {
  /** A short description for the failure report: method, target, headers and the first bytes of the body. */
  describe(): string;
}

/** Fills a route pattern's parameters (`:id`, `:token|:id`, `.:format`) with hostile or plausible values. */
function target(rng: Prng, route: Route): Buffer {
  const pieces: Buffer[] = [];
  const pattern = /\.:format|:[A-Za-z_]+(\|:[A-Za-z_]+)*|\*/g;
  let at = 0;
  for (const match of route.path.matchAll(pattern)) {
    pieces.push(Buffer.from(route.path.slice(at, match.index)));
    const value = match[0] === '.:format' ? `.${rng.pick(FORMATS)}` : rng.pick(PARAM_VALUES);
    pieces.push(Buffer.isBuffer(value) ? value : Buffer.from(value));
    at = match.index + match[0].length;
  }
  pieces.push(Buffer.from(route.path.slice(at)));
  let path = Buffer.concat(pieces);
  if (rng.chance(0.15)) path = Buffer.from(rng.pick(PATH_TRICKS)(path.toString('latin1')), 'latin1');
  const query = rng.pick(QUERIES);
  return Buffer.concat([path, Buffer.from(query), rng.chance(0.03) ? Buffer.from('&bad=\xff\xfe', 'latin1') : Buffer.alloc(0)]);
}

/** One malformed request to a route of the app, made entirely from `rng`: the same seed gives the same request. */
export function malformedRequest(rng: Prng, routes: Route[], identity: Identity, origin: string): FuzzCase {
  const route = rng.pick(routes);
  const method = rng.chance(0.8) ? rng.pick(route.methods) : rng.pick(ODD_METHODS);
  const headers: [string, string | Buffer][] = [];
  if (identity.cookie) headers.push(['cookie', identity.cookie]);
  // What the portal's pages send with a change; sometimes missing, to meet the CSRF check too.
  if (rng.chance(0.9)) headers.push(['origin', origin], ['sec-fetch-site', 'same-origin']);
  if (rng.chance(0.2)) headers.push(['accept-language', rng.pick(ACCEPT_LANGUAGES)]);
  if (rng.chance(0.3)) headers.push(['idempotency-key', `fuzz-${rng.int(1e9)}`]);
  if (rng.chance(0.1)) headers.push(rng.pick(EXTRA_HEADERS));
  const withBody = !['GET', 'HEAD', 'get'].includes(method) || rng.chance(0.05);
  const body = withBody && rng.chance(0.9) ? rng.pick(BODY_KINDS)(rng, route.path) : undefined;
  if (body?.contentType) headers.push(['content-type', body.contentType]);
  if (body?.chunked) headers.push(['transfer-encoding', 'chunked']);
  else if (body) headers.push(['content-length', String(body.body.length)]);
  const request = { method, target: target(rng, route), headers, body: body?.body };
  return {
    ...request,
    describe: () =>
      JSON.stringify({
        identity: identity.name,
        method,
        target: request.target.toString('latin1').slice(0, 300),
        headers: headers.map(([name, value]) => `${name}: ${value.toString('latin1').slice(0, 120)}`),
        body: body?.body.subarray(0, 300).toString('latin1'),
        bodyBytes: body?.body.length,
      }),
  };
}
