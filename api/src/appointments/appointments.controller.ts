import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { UserAccount } from '../accounts/user-account.entity.js';
import type { AuditContext } from '../audit/audit.service.js';
import { Audit, CurrentUser, Roles } from '../auth/request-identity.js';
import { ParseId } from '../common/parse-id.pipe.js';
import type { IdempotentAnswer } from '../idempotency/idempotency.service.js';
import { IdempotentWrite, type WriteRequest, WriteRequestOf } from '../idempotency/idempotent-write.js';
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
  @IdempotentWrite({ keyRequired: true })
  @ApiCreatedResponse({ description: 'Booked, on a new case or the one named.' })
  book(
    @Body() dto: CreateAppointmentDto,
    @CurrentUser() user: UserAccount,
    @Audit() context: AuditContext,
    @WriteRequestOf() request: WriteRequest,
  ): Promise<IdempotentAnswer<AppointmentView>> {
    return this.appointments.book(dto, user, request, context);
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
  @IdempotentWrite({ keyRequired: false })
  @ApiOkResponse({ description: 'Cancelled; the freed time is offered to the first on the waiting list.' })
  cancel(
    @Param('id', ParseId) id: string,
    @CurrentUser() user: UserAccount,
    @Audit() context: AuditContext,
    @WriteRequestOf() request: WriteRequest,
  ): Promise<IdempotentAnswer<AppointmentView>> {
    return this.appointments.cancel(id, user, request, context);
  }

  @Post(':id/reschedule')
  @Roles('citizen')
  @IdempotentWrite({ keyRequired: false })
  @ApiOkResponse({ description: 'Moved: the new time taken and the old freed together, or nothing changed.' })
  reschedule(
    @Param('id', ParseId) id: string,
    @Body() dto: RescheduleAppointmentDto,
    @CurrentUser() user: UserAccount,
    @Audit() context: AuditContext,
    @WriteRequestOf() request: WriteRequest,
  ): Promise<IdempotentAnswer<AppointmentView>> {
    return this.appointments.reschedule(id, dto, user, request, context);
  }

  @Post(':id/accept')
  @Roles('citizen')
  @IdempotentWrite({ keyRequired: false })
  @ApiOkResponse({ description: 'The time held from the waiting list is booked.' })
  accept(
    @Param('id', ParseId) id: string,
    @CurrentUser() user: UserAccount,
    @Audit() context: AuditContext,
    @WriteRequestOf() request: WriteRequest,
  ): Promise<IdempotentAnswer<AppointmentView>> {
    return this.appointments.accept(id, user, request, context);
  }

  @Post(':id/check-in')
  @Roles('citizen')
  @IdempotentWrite({ keyRequired: false })
  @ApiOkResponse({ description: 'Arrived, with a priority ticket in the queue of its counter (the token is shown once).' })
  checkIn(
    @Param('id', ParseId) id: string,
    @CurrentUser() user: UserAccount,
    @Audit() context: AuditContext,
    @WriteRequestOf() request: WriteRequest,
  ): Promise<IdempotentAnswer<CheckedIn>> {
    return this.appointments.checkIn(id, user, request, context);
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
