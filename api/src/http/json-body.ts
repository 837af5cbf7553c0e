import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Server } from 'node:http';
import { DomainError } from '../common/domain-error.js';

/**
 * No body the API takes nests deeper than a few levels; a hostile one nested thousands deep would overflow the
 * stack of the validation pipe's recursive transform (a 500). Deeper than this is refused as MALFORMED_BODY.
 */
export const MAX_JSON_DEPTH = 32;

/** The deepest nesting of objects and arrays in JSON text, counted outside strings, without parsing it. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') deepest = Math.max(deepest, ++depth);
    else if (char === '}' || char === ']') depth -= 1;
  }
  return deepest;
}

/** application/json as Fastify parses it by default (prototype poisoning refused), within the depth limit. */
export function registerJsonBody(app: NestFastifyApplication, bodyLimit: number): void {
  const instance = app.getHttpAdapter().getInstance();
  const parse = instance.getDefaultJsonParser('error', 'error');
  app.useBodyParser<Server>('application/json', { bodyLimit }, (request, body, done) => {
    const text = body.toString('utf8');
    if (jsonDepth(text) > MAX_JSON_DEPTH) done(new DomainError('MALFORMED_BODY'), undefined);
    else void parse(request, text, done);
  });
}
