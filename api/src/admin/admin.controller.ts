import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ParseId } from '../common/parse-id.pipe.js';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { MeResponse } from '../accounts/me.response.js';
import type { AuditEvent } from '../audit/audit-event.entity.js';
import { AuditService, type AuditContext } from '../audit/audit.service.js';
import { Audit, Roles } from '../auth/request-identity.js';
import { AdminService } from './admin.service.js';
import { AuditQueryDto } from './dto/audit-query.dto.js';
import { ChangeRoleDto } from './dto/change-role.dto.js';
import { CreateOfficialDto } from './dto/create-official.dto.js';
import { LinkOfficialDto } from './dto/link-official.dto.js';

@ApiTags('admin')
@Controller('api/admin')
@Roles('admin')
export class AdminController {
  constructor(
    private readonly admin: AdminService,
    private readonly audit: AuditService,
  ) {}

  @Get('audit')
  @ApiOkResponse({ description: 'Audit events, newest first.' })
  auditLog(@Query() query: AuditQueryDto): Promise<AuditEvent[]> {
    return this.audit.list(query.limit ?? 100, query.before);
  }

  @Patch('accounts/:id/role')
  @ApiOkResponse({ type: MeResponse })
  async changeRole(@Param('id', ParseId) id: string, @Body() dto: ChangeRoleDto, @Audit() context: AuditContext): Promise<MeResponse> {
    return MeResponse.of(await this.admin.changeRole(id, dto, context));
  }

  @Patch('accounts/:id/official')
  @ApiOkResponse({ type: MeResponse, description: "Links an official's account to the pack official it is, or unlinks it." })
  async linkOfficial(@Param('id', ParseId) id: string, @Body() dto: LinkOfficialDto, @Audit() context: AuditContext): Promise<MeResponse> {
    return MeResponse.of(await this.admin.linkOfficial(id, dto.officialId, context));
  }

  @Post('officials')
  @ApiCreatedResponse({ type: MeResponse })
  async createOfficial(@Body() dto: CreateOfficialDto, @Audit() context: AuditContext): Promise<MeResponse> {
    return MeResponse.of(await this.admin.createOfficial(dto, context));
  }
}
