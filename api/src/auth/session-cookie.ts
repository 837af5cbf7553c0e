import type { FastifyReply, FastifyRequest } from 'fastify';

const NAME = 'cv_session';
/** Over HTTPS the cookie takes the __Host- prefix: the browser then accepts it only Secure, host-only, Path=/. */
const SECURE_NAME = `__Host-${NAME}`;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

function isHttps(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

/** The session token the request carries, or undefined. Anything not shaped like our token is ignored. */
export function readSessionToken(request: FastifyRequest): string | undefined {
  return readSessionTokenFrom(request.headers.cookie, isHttps(request));
}

/** The session token in a Cookie header (of a request or a socket's handshake), or undefined. */
export function readSessionTokenFrom(header: string | undefined, https: boolean): string | undefined {
  if (!header) return undefined;
  const name = https ? SECURE_NAME : NAME;
  for (const part of header.split(';', 50)) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) {
      const value = part.slice(separator + 1).trim();
      return TOKEN.test(value) ? value : undefined;
    }
  }
  return undefined;
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, maxAgeSeconds: number): void {
  const https = isHttps(request);
  const attributes = [`Path=/`, `HttpOnly`, `SameSite=Lax`, `Max-Age=${maxAgeSeconds}`, ...(https ? ['Secure'] : [])];
  void reply.header('set-cookie', `${https ? SECURE_NAME : NAME}=${token}; ${attributes.join('; ')}`);
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  const https = isHttps(request);
  void reply.header('set-cookie', `${https ? SECURE_NAME : NAME}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${https ? '; Secure' : ''}`);
}
