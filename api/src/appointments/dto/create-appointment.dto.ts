import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches, MaxLength } from 'class-validator';
import { APPOINTMENT_MODES, type AppointmentMode } from '../appointment-view.types.js';

const PACK_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A free slot, as `GET /api/services/:id/slots` gave it, and how to meet. */
export class CreateAppointmentDto {
  @ApiProperty({ example: 'welfare-counselling' })
  @Matches(PACK_ID)
  @MaxLength(64)
  serviceId!: string;

  @ApiProperty({ example: 'jung-min-ho' })
  @Matches(PACK_ID)
  @MaxLength(64)
  officialId!: string;

  @ApiProperty({ example: '2026-12-01T00:30:00.000Z' })
  @IsISO8601({ strict: true })
  @MaxLength(40)
  startsAt!: string;

  @ApiProperty({ enum: APPOINTMENT_MODES })
  @IsIn(APPOINTMENT_MODES)
  mode!: AppointmentMode;

  @ApiPropertyOptional({ example: 'SEL-2026-000123', description: 'A case of yours this appointment is about; a new case otherwise.' })
  @IsOptional()
  @Matches(/^[A-Z]{3}-\d{4}-\d{6,}$/)
  @MaxLength(24)
  caseNumber?: string;
}
