import { FileStore } from '@tus/file-store';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Resumable (tus) uploads while they are incomplete: DATA_DIR/documents-incoming, outside any served folder. A
 * finished upload goes through the upload pipeline into DocumentStorage and is removed from here.
 */
export class IncomingUploads {
  readonly store: FileStore;

  constructor(dataDir: string) {
    this.store = new FileStore({ directory: join(dataDir, 'documents-incoming') });
  }

  read(uploadId: string): Readable {
    return this.store.read(uploadId);
  }

  /** Deletes the partial file and its metadata; gone already is fine. */
  async discard(uploadId: string): Promise<void> {
    await this.store.remove(uploadId).catch(() => undefined);
  }
}
