import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, Matches, MaxLength } from 'class-validator';

/** Wait for any time of a service on a day (the city's date). */
export class JoinWaitlistDto {
  @ApiProperty({ example: 'welfare-counselling' })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  @MaxLength(64)
  serviceId!: string;

  @ApiProperty({ example: '2026-12-01' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  date!: string;
}
