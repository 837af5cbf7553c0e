import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Length, NotContains } from 'class-validator';
import { trimmed } from '../../auth/dto/register.dto.js';
import { COMPLAINT_STATUSES, type ComplaintStatus } from '../complaint-view.types.js';

/** A step taken by an official: a new status (with a note), or a note alone. */
export class UpdateComplaintDto {
  @ApiPropertyOptional({ enum: COMPLAINT_STATUSES })
  @IsOptional()
  @IsIn(COMPLAINT_STATUSES)
  status?: ComplaintStatus;

  @ApiProperty({ minLength: 1, maxLength: 2000 })
  @Transform(trimmed)
  @IsString()
  @Length(1, 2000)
  @NotContains('<')
  note!: string;

  @ApiPropertyOptional({ default: true, description: 'Whether the filer sees the note; false keeps it internal.' })
  @IsOptional()
  @IsBoolean()
  public?: boolean;
}
