import { Controller, Head, Options, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { UserAccount } from '../accounts/user-account.entity.js';
import type { AuditContext } from '../audit/audit.service.js';
import { Audit, CurrentUser } from '../auth/request-identity.js';
import { I18nService } from '../i18n/i18n.service.js';
import { ResumableUploads } from './resumable-uploads.js';

/**
 * tus resumable uploads (docs/api/documents.md). The session guard has run (signed in; same-site writes only); then
 * the raw request goes to the tus server. No GET: a file leaves only through GET /api/documents/:id/content.
 */
@ApiExcludeController()
@Controller('api/uploads')
export class UploadsController {
  constructor(
    private readonly uploads: ResumableUploads,
    private readonly i18n: I18nService,
  ) {}

  @Post()
  create(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentUser() user: UserAccount, @Audit() context: AuditContext) {
    return this.pass(request, reply, user, context);
  }

  @Options()
  options(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentUser() user: UserAccount, @Audit() context: AuditContext) {
    return this.pass(request, reply, user, context);
  }

  @Head(':uploadId')
  offset(
    @Param('uploadId') _uploadId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentUser() user: UserAccount,
    @Audit() context: AuditContext,
  ) {
    return this.pass(request, reply, user, context);
  }

  @Patch(':uploadId')
  append(
    @Param('uploadId') _uploadId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentUser() user: UserAccount,
    @Audit() context: AuditContext,
  ) {
    return this.pass(request, reply, user, context);
  }

  private async pass(request: FastifyRequest, reply: FastifyReply, user: UserAccount, context: AuditContext): Promise<void> {
    const language = this.i18n.negotiate(undefined, request.headers['accept-language']);
    reply.hijack();
    await this.uploads.handle(request.raw, reply.raw, { user, context, language });
  }
}
