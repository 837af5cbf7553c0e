import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError } from '../common/domain-error.js';
import { DocumentStorage } from './document-storage.js';
import { detectMediaType, SIGNATURE_BYTES } from './file-signature.js';

/** What a document may be: from the city pack's required document, or the fixed rules of complaint attachments. */
export interface UploadRules {
  maxBytes: number;
  mediaTypes: readonly string[];
}

export interface ReceivedFile {
  key: string;
  sizeBytes: number;
  sha256: Buffer;
  mediaType: string;
}

const MIB = 1024 * 1024;

/** 413 with the limit in whole megabytes for the message and in bytes for clients. */
export const tooLarge = (rules: UploadRules): DomainError =>
  new DomainError('DOCUMENT_TOO_LARGE', { megabytes: Math.floor(rules.maxBytes / MIB) }, { limitBytes: rules.maxBytes });

/**
 * The one way bytes come in, for multipart and tus alike: streamed to storage under a random key while being counted
 * (the size limit stops the stream the moment it is passed), hashed, and typed from their first bytes against the
 * allow-list. On any failure the partial file is deleted, so nothing is left behind.
 */
@Injectable()
export class UploadPipeline {
  constructor(private readonly storage: DocumentStorage) {}

  async receive(source: Readable, rules: UploadRules): Promise<ReceivedFile> {
    const inspector = new Inspector(rules);
    const { key, stream } = await this.storage.create();
    try {
      await pipeline(source, inspector, stream);
      return { key, sizeBytes: inspector.size, sha256: inspector.hash.digest(), mediaType: inspector.finalType() };
    } catch (error) {
      // A file refused in its first bytes can fail the pipeline before the write stream has even opened its file:
      // deleting before it closes would leave the file it then creates behind.
      if (!stream.closed) await new Promise((resolve) => stream.once('close', resolve));
      await this.storage.delete(key);
      throw isTooLarge(error) ? tooLarge(rules) : error;
    }
  }
}

/** A 413 from the multipart parser's own limit, should it trip before ours. */
function isTooLarge(error: unknown): boolean {
  return !(error instanceof DomainError) && (error as { statusCode?: unknown }).statusCode === 413;
}

class Inspector extends Transform {
  size = 0;
  readonly hash = createHash('sha256');
  private head = Buffer.alloc(0);
  private mediaType: string | undefined;

  constructor(private readonly rules: UploadRules) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.rules.maxBytes) {
      done(tooLarge(this.rules));
      return;
    }
    if (this.mediaType === undefined && this.head.length < SIGNATURE_BYTES) {
      this.head = Buffer.concat([this.head, chunk.subarray(0, SIGNATURE_BYTES - this.head.length)]);
      // Refused as soon as the first bytes show it, not after the whole file has been written.
      if (this.head.length >= SIGNATURE_BYTES) {
        const problem = this.check();
        if (problem) {
          done(problem);
          return;
        }
      }
    }
    this.hash.update(chunk);
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    done(this.mediaType === undefined ? this.check() : null);
  }

  finalType(): string {
    if (this.mediaType === undefined) throw new Error('the upload finished without a detected type');
    return this.mediaType;
  }

  private check(): DomainError | null {
    const detected = detectMediaType(this.head);
    if (detected === undefined || !this.rules.mediaTypes.includes(detected)) {
      return new DomainError('DOCUMENT_TYPE_NOT_ALLOWED', {}, { detected: detected ?? null, allowed: this.rules.mediaTypes });
    }
    this.mediaType = detected;
    return null;
  }
}
