// The 2D portal's initial JavaScript: what portal/dist/index.html loads before any route chunk (its module script and
// the chunks it preloads), each gzipped (zlib's default level, as a server or proxy would), and its stylesheet apart.
// Needs `npm run build:portal`. Run alone with `node test/bench/portal-size.bench.mjs`; `npm run bench` runs it too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const INITIAL_JS_BUDGET_BYTES = 100 * 1024;

/** Returns the figures; `root` is the repository. */
export function portalSize(root) {
  const dist = join(root, 'portal', 'dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const urls = (pattern) => [...html.matchAll(pattern)].map((match) => match[1]);
  const scripts = [...urls(/<script[^>]+src="([^"]+\.js)"/g), ...urls(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)];
  const styles = urls(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+\.css)"/g);
  const sizeOf = (url) => {
    const bytes = readFileSync(join(dist, url));
    return { file: url, bytes: bytes.length, gzipBytes: gzipSync(bytes).length };
  };
  const files = scripts.map(sizeOf);
  const sum = (list, key) => list.reduce((total, file) => total + file[key], 0);
  return {
    initialJs: { files, bytes: sum(files, 'bytes'), gzipBytes: sum(files, 'gzipBytes'), budgetGzipBytes: INITIAL_JS_BUDGET_BYTES },
    css: { bytes: sum(styles.map(sizeOf), 'bytes'), gzipBytes: sum(styles.map(sizeOf), 'gzipBytes') },
  };
}

export function printPortalSize(results) {
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(
    `2D portal initial JS (${results.initialJs.files.length} files): ${kb(results.initialJs.bytes)}, ` +
      `${kb(results.initialJs.gzipBytes)} gzip (budget ${kb(results.initialJs.budgetGzipBytes)}); CSS ${kb(results.css.gzipBytes)} gzip`,
  );
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const results = portalSize(new URL('../..', import.meta.url).pathname);
  printPortalSize(results);
  console.table(results.initialJs.files);
  if (results.initialJs.gzipBytes > INITIAL_JS_BUDGET_BYTES) process.exitCode = 1;
}
