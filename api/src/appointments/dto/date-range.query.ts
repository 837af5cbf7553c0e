import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches, MaxLength } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Local dates of the city, both included, at most 31 days. */
export class DateRangeQuery {
  @ApiProperty({ example: '2026-12-01' })
  @IsISO8601({ strict: true })
  @Matches(DATE)
  from!: string;

  @ApiProperty({ example: '2026-12-07' })
  @IsISO8601({ strict: true })
  @Matches(DATE)
  to!: string;
}

/** Officials' calendar: a range of dates, optionally one official of the pack. */
export class CalendarQuery {
  @ApiPropertyOptional({ example: '2026-12-01' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(DATE)
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-07' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(DATE)
  to?: string;

  @ApiPropertyOptional({ example: 'park-ji-hyun' })
  @IsOptional()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  @MaxLength(64)
  officialId?: string;
}
