// `npm start`: builds what is missing, then runs the API, which serves the portal.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const run = (script) => execSync(`npm run --silent ${script}`, { cwd: root, stdio: 'inherit' });

if (!existsSync(join(root, 'portal', 'dist', 'index.html'))) {
  console.log('Building the portal (first start)…');
  run('build:portal');
}
// The API build takes about a second, so it is always fresh.
run('build:api');
await import(pathToFileURL(join(root, 'dist', 'api', 'src', 'main.js')).href);
