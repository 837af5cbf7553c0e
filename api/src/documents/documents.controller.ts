import { Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { UserAccount } from '../accounts/user-account.entity.js';
import type { AuditContext } from '../audit/audit.service.js';
import { Audit, CurrentUser, Roles } from '../auth/request-identity.js';
import { ParseId } from '../common/parse-id.pipe.js';
import type { DocumentView } from './document-view.types.js';
import { DocumentsService } from './documents.service.js';
import { attachmentDisposition } from './safe-file-name.js';

@ApiTags('documents')
@Controller('api/documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get(':id')
  @ApiOkResponse({ description: 'State, type, size, sha256 and sanitised name, for the owner and the staff of its department.' })
  @ApiNotFoundResponse({ description: 'No such file, or not yours to see.' })
  get(@Param('id', ParseId) id: string, @CurrentUser() user: UserAccount): Promise<DocumentView> {
    return this.documents.get(id, user);
  }

  /** Always a download, never rendered by the browser in the portal's origin. */
  @Get(':id/content')
  @ApiOkResponse({ description: 'The bytes, streamed, as an attachment with the detected type.' })
  async content(@Param('id', ParseId) id: string, @CurrentUser() user: UserAccount, @Res() reply: FastifyReply): Promise<void> {
    const { stream, name, mediaType, sizeBytes } = await this.documents.content(id, user);
    await reply
      .header('content-type', mediaType)
      .header('content-length', String(sizeBytes))
      .header('content-disposition', attachmentDisposition(name))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .send(stream);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted, bytes and all, while its submission is a draft or needs more.' })
  remove(@Param('id', ParseId) id: string, @CurrentUser() user: UserAccount, @Audit() context: AuditContext): Promise<void> {
    return this.documents.remove(id, user, context);
  }

  @Post(':id/release')
  @HttpCode(200)
  @Roles('official', 'admin')
  @ApiOkResponse({ description: 'Without a virus scanner (no CLAMD_URL): an official releases a held file after checking it.' })
  release(@Param('id', ParseId) id: string, @CurrentUser() user: UserAccount, @Audit() context: AuditContext): Promise<DocumentView> {
    return this.documents.release(id, user, context);
  }
}
