import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { COMPLAINT_STATUSES, COMPLAINTS_PAGE_SIZE, type ComplaintStatus } from '../complaint-view.types.js';

export class ListComplaintsQuery {
  @ApiPropertyOptional({ enum: COMPLAINT_STATUSES })
  @IsOptional()
  @IsIn(COMPLAINT_STATUSES)
  status?: ComplaintStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  @MaxLength(64)
  serviceId?: string;

  @ApiPropertyOptional({ description: 'Only open complaints past their expected date.' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'Only complaints filed at least this many days ago.', minimum: 0, maximum: 3650 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3650)
  minAgeDays?: number;

  @ApiPropertyOptional({ enum: ['me', 'none'], description: 'Staff: assigned to the caller, or to no one.' })
  @IsOptional()
  @IsIn(['me', 'none'])
  assignee?: 'me' | 'none';

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 1, description: `${COMPLAINTS_PAGE_SIZE} complaints a page, newest first.` })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  page?: number;

  /** The portal sends its language on every request; not a filter. */
  @IsOptional()
  @Matches(/^[A-Za-z_-]{1,16}$/)
  lang?: string;
}
