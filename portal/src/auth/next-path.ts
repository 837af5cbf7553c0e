/**
 * Where to go after signing in: the `?next=` path when it is a path of this site, else the account page.
 * Pure, with no imports, so Node tests load it directly.
 */
export const defaultNextPath = '/account';

/** Pages it would make no sense to come back to after signing in. */
const notAfterSignIn = new Set(['/sign-in', '/register']);

const base = 'https://portal.invalid';

export function safeNextPath(next: string | null | undefined, fallback: string = defaultNextPath): string {
  if (!next || next.length > 2048) return fallback;
  // One leading slash only: "//host" and "/\host" are other sites to a browser. URL parsers drop tabs and
  // newlines ("/\t/host" becomes "//host"), so any control character or backslash is refused outright.
  if (!next.startsWith('/') || next.startsWith('//') || /[\\\p{Cc}]/u.test(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
  if (path === '/api' || path.startsWith('/api/') || notAfterSignIn.has(path)) return fallback;
  return url.pathname + url.search + url.hash;
}
