import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { UserAccount } from '../accounts/user-account.entity.js';
import type { AuditContext } from '../audit/audit.service.js';
import { DomainError } from '../common/domain-error.js';
import type { ErrorCode } from '../common/error-codes.js';
import { ErrorResponder, LOGGER } from '../common/error-responder.js';
import { APP_CONFIG } from '../config/app-config.token.js';
import type { AppConfig } from '../config/environment.js';
import { DocumentsService } from './documents.service.js';
import { IncomingUploads } from './incoming-uploads.js';
import { MULTIPART_FILE_LIMIT } from './multipart-file.js';
import { type ErrorAnswer, JsonErrorsTusServer } from './tus-answers.js';

/** Who is asking, carried from the Nest route (where the session guard ran) into tus's hooks. */
interface Uploader {
  user: UserAccount;
  context: AuditContext;
  language: string;
}

export const UPLOADS_PATH = '/api/uploads';

/**
 * The tus endpoint (resumable uploads). Metadata names the submission (`submissionId`), the required document
 * (`requirementId`) and the file (`filename`); the length must be declared. Creation checks what can be known
 * before the bytes; completion runs the same upload pipeline as multipart, so the same checks apply.
 */
@Injectable()
export class ResumableUploads {
  private readonly uploader = new AsyncLocalStorage<Uploader>();
  private readonly server: JsonErrorsTusServer;

  constructor(
    private readonly documents: DocumentsService,
    private readonly responder: ErrorResponder,
    incoming: IncomingUploads,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.server = new JsonErrorsTusServer({
      path: UPLOADS_PATH,
      datastore: incoming.store,
      relativeLocation: true,
      respectForwardedHeaders: config.trustProxy,
      maxSize: MULTIPART_FILE_LIMIT - 1,
      // Same origin only: no CORS headers at all.
      allowedOrigins: [],
      onIncomingRequest: async (request, uploadId) => {
        if (request.method !== 'POST') await this.documents.assertResumableOwner(uploadId, this.current().user);
      },
      onUploadCreate: async (_request, upload) => {
        const { user, context } = this.current();
        if (upload.size === undefined) throw new DomainError('DOCUMENT_LENGTH_REQUIRED');
        const metadata = upload.metadata ?? {};
        await this.documents.beginResumable(
          {
            id: upload.id,
            size: upload.size,
            submissionId: metadata.submissionId ?? '',
            requirementId: metadata.requirementId ?? '',
            name: metadata.filename ?? undefined,
          },
          user,
          context,
        );
        return {};
      },
      onUploadFinish: async (_request, upload) => {
        const document = await this.documents.finishResumable(upload.id, this.current().context);
        return { headers: { 'Document-Id': document.id } };
      },
      onResponseError: (_request, error) => this.asTusError(error),
      answerError: (code) => this.errorAnswer(code),
    });
  }

  /** Hands the raw request to tus, within the identity of whoever the session guard admitted. */
  handle(request: IncomingMessage, response: ServerResponse, uploader: Uploader): Promise<void> {
    return this.uploader.run(uploader, () => this.server.handle(request, response));
  }

  private current(): Uploader {
    const uploader = this.uploader.getStore();
    if (!uploader) throw new Error('a tus hook ran outside a request');
    return uploader;
  }

  /** tus's own refusals, as our errors are answered: translated JSON with a code (JsonErrorsTusServer). */
  private errorAnswer(code: ErrorCode): ReturnType<ErrorAnswer> {
    const body = this.responder.body(new DomainError(code), this.uploader.getStore()?.language ?? 'en');
    return { statusCode: body.statusCode, payload: JSON.stringify(body) };
  }

  /** Our errors answer as everywhere else (translated JSON); tus's own pass to errorAnswer; anything else is a logged 500. */
  private asTusError(error: Error | { status_code: number; body: string }): { status_code: number; body: string } | undefined {
    const isTusError = !(error instanceof Error) || 'status_code' in error;
    if (isTusError && !(error instanceof DomainError)) return undefined;
    if (!(error instanceof DomainError)) this.logger.error({ err: error }, 'unexpected error in a resumable upload');
    const domainError = error instanceof DomainError ? error : new DomainError('INTERNAL_ERROR');
    const body = this.responder.body(domainError, this.uploader.getStore()?.language ?? 'en');
    return { status_code: body.statusCode, body: JSON.stringify(body) };
  }
}
