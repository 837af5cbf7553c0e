import { Body, Controller, Get, HttpCode, Patch, Post, Req } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccountsService } from '../accounts/accounts.service.js';
import { MeResponse, OwnAccountResponse } from '../accounts/me.response.js';
import type { UserAccount } from '../accounts/user-account.entity.js';
import type { AuditContext } from '../audit/audit.service.js';
import { CityService } from '../city/city.service.js';
import { AuthService } from './auth.service.js';
import { ChangePasswordDto } from './dto/change-password.dto.js';
import { UpdateMeDto } from './dto/update-me.dto.js';
import { Audit, CurrentUser, type IdentifiedRequest } from './request-identity.js';

@ApiTags('me')
@Controller('api/me')
export class MeController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly auth: AuthService,
    private readonly city: CityService,
  ) {}

  @Get()
  @ApiOkResponse({ type: OwnAccountResponse })
  me(@CurrentUser() user: UserAccount): OwnAccountResponse {
    return OwnAccountResponse.ofOwn(user, this.city.pack);
  }

  @Patch()
  @ApiOkResponse({ type: MeResponse })
  async update(@CurrentUser() user: UserAccount, @Body() dto: UpdateMeDto): Promise<MeResponse> {
    return MeResponse.of(await this.accounts.updateProfile(user, dto));
  }

  @Post('password')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Changed; every other session of the person has ended.' })
  async changePassword(
    @CurrentUser() user: UserAccount,
    @Req() request: IdentifiedRequest,
    @Body() dto: ChangePasswordDto,
    @Audit() context: AuditContext,
  ): Promise<void> {
    await this.auth.changePassword(user, request.sessionId, dto.currentPassword, dto.newPassword, context);
  }
}
