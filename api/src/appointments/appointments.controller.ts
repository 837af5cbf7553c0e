import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { UserAccount } from '../accounts/user-account.entity.js';
import type { AuditContext } from '../audit/audit.service.js';
import { Audit, CurrentUser, Roles } from '../auth/request-identity.js';
import { ParseId } from '../common/parse-id.pipe.js';
import { type IdempotentAnswer, IdempotencyService } from '../idempotency/idempotency.service.js';
import { AppointmentCalendarService, calendarReply } from './appointment-calendar.service.js';
import { AppointmentReader } from './appointment-reader.js';
import type { AppointmentView, CheckedIn, WaitlistView } from './appointment-view.types.js';
import { AppointmentsService } from './appointments.service.js';
import { AppointmentStatusDto } from './dto/appointment-status.dto.js';
import { CreateAppointmentDto } from './dto/create-appointment.dto.js';
import { CalendarQuery } from './dto/date-range.query.js';
import { JoinWaitlistDto } from './dto/join-waitlist.dto.js';
import { RescheduleAppointmentDto } from './dto/reschedule-appointment.dto.js';
import { WaitlistService } from './waitlist.service.js';

const KEY_HEADER = {
  name: 'Idempotency-Key',
  description: 'Up to 255 visible ASCII characters; the same key replays the first answer for 24 h.',
};

/** Sends a write's answer with its status; a replay says so in `Idempotent-Replayed`. */
function answered<T>(reply: FastifyReply, answer: IdempotentAnswer<T>): T {
  reply.status(answer.status);
  if (answer.replayed) reply.header('Idempotent-Replayed', 'true');
  return answer.body;
}

@ApiTags('appointments')
@Controller('api/appointments')
export class AppointmentsController {
  constructor(
    private readonly appointments: AppointmentsService,
    private readonly reader: AppointmentReader,
    private readonly waitlist: WaitlistService,
    private readonly calendars: AppointmentCalendarService,
  ) {}

  @Post()
  @Roles('citizen')
  @ApiHeader({ ...KEY_HEADER, required: true })
  @ApiCreatedResponse({ description: 'Booked, on a new case or the one named.' })
  async book(
    @Body() dto: CreateAppointmentDto,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentUser() user: UserAccount,
    @Audit() context: AuditContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AppointmentView> {
    const request = { key: IdempotencyService.keyOf(key, true), route: '/api/appointments', body: dto };
    return answered(reply, await this.appointments.book(dto, user, request, context));
  }

  @Get()
  @ApiOkResponse({ description: "A citizen's own appointments; an official's department calendar for `from`–`to` (this week by default)." })
  list(@CurrentUser() user: UserAccount, @Query() query: CalendarQuery): Promise<AppointmentView[]> {
    return this.reader.list(user, query);
  }

  @Post('waitlist')
  @Roles('citizen')
  @ApiCreatedResponse({ description: 'On the waiting list of the service for that day.' })
  joinWaitlist(@Body() dto: JoinWaitlistDto, @CurrentUser() user: UserAccount, @Audit() context: AuditContext): Promise<WaitlistView> {
    return this.waitlist.join(dto.serviceId, dto.date, user, context);
  }

  @Get('waitlist')
  @ApiOkResponse({ description: "The person's places on waiting lists." })
  myWaitlist(@CurrentUser() user: UserAccount): Promise<WaitlistView[]> {
    return this.waitlist.mine(user);
  }

  @Get(':id')
  @ApiOkResponse({ description: 'For its citizen, officials of its department, admins.' })
  @ApiNotFoundResponse({ description: 'No such appointment, or not yours to see.' })
  get(@Param('id', ParseId) id: string, @CurrentUser() user: UserAccount): Promise<AppointmentView> {
    return this.reader.get(id, user);
  }

  @Get(':id/ics')
  @ApiOkResponse({ description: 'The appointment as an iCalendar (RFC 5545) file in the city time zone.' })
  async ics(
    @Param('id', ParseId) id: string,
    @CurrentUser() user: UserAccount,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return calendarReply(reply, await this.calendars.ics(id, user), 'appointment.ics');
  }

  @Post(':id/cancel')
  @ApiHeader(KEY_HEADER)
  @ApiOkResponse({ description: 'Cancelled; the freed time is offered to the first on the waiting list.' })
  async cancel(
    @Param('id', ParseId) id: string,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentUser() user: UserAccount,
    @Audit() context: AuditContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AppointmentView> {
    const request = { key: IdempotencyService.keyOf(key, false), route: `/api/appointments/${id}/cancel`, body: null };
    return answered(reply, await this.appointments.cancel(id, user, request, context));
  }

  @Post(':id/reschedule')
  @Roles('citizen')
  @ApiHeader(KEY_HEADER)
  @ApiOkResponse({ description: 'Moved: the new time taken and the old freed together, or nothing changed.' })
  async reschedule(
    @Param('id', ParseId) id: string,
    @Body() dto: RescheduleAppointmentDto,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentUser() user: UserAccount,
    @Audit() context: AuditContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AppointmentView> {
    const request = { key: IdempotencyService.keyOf(key, false), route: `/api/appointments/${id}/reschedule`, body: dto };
    return answered(reply, await this.appointments.reschedule(id, dto, user, request, context));
  }

  @Post(':id/accept')
  @Roles('citizen')
  @ApiHeader(KEY_HEADER)
  @ApiOkResponse({ description: 'The time held from the waiting list is booked.' })
  async accept(
    @Param('id', ParseId) id: string,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentUser() user: UserAccount,
    @Audit() context: AuditContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AppointmentView> {
    const request = { key: IdempotencyService.keyOf(key, false), route: `/api/appointments/${id}/accept`, body: null };
    return answered(reply, await this.appointments.accept(id, user, request, context));
  }

  @Post(':id/check-in')
  @Roles('citizen')
  @ApiHeader(KEY_HEADER)
  @ApiOkResponse({ description: 'Arrived, with a priority ticket in the queue of its counter (the token is shown once).' })
  async checkIn(
    @Param('id', ParseId) id: string,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentUser() user: UserAccount,
    @Audit() context: AuditContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CheckedIn> {
    const request = { key: IdempotencyService.keyOf(key, false), route: `/api/appointments/${id}/check-in`, body: null };
    return answered(reply, await this.appointments.checkIn(id, user, request, context));
  }

  @Post(':id/status')
  @HttpCode(200)
  @Roles('official', 'admin')
  @ApiOkResponse({ description: 'The step taken: arrived, fulfilled or no-show.' })
  setStatus(
    @Param('id', ParseId) id: string,
    @Body() dto: AppointmentStatusDto,
    @CurrentUser() user: UserAccount,
    @Audit() context: AuditContext,
  ): Promise<AppointmentView> {
    return this.appointments.setStatus(id, dto.status, user, context);
  }
}
