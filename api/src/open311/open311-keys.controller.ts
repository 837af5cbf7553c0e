import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuditContext } from '../audit/audit.service.js';
import { Audit, Roles } from '../auth/request-identity.js';
import { ParseId } from '../common/parse-id.pipe.js';
import { CreateOpen311KeyDto } from './dto/create-open311-key.dto.js';
import { type Open311KeyView, Open311KeysService } from './open311-keys.service.js';

/** Admins issue, list and revoke the keys other systems file Open311 requests with. */
@ApiTags('admin')
@Controller('api/admin/open311-keys')
@Roles('admin')
export class Open311KeysController {
  constructor(private readonly keys: Open311KeysService) {}

  @Post()
  @ApiCreatedResponse({ description: '`{ id, name, createdAt, apiKey }`: the key is shown this once; only its hash is kept.' })
  issue(
    @Body() dto: CreateOpen311KeyDto,
    @Audit() context: AuditContext,
  ): Promise<{ id: string; name: string; createdAt: string; apiKey: string }> {
    return this.keys.issue(dto.name, context);
  }

  @Get()
  @ApiOkResponse({ description: 'Every key, newest first, without secrets.' })
  list(@Audit() context: AuditContext): Promise<Open311KeyView[]> {
    return this.keys.list(context);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked: the key files nothing any more.' })
  revoke(@Param('id', ParseId) id: string, @Audit() context: AuditContext): Promise<void> {
    return this.keys.revoke(id, context);
  }
}
