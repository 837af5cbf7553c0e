import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsISO8601, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { Open311Query } from './open311.query.js';

/** At most this many requests in one answer, as the spec asks; `page` reaches the rest. */
export const MAX_PAGE_SIZE = 1000;

const commaList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.split(',').map((item) => item.trim()) : value;

/** The filters of GET requests, named as the spec names them. */
export class ListRequestsQuery extends Open311Query {
  @ApiPropertyOptional({ description: 'Case numbers, comma-separated; overrides every other filter.', example: 'SEL-2026-000123' })
  @IsOptional()
  @Transform(commaList)
  @ArrayMaxSize(MAX_PAGE_SIZE)
  @Matches(/^[A-Z]{3}-[0-9]{4}-[0-9]{6,}$/, { each: true })
  @MaxLength(24, { each: true })
  service_request_id?: string[];

  @ApiPropertyOptional({ description: 'Service codes, comma-separated.', example: 'road.pothole' })
  @IsOptional()
  @Transform(commaList)
  @ArrayMaxSize(100)
  @Matches(/^[A-Za-z0-9_.-]{1,64}$/, { each: true })
  service_code?: string[];

  @ApiPropertyOptional({ description: 'ISO 8601; requests filed at or after it.', example: '2026-11-01T00:00:00+09:00' })
  @IsOptional()
  @IsISO8601({ strict: true })
  start_date?: string;

  @ApiPropertyOptional({ description: 'ISO 8601; requests filed at or before it.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  end_date?: string;

  @ApiPropertyOptional({ description: '`open`, `closed` or both, comma-separated.' })
  @IsOptional()
  @Transform(commaList)
  @IsIn(['open', 'closed'], { each: true })
  status?: ('open' | 'closed')[];

  @ApiPropertyOptional({ description: 'Extension: the page, from 1.', default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page?: number;

  @ApiPropertyOptional({ description: 'Extension: requests per page.', default: MAX_PAGE_SIZE, maximum: MAX_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  page_size?: number;
}
