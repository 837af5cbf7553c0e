import { Body, Controller, Delete, Get, Header, HttpCode, Param, Put, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { UserAccount } from '../accounts/user-account.entity.js';
import type { AuditContext } from '../audit/audit.service.js';
import { Audit, CurrentUser, type IdentifiedRequest } from '../auth/request-identity.js';
import { clearSessionCookie } from '../auth/session-cookie.js';
import { EraseAccountDto } from './dto/erase-account.dto.js';
import { SetConsentDto } from './dto/set-consent.dto.js';
import { type ConsentState, PrivacyService } from './privacy.service.js';

@ApiTags('privacy')
@Controller('api/me')
export class PrivacyController {
  constructor(private readonly privacy: PrivacyService) {}

  @Get('consents')
  @ApiOkResponse({ description: 'The current answer per purpose.' })
  consents(@CurrentUser() user: UserAccount): Promise<ConsentState[]> {
    return this.privacy.consentsOf(user.id);
  }

  @Put('consents/:purpose')
  @ApiOkResponse({ description: 'The answer is recorded; the history is kept.' })
  setConsent(
    @CurrentUser() user: UserAccount,
    @Param('purpose') purpose: string,
    @Body() dto: SetConsentDto,
    @Audit() context: AuditContext,
  ): Promise<ConsentState> {
    return this.privacy.setConsent(user.id, purpose, dto.given, dto.version, context);
  }

  @Get('export')
  @Header('content-disposition', 'attachment; filename="civicverse-my-data.json"')
  @Header('cache-control', 'no-store')
  @ApiOkResponse({ description: 'All the data the city holds about the person, as a JSON file.' })
  export(@CurrentUser() user: UserAccount, @Audit() context: AuditContext): Promise<Record<string, unknown>> {
    return this.privacy.exportOf(user, context);
  }

  @Delete()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The account is anonymised and signed out everywhere.' })
  async erase(
    @CurrentUser() user: UserAccount,
    @Body() dto: EraseAccountDto,
    @Req() request: IdentifiedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Audit() context: AuditContext,
  ): Promise<void> {
    await this.privacy.erase(user, dto.password, context);
    clearSessionCookie(request, reply);
  }
}
