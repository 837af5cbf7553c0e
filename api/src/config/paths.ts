import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root, found by walking up to the folder that holds locales/. The same code runs from
 * api/src (tests) and from dist/api/src (the built server), so a fixed number of '..' would be wrong in one.
 */
function findRepoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'locales')) || !existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the Civicverse repository root (a folder with locales/)');
    dir = parent;
  }
  return dir;
}

export const repoRoot = findRepoRoot();
export const localesDir = join(repoRoot, 'locales');
export const cityPacksDir = join(repoRoot, 'api', 'city-packs');
export const portalDistDir = join(repoRoot, 'portal', 'dist');
