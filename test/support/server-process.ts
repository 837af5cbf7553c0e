import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { repoRoot } from '../../api/src/config/paths.js';

/** The built API, as `npm start` runs it (`npm test` builds it first). */
export const builtMain = join(repoRoot, 'dist', 'api', 'src', 'main.js');

export interface ServerRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function startServer(env: NodeJS.ProcessEnv): ChildProcess {
  if (!existsSync(builtMain)) throw new Error(`${builtMain} is missing: run npm run build:api (npm test does)`);
  // Only what the test gives, plus PATH: the developer's own DATABASE_URL or CITY must not leak in.
  return spawn(process.execPath, [builtMain], { cwd: repoRoot, env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', ...env }, stdio: 'pipe' });
}

/** Runs the server until it exits by itself (a start-up that must fail). */
export function runUntilExit(env: NodeJS.ProcessEnv, timeoutMs = 30_000): Promise<ServerRun> {
  const child = startServer(env);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not exit within ${timeoutMs} ms; stdout: ${stdout}; stderr: ${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export interface RunningServer {
  url: string;
  output(): string;
  /** SIGTERM, as a service manager stops it; resolves with how it ended: Nest re-raises the signal once closed. */
  stop(): Promise<number | NodeJS.Signals | null>;
}

/** Starts the server and waits until it says where it listens. */
export async function startUntilListening(env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<RunningServer> {
  const port = await freePort();
  const child = startServer({ ...env, PORT: String(port), HOST: '127.0.0.1' });
  let output = '';
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within ${timeoutMs} ms: ${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`http://127.0.0.1:${port}`)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before listening: ${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
