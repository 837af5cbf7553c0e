import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { IdempotencyModule } from '../idempotency/idempotency.module.js';
import { QueuesModule } from '../queues/queues.module.js';
import { SchedulesModule } from '../schedules/schedules.module.js';
import { AppointmentCalendarService } from './appointment-calendar.service.js';
import { AppointmentReader } from './appointment-reader.js';
import { AppointmentsController } from './appointments.controller.js';
import { AppointmentsService } from './appointments.service.js';
import { CalendarFeedsController } from './calendar-feeds.controller.js';
import { ServicesController } from './services.controller.js';
import { WaitlistService } from './waitlist.service.js';

/** Appointments with officials: slots, booking, the waitlist, calendars; checking in issues a queue ticket. */
@Module({
  imports: [CasesModule, SchedulesModule, IdempotencyModule, QueuesModule],
  controllers: [ServicesController, AppointmentsController, CalendarFeedsController],
  providers: [AppointmentsService, AppointmentReader, WaitlistService, AppointmentCalendarService],
  // Consultations settle a virtual appointment through it when they end.
  exports: [AppointmentsService],
})
export class AppointmentsModule {}
