import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { finished, PassThrough } from 'node:stream';
import { DomainError } from '../common/domain-error.js';
import type { IncomingFile } from './documents.service.js';

/** The city pack's largest document (city-pack services.validator MAX_DOCUMENT_BYTES); each route enforces its own. */
export const MULTIPART_FILE_LIMIT = 100 * 1024 * 1024 + 1;

/**
 * The one file of a multipart request, streamed (never buffered), and the fields sent before it. Fields after the
 * file cannot be read without buffering the file, so `requirementId` must come first (FormData keeps append order).
 */
export async function multipartFile(request: FastifyRequest): Promise<{ file: IncomingFile; fields: Record<string, string> }> {
  if (!request.isMultipart()) throw new DomainError('DOCUMENT_FILE_REQUIRED');
  const part: MultipartFile | undefined = await request.file().catch((error: unknown) => {
    throw malformed(error);
  });
  if (!part) throw new DomainError('DOCUMENT_FILE_REQUIRED');
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(part.fields)) {
    if (value && !Array.isArray(value) && value.type === 'field' && typeof value.value === 'string') fields[name] = value.value;
  }
  // A body that ends inside the file makes the parser fail the file's stream with a bare Error: the client's fault.
  // `finished` also sees a failure that happened before this line (a short body is parsed in one go).
  const stream = new PassThrough();
  // The failure may come before anything reads the stream (the route checks the submission first): the pipeline
  // that reads it later finds it in the stream's state, so the event itself must not go unhandled.
  stream.on('error', () => undefined);
  finished(part.file, (error) => {
    if (error) stream.destroy(asError(malformed(error)));
  });
  part.file.pipe(stream);
  return { file: { stream, name: part.filename }, fields };
}

/**
 * The multipart parser's errors with a status (a limit passed: 413) stay as they are; busboy's parse errors carry
 * none — a boundary that never comes — and are the client's: MALFORMED_BODY, not 500.
 */
function malformed(error: unknown): unknown {
  const hasStatus = typeof (error as { statusCode?: unknown } | undefined)?.statusCode === 'number';
  return error instanceof DomainError || hasStatus ? error : new DomainError('MALFORMED_BODY');
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
