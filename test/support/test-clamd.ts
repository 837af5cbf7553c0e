import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A private ClamAV daemon for tests (Debian's clamav-daemon), with a signature database of our own built by sigtool
 * from the EICAR test file — the official download cannot work here. Outside CI a missing clamd skips those tests
 * loudly; with CI=true it fails the run.
 */
const CLAMD = process.env.TEST_CLAMD_PATH ?? '/usr/sbin/clamd';

/** The EICAR anti-virus test string: harmless, detected by every scanner as if it were malware. */
export const EICAR = Buffer.from('X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*');
/** EICAR inside a file that starts like a PDF, so it passes the type check and reaches the scanner. */
export const EICAR_PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), EICAR, Buffer.from('\n%%EOF\n')]);

const missingClamd = spawnSync(CLAMD, ['--version']).error ? `no clamd at ${CLAMD} (apt-get install clamav-daemon)` : undefined;
if (missingClamd) {
  if (process.env.CI === 'true') throw new Error(`CI needs ClamAV: ${missingClamd}`);
  process.stderr.write(`\n${'!'.repeat(80)}\nSKIPPING virus-scanning tests: ${missingClamd}\n${'!'.repeat(80)}\n\n`);
}

export const describeWithClamd: jest.Describe = missingClamd ? describe.skip : describe;

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface TestClamd {
  url: string;
  port: number;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Stops it and deletes its folder. */
  dispose(): Promise<void>;
}

/** A clamd on a free loopback port (not started yet): its own config, database and log in a temporary folder. */
export async function testClamd(): Promise<TestClamd> {
  const folder = mkdtempSync(join(tmpdir(), 'civicverse-clamd-'));
  const port = await freePort();
  // sigtool --md5 prints "md5:size:name", the .hdb line format; the same for both files.
  for (const [name, bytes] of [
    ['eicar.com', EICAR],
    ['eicar.pdf', EICAR_PDF],
  ] as const) {
    writeFileSync(join(folder, name), bytes);
  }
  const signatures = ['eicar.com', 'eicar.pdf'].map((name) => {
    const result = spawnSync('sigtool', ['--md5', name], { cwd: folder, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`sigtool --md5 ${name} failed: ${result.stderr}`);
    return result.stdout.trim();
  });
  writeFileSync(join(folder, 'test.hdb'), `${signatures.join('\n')}\n`);
  rmSync(join(folder, 'eicar.com'));
  rmSync(join(folder, 'eicar.pdf'));
  writeFileSync(
    join(folder, 'clamd.conf'),
    [
      `DatabaseDirectory ${folder}`,
      `TCPSocket ${port}`,
      'TCPAddr 127.0.0.1',
      'Foreground yes',
      `LogFile ${join(folder, 'clamd.log')}`,
      `PidFile ${join(folder, 'clamd.pid')}`,
      'StreamMaxLength 110M',
      'SelfCheck 0',
      '',
    ].join('\n'),
  );
  let child: ChildProcess | undefined;
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await exited;
  };
  return {
    url: `tcp://127.0.0.1:${port}`,
    port,
    async start() {
      child = spawn(CLAMD, ['-c', join(folder, 'clamd.conf')], { stdio: 'ignore' });
      const deadline = Date.now() + 30_000;
      while (!(await answersPing(port))) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error('the test clamd did not start');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    stop,
    async dispose() {
      await stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let reply = '';
    socket.setTimeout(1000, () => socket.destroy());
    socket.on('connect', () => socket.write('zPING\0'));
    socket.on('data', (chunk) => (reply += chunk.toString()));
    socket.on('error', () => resolve(false));
    socket.on('close', () => resolve(reply.startsWith('PONG')));
  });
}
