import { connect, type Socket } from 'node:net';
import type { Readable } from 'node:stream';

export type ScanVerdict = { infected: false } | { infected: true; signature: string };

/** Says whether a file carries malware. Throws when it cannot tell (scanner away, timeout, size limit): never a guess. */
export abstract class VirusScanner {
  abstract scan(content: Readable): Promise<ScanVerdict>;
}

const CHUNK_BYTES = 64 * 1024;
const TIMEOUT_MS = 120_000;

/**
 * ClamAV's daemon over TCP or a Unix socket, speaking its INSTREAM command: the file goes in length-prefixed chunks,
 * clamd answers `stream: OK` or `stream: <signature> FOUND`. Chunks are written with backpressure, so a large
 * file never sits in memory. docs/adr/0004-virus-scanning.md says why this is not the clamscan package.
 */
export class ClamdScanner extends VirusScanner {
  private readonly target: { path: string } | { host: string; port: number };

  constructor(url: string) {
    super();
    const parsed = new URL(url);
    this.target =
      parsed.protocol === 'unix:' ? { path: decodeURIComponent(parsed.pathname) } : { host: parsed.hostname, port: Number(parsed.port) };
  }

  async scan(content: Readable): Promise<ScanVerdict> {
    const socket = await this.open();
    try {
      const reply = collectReply(socket);
      // Observed below; a failed write must not leave it rejected and unhandled.
      reply.catch(() => undefined);
      try {
        await write(socket, Buffer.from('zINSTREAM\0'));
        for await (const chunk of content as AsyncIterable<Buffer>) {
          for (let offset = 0; offset < chunk.length; offset += CHUNK_BYTES) {
            const part = chunk.subarray(offset, offset + CHUNK_BYTES);
            const length = Buffer.alloc(4);
            length.writeUInt32BE(part.length);
            await write(socket, Buffer.concat([length, part]));
          }
        }
        await write(socket, Buffer.alloc(4));
      } catch (error) {
        // clamd stops reading when it refuses the stream (e.g. over StreamMaxLength): its answer says why.
        throw new Error(`clamd stopped reading: ${(await reply.catch(() => '')) || (error as Error).message}`, { cause: error });
      }
      return verdictOf(await reply);
    } finally {
      socket.destroy();
      content.destroy();
    }
  }

  private open(): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const socket = connect(this.target);
      socket.setTimeout(TIMEOUT_MS, () => socket.destroy(new Error('clamd did not answer in time')));
      socket.once('connect', () => {
        socket.off('error', reject);
        resolve(socket);
      });
      socket.once('error', reject);
    });
  }
}

function write(socket: Socket, bytes: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.destroyed) {
      reject(new Error('clamd closed the connection'));
      return;
    }
    socket.write(bytes, (error) => (error ? reject(error) : resolve()));
  });
}

/** clamd's whole answer, up to the NUL that ends it (or the end of the connection, e.g. after a size-limit error). */
function collectReply(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (chunk.includes(0)) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    socket.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.once('error', reject);
    socket.once('close', () => reject(new Error('clamd closed the connection without an answer')));
  });
}

export function verdictOf(reply: string): ScanVerdict {
  const answer = reply.replace(/\0[\s\S]*$/, '').trim();
  if (/^stream: OK$/.test(answer)) return { infected: false };
  const found = /^stream: (.+) FOUND$/.exec(answer);
  if (found?.[1]) return { infected: true, signature: found[1] };
  throw new Error(`clamd could not scan the file: ${answer.slice(0, 200) || 'no answer'}`);
}
