import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, Matches, ValidateNested } from 'class-validator';
import type { Weekday } from '../../city/city-pack.types.js';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export class WorkingHoursDto {
  @ApiProperty({ enum: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] })
  @IsIn(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])
  day!: Weekday;

  @ApiProperty({ example: '09:00', description: "Local time in the city's time zone." })
  @Matches(TIME)
  start!: string;

  @ApiProperty({ example: '12:00' })
  @Matches(TIME)
  end!: string;
}

/** A weekly schedule replacing the pack's: up to 28 periods, none overlapping on a day. */
export class WeeklyScheduleDto {
  @ApiProperty({ type: [WorkingHoursDto] })
  @IsArray()
  @ArrayMaxSize(28)
  @ValidateNested({ each: true })
  @Type(() => WorkingHoursDto)
  weeklySchedule!: WorkingHoursDto[];
}
