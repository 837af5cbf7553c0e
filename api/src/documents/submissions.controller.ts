import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiConsumes, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { UserAccount } from '../accounts/user-account.entity.js';
import type { AuditContext } from '../audit/audit.service.js';
import { Audit, CurrentUser, Roles } from '../auth/request-identity.js';
import { DomainError } from '../common/domain-error.js';
import { ParseId } from '../common/parse-id.pipe.js';
import { Public } from '../common/public.decorator.js';
import type { DocumentServiceView, DocumentView, SubmissionView } from './document-view.types.js';
import { DocumentsService } from './documents.service.js';
import { CreateSubmissionDto } from './dto/create-submission.dto.js';
import { ListSubmissionsQuery } from './dto/list-submissions.query.js';
import { ReviewSubmissionDto } from './dto/review-submission.dto.js';
import { multipartFile } from './multipart-file.js';
import { SubmissionsService } from './submissions.service.js';

@ApiTags('documents')
@Controller('api')
export class SubmissionsController {
  constructor(
    private readonly submissions: SubmissionsService,
    private readonly documents: DocumentsService,
  ) {}

  @Public()
  @Get('document-services')
  @ApiOkResponse({ description: "The city's document services and the documents each requires (types, size limits)." })
  services(): DocumentServiceView[] {
    return this.submissions.services();
  }

  @Post('submissions')
  @Roles('citizen')
  @ApiCreatedResponse({ description: 'A draft submission with a case number of its own.' })
  create(@Body() dto: CreateSubmissionDto, @CurrentUser() user: UserAccount, @Audit() context: AuditContext): Promise<SubmissionView> {
    return this.submissions.create(dto, user, context);
  }

  @Get('submissions')
  @ApiOkResponse({ description: "A citizen's own; an official's department's (drafts only with state=draft); newest first, 100 a page." })
  list(@CurrentUser() user: UserAccount, @Query() query: ListSubmissionsQuery): Promise<SubmissionView[]> {
    return this.submissions.list(user, query);
  }

  @Get('submissions/:id')
  @ApiOkResponse({ description: 'The submission with each file and its state.' })
  @ApiNotFoundResponse({ description: 'No such submission, or not yours to see.' })
  get(@Param('id', ParseId) id: string, @CurrentUser() user: UserAccount): Promise<SubmissionView> {
    return this.submissions.get(id, user);
  }

  /** multipart/form-data: the field `requirementId`, then one file. The answer comes before the virus scan. */
  @Post('submissions/:id/documents')
  @ApiConsumes('multipart/form-data')
  @ApiCreatedResponse({ description: 'Received and quarantined until scanned: sha256, detected type, size.' })
  async upload(
    @Param('id', ParseId) id: string,
    @Req() request: FastifyRequest,
    @CurrentUser() user: UserAccount,
    @Audit() context: AuditContext,
  ): Promise<DocumentView> {
    const { file, fields } = await multipartFile(request);
    const requirementId = fields.requirementId;
    if (!requirementId) throw new DomainError('VALIDATION_FAILED', {}, { fields: [{ field: 'requirementId', rules: ['isNotEmpty'] }] });
    return this.documents.uploadToSubmission(id, requirementId, file, user, context);
  }

  @Post('submissions/:id/submit')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Submitted for review: every required document has a file that passed its checks.' })
  submit(@Param('id', ParseId) id: string, @CurrentUser() user: UserAccount, @Audit() context: AuditContext): Promise<SubmissionView> {
    return this.submissions.submit(id, user, context);
  }

  @Post('submissions/:id/review')
  @HttpCode(200)
  @Roles('official', 'admin')
  @ApiOkResponse({ description: 'submitted → in_review → approved | rejected | needs_more (the last two with a reason).' })
  review(
    @Param('id', ParseId) id: string,
    @Body() dto: ReviewSubmissionDto,
    @CurrentUser() user: UserAccount,
    @Audit() context: AuditContext,
  ): Promise<SubmissionView> {
    return this.submissions.review(id, dto, user, context);
  }
}
