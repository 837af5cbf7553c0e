import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, sep } from 'node:path';
import type { Plugin } from 'vite';

/** Where the portal serves Cesium's own files; the twin sets CESIUM_BASE_URL to it. */
export const CESIUM_BASE_PATH = '/cesium/';

/** What CesiumJS loads at run time beside its code: web workers, textures and fonts, third-party wasm, widget CSS. */
const folders = ['Workers', 'Assets', 'ThirdParty', 'Widgets'];

const cesiumBuild = join(dirname(createRequire(import.meta.url).resolve('cesium/package.json')), 'Build', 'Cesium');

const types: Record<string, string> = {
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

/**
 * Serves Cesium's run-time files from the project, never from a CDN: copied into dist/cesium/ by the build and
 * served from node_modules by the dev server. Unlike vite-plugin-cesium it adds nothing to index.html, so pages
 * that do not open the 3D view never load Cesium.
 */
export function cesiumAssets(): Plugin {
  let outDir = 'dist';
  return {
    name: 'civicverse:cesium-assets',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    writeBundle() {
      for (const folder of folders) cpSync(join(cesiumBuild, folder), join(outDir, 'cesium', folder), { recursive: true });
    },
    configureServer(server) {
      server.middlewares.use(CESIUM_BASE_PATH, (request, response, next) => {
        const relative = normalize(decodeURIComponent((request.url ?? '/').split('?')[0] ?? '/'));
        const file = join(cesiumBuild, relative);
        const inside = folders.some((folder) => file.startsWith(join(cesiumBuild, folder) + sep));
        if (!inside || !existsSync(file) || !statSync(file).isFile()) return next();
        response.setHeader('Content-Type', types[extname(file)] ?? 'application/octet-stream');
        createReadStream(file).pipe(response);
      });
    },
  };
}
