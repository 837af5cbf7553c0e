import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

/**
 * Where the bytes of documents live. The local disk is the default; an S3-compatible store is the documented option
 * for production (docs/api/documents.md). Keys are random and chosen here, never derived from anything a client sent.
 */
export abstract class DocumentStorage {
  /** A new random key and a stream that writes it; the caller ends or destroys the stream. */
  abstract create(): Promise<{ key: string; stream: Writable }>;
  /** The bytes, or undefined when nothing is stored under the key. */
  abstract read(key: string): Promise<Readable | undefined>;
  /** Deletes the bytes; deleting what is not there is not an error. */
  abstract delete(key: string): Promise<void>;
}

const KEY = /^[0-9a-f]{32}$/;

/** Files under DATA_DIR/documents, which nothing serves: they leave only through the authorised content route. */
export class LocalDiskStorage extends DocumentStorage {
  constructor(readonly folder: string) {
    super();
  }

  async create(): Promise<{ key: string; stream: Writable }> {
    await mkdir(this.folder, { recursive: true, mode: 0o700 });
    const key = randomBytes(16).toString('hex');
    // 'wx': a key is never reused, even if the random source repeated.
    return { key, stream: createWriteStream(this.pathOf(key), { flags: 'wx', mode: 0o600 }) };
  }

  async read(key: string): Promise<Readable | undefined> {
    const path = this.pathOf(key);
    const exists = await stat(path).then(
      (s) => s.isFile(),
      () => false,
    );
    return exists ? createReadStream(path) : undefined;
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error('not a storage key');
    return join(this.folder, key);
  }
}
