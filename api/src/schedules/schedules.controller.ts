import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuditContext } from '../audit/audit.service.js';
import { Audit, Roles } from '../auth/request-identity.js';
import { ParseId } from '../common/parse-id.pipe.js';
import { CreateScheduleExceptionDto } from './dto/create-schedule-exception.dto.js';
import { WeeklyScheduleDto } from './dto/weekly-schedule.dto.js';
import type { ScheduleException } from './schedule-exception.entity.js';
import { SchedulesService } from './schedules.service.js';

@ApiTags('admin')
@Controller('api/admin')
@Roles('admin')
export class SchedulesController {
  constructor(private readonly schedules: SchedulesService) {}

  @Put('officials/:officialId/schedule')
  @ApiOkResponse({ description: "The official's weekly schedule, replacing the pack's." })
  replace(@Param('officialId') officialId: string, @Body() dto: WeeklyScheduleDto, @Audit() context: AuditContext) {
    return this.schedules.replaceSchedule(officialId, dto.weeklySchedule, context);
  }

  @Delete('officials/:officialId/schedule')
  @HttpCode(204)
  @ApiNoContentResponse({ description: "Back to the pack's weekly schedule." })
  clear(@Param('officialId') officialId: string, @Audit() context: AuditContext): Promise<void> {
    return this.schedules.clearSchedule(officialId, context);
  }

  @Get('schedule-exceptions')
  @ApiOkResponse({ description: 'Leave and public holidays, earliest first.' })
  exceptions(): Promise<ScheduleException[]> {
    return this.schedules.listExceptions();
  }

  @Post('schedule-exceptions')
  @ApiCreatedResponse({ description: 'No appointments are given in that time: for one official, or for the whole city.' })
  addException(@Body() dto: CreateScheduleExceptionDto, @Audit() context: AuditContext): Promise<ScheduleException> {
    return this.schedules.addException(
      { officialId: dto.officialId ?? null, startsAt: new Date(dto.startsAt), endsAt: new Date(dto.endsAt), reason: dto.reason },
      context,
    );
  }

  @Delete('schedule-exceptions/:id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The exception is gone; its time is open again.' })
  removeException(@Param('id', ParseId) id: string, @Audit() context: AuditContext): Promise<void> {
    return this.schedules.removeException(id, context);
  }
}
