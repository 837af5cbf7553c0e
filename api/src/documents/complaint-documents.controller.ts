import { Controller, Get, Param, Post, Req } from '@nestjs/common';
import { ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { UserAccount } from '../accounts/user-account.entity.js';
import type { AuditContext } from '../audit/audit.service.js';
import { Audit, CurrentUser } from '../auth/request-identity.js';
import { ParseId } from '../common/parse-id.pipe.js';
import type { DocumentView } from './document-view.types.js';
import { DocumentsService } from './documents.service.js';
import { multipartFile } from './multipart-file.js';

/** Photos and documents on a complaint: the same pipeline, scanning and states as submissions' files. */
@ApiTags('documents')
@Controller('api/complaints/:id/documents')
export class ComplaintDocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Post()
  @ApiConsumes('multipart/form-data')
  @ApiCreatedResponse({
    description: "The filer's JPEG, PNG or PDF (10 MB at most) while the complaint is open; quarantined until scanned.",
  })
  async attach(
    @Param('id', ParseId) id: string,
    @Req() request: FastifyRequest,
    @CurrentUser() user: UserAccount,
    @Audit() context: AuditContext,
  ): Promise<DocumentView> {
    const { file } = await multipartFile(request);
    return this.documents.attachToComplaint(id, file, user, context);
  }

  @Get()
  @ApiOkResponse({ description: "The complaint's files, for its filer and the staff of its department." })
  list(@Param('id', ParseId) id: string, @CurrentUser() user: UserAccount): Promise<DocumentView[]> {
    return this.documents.ofComplaint(id, user);
  }
}
