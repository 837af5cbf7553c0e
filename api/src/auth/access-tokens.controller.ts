import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { UserAccount } from '../accounts/user-account.entity.js';
import type { AuditContext } from '../audit/audit.service.js';
import { DomainError } from '../common/domain-error.js';
import { ParseId } from '../common/parse-id.pipe.js';
import { AccessTokensService, type AccessTokenView } from './access-tokens.service.js';
import { CreateAccessTokenDto } from './dto/create-access-token.dto.js';
import { Audit, CurrentUser, type IdentifiedRequest } from './request-identity.js';

/** A person's own API tokens. Made and revoked from a signed-in session; a token cannot make another. */
@ApiTags('me')
@Controller('api/me/tokens')
export class AccessTokensController {
  constructor(private readonly tokens: AccessTokensService) {}

  @Post()
  @ApiCreatedResponse({ description: 'The token (`cvp_…`, shown once) with its id, name and expiry.' })
  create(
    @CurrentUser() user: UserAccount,
    @Body() dto: CreateAccessTokenDto,
    @Req() request: IdentifiedRequest,
    @Audit() context: AuditContext,
  ): Promise<AccessTokenView & { token: string }> {
    if (request.accessTokenId) throw new DomainError('FORBIDDEN');
    return this.tokens.create(user, dto.name, dto.expiresInDays ?? 90, context);
  }

  @Get()
  @ApiOkResponse({ description: 'The person’s tokens, newest first, without their secrets.' })
  list(@CurrentUser() user: UserAccount): Promise<AccessTokenView[]> {
    return this.tokens.list(user);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked: the token stops working at once.' })
  async revoke(@CurrentUser() user: UserAccount, @Param('id', ParseId) id: string, @Audit() context: AuditContext): Promise<void> {
    await this.tokens.revoke(user, id, context);
  }
}
