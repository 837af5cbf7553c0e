import { Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { UserAccount } from '../accounts/user-account.entity.js';
import type { AuditContext } from '../audit/audit.service.js';
import { Audit, CurrentUser, Roles } from '../auth/request-identity.js';
import { Public } from '../common/public.decorator.js';
import { AUTH_LIMITED } from '../http/security.js';
import { AppointmentCalendarService, calendarReply } from './appointment-calendar.service.js';

@ApiTags('appointments')
@Controller('api')
export class CalendarFeedsController {
  constructor(private readonly calendars: AppointmentCalendarService) {}

  @Post('me/calendar-feed')
  @Roles('official', 'admin')
  @ApiCreatedResponse({ description: 'A new secret feed URL (shown once); the previous one stops working.' })
  create(@CurrentUser() user: UserAccount, @Audit() context: AuditContext): Promise<{ url: string }> {
    return this.calendars.createFeed(user, context);
  }

  @Delete('me/calendar-feed')
  @Roles('official', 'admin')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The feed URL stops working.' })
  revoke(@CurrentUser() user: UserAccount, @Audit() context: AuditContext): Promise<void> {
    return this.calendars.revokeFeed(user, context);
  }

  /** The URL is the secret, for calendar clients that cannot sign in; guessing it is rate-limited like sign-in. */
  @Public()
  @Get('calendar-feeds/:file')
  @RouteConfig({ [AUTH_LIMITED]: true })
  @ApiOkResponse({ description: "The official's coming appointments, as an iCalendar file." })
  async feed(@Param('file') file: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return calendarReply(reply, await this.calendars.feed(file));
  }
}
