import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches, MaxLength } from 'class-validator';

/** Another free slot of the same service, with the same official unless another is named. */
export class RescheduleAppointmentDto {
  @ApiProperty({ example: '2026-12-02T00:30:00.000Z' })
  @IsISO8601({ strict: true })
  @MaxLength(40)
  startsAt!: string;

  @ApiPropertyOptional({ example: 'jung-min-ho' })
  @IsOptional()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  @MaxLength(64)
  officialId?: string;
}
