import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches, MaxLength } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const CALENDAR_SCOPES = ['mine', 'department'] as const;
export type CalendarScope = (typeof CALENDAR_SCOPES)[number];

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

/** Officials' calendar: a range of dates, whose appointments (`scope`), optionally one official of the pack. */
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

  @ApiPropertyOptional({
    enum: CALENDAR_SCOPES,
    description: "An official's own appointments or the whole department's; `mine` by default for an account linked to a pack official.",
  })
  @IsOptional()
  @IsIn(CALENDAR_SCOPES)
  scope?: CalendarScope;
}
