import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length, NotContains } from 'class-validator';
import { trimmed } from '../../auth/dto/register.dto.js';

export class RedactComplaintDto {
  @ApiProperty({ minLength: 3, maxLength: 500, description: 'Why the content was removed; shown to the filer.' })
  @Transform(trimmed)
  @IsString()
  @Length(3, 500)
  @NotContains('<')
  reason!: string;
}
