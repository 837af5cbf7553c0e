import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { UserAccount } from '../accounts/user-account.entity.js';
import type { AuditContext } from '../audit/audit.service.js';
import { Audit, CurrentUser, OptionalUser, Roles } from '../auth/request-identity.js';
import { ParseId } from '../common/parse-id.pipe.js';
import { Public } from '../common/public.decorator.js';
import { AUTH_LIMITED } from '../http/security.js';
import type { FastifyReply } from 'fastify';
import type { ComplaintAssignee, ComplaintView, NearbyComplaint } from './complaint-view.types.js';
import { ComplaintFollowersService, type FollowResult } from './complaint-followers.service.js';
import { ComplaintsService } from './complaints.service.js';
import { ListComplaintsQuery } from './dto/list-complaints.query.js';
import { NearbyQuery } from './dto/nearby.query.js';
import { UpdateComplaintDto } from './dto/update-complaint.dto.js';
import { AssignComplaintDto } from './dto/assign-complaint.dto.js';
import { CreateComplaintDto } from './dto/create-complaint.dto.js';
import { RedactComplaintDto } from './dto/redact-complaint.dto.js';
import { TrackingTokenPipe } from './tracking-token.pipe.js';

@ApiTags('complaints')
@Controller('api/complaints')
export class ComplaintsController {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly followers: ComplaintFollowersService,
  ) {}

  @Public()
  @Post()
  @ApiCreatedResponse({ description: 'Filed: the complaint with its case number, and the tracking token (shown once).' })
  file(
    @Body() dto: CreateComplaintDto,
    @OptionalUser() user: UserAccount | undefined,
    @Audit() context: AuditContext,
  ): Promise<{ complaint: ComplaintView; trackingToken: string }> {
    return this.complaints.file(dto, user, context);
  }

  @Get()
  @ApiOkResponse({ description: "A citizen's own complaints; an official's department inbox; newest first, 100 at most." })
  list(@CurrentUser() user: UserAccount, @Query() filters: ListComplaintsQuery): Promise<ComplaintView[]> {
    return this.complaints.list(user, filters);
  }

  @Public()
  @Get('nearby')
  @ApiOkResponse({ description: 'Open complaints of the same service within 50 m, nearest first (20 at most).' })
  nearby(@Query() query: NearbyQuery): Promise<NearbyComplaint[]> {
    return this.complaints.nearby(query);
  }

  @Patch(':id')
  @Roles('official', 'admin')
  @ApiOkResponse({ description: 'The complaint after the step.' })
  update(
    @Param('id', ParseId) id: string,
    @Body() dto: UpdateComplaintDto,
    @CurrentUser() user: UserAccount,
    @Audit() context: AuditContext,
  ): Promise<ComplaintView> {
    return this.complaints.update(id, dto, user, context);
  }

  @Get(':id/assignees')
  @Roles('official', 'admin')
  @ApiOkResponse({ description: "The officials of the complaint's department who can take it." })
  assignees(@Param('id', ParseId) id: string, @CurrentUser() user: UserAccount): Promise<ComplaintAssignee[]> {
    return this.complaints.assignees(id, user);
  }

  @Patch(':id/assignee')
  @Roles('official', 'admin')
  @ApiOkResponse({ description: 'Assigned to an official of its department, or unassigned (null).' })
  assign(
    @Param('id', ParseId) id: string,
    @Body() dto: AssignComplaintDto,
    @CurrentUser() user: UserAccount,
    @Audit() context: AuditContext,
  ): Promise<ComplaintView> {
    return this.complaints.assign(id, dto.assigneeId, user, context);
  }

  @Post(':id/redaction')
  @HttpCode(200)
  @Roles('official', 'admin')
  @ApiOkResponse({ description: 'The description is removed for good; the reason is kept and shown.' })
  redact(
    @Param('id', ParseId) id: string,
    @Body() dto: RedactComplaintDto,
    @CurrentUser() user: UserAccount,
    @Audit() context: AuditContext,
  ): Promise<ComplaintView> {
    return this.complaints.redact(id, dto.reason, user, context);
  }

  /** Follow an open complaint instead of filing the same problem again. */
  @Public()
  @Post(':id/followers')
  @ApiOkResponse({ description: 'Signed in: 200 `{ following: true }`, the complaint joins their list.' })
  @ApiCreatedResponse({ description: 'Signed out: 201 `{ trackingToken }`, a token of their own to track it (shown once).' })
  async follow(
    @Param('id', ParseId) id: string,
    @OptionalUser() user: UserAccount | undefined,
    @Audit() context: AuditContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FollowResult> {
    const result = await this.followers.follow(id, user, context);
    reply.status(user ? 200 : 201);
    return result;
  }

  @Delete(':id/followers/me')
  @HttpCode(204)
  @ApiOkResponse({ description: 'No longer followed; 404 when it was not.' })
  async unfollow(@Param('id', ParseId) id: string, @CurrentUser() user: UserAccount, @Audit() context: AuditContext): Promise<void> {
    await this.followers.unfollow(id, user, context);
  }

  /** Tokens are guessable only by brute force: the stricter sign-in limit per address applies. */
  @Public()
  @Get('track/:token')
  @RouteConfig({ [AUTH_LIMITED]: true })
  @ApiOkResponse({ description: 'The complaint, as its filer sees it, without an account.' })
  @ApiNotFoundResponse({ description: 'No complaint has this token.' })
  track(@Param('token', TrackingTokenPipe) token: string): Promise<ComplaintView> {
    return this.complaints.track(token);
  }

  @Get(':id')
  @ApiOkResponse({ description: 'For its filer, an official of its department, or an admin.' })
  @ApiNotFoundResponse({ description: 'No such complaint, or not yours to see.' })
  get(@Param('id', ParseId) id: string, @CurrentUser() user: UserAccount): Promise<ComplaintView> {
    return this.complaints.get(id, user);
  }
}
