import multipart from '@fastify/multipart';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DomainError } from '../common/domain-error.js';
import { MULTIPART_FILE_LIMIT } from './multipart-file.js';
import { UPLOADS_PATH } from './resumable-uploads.js';

/**
 * Multipart parsing (streamed: routes read the file as it arrives) with tight limits, and tus's PATCH body type,
 * which is left unread for the tus server to stream to disk — accepted only on the tus path.
 */
export async function registerUploads(app: NestFastifyApplication): Promise<void> {
  await app.register(multipart, {
    limits: { files: 1, fields: 5, fieldNameSize: 64, fieldSize: 1024, parts: 6, headerPairs: 50, fileSize: MULTIPART_FILE_LIMIT },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser('application/offset+octet-stream', (request, _payload, done) => {
      const path = request.url.split('?')[0] ?? '';
      if (path === UPLOADS_PATH || path.startsWith(`${UPLOADS_PATH}/`)) done(null, undefined);
      else done(new DomainError('UNSUPPORTED_MEDIA_TYPE'), undefined);
    });
}
