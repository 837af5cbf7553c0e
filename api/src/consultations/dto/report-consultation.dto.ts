import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length, NotContains } from 'class-validator';
import { trimmed } from '../../auth/dto/register.dto.js';

export class ReportConsultationDto {
  @ApiProperty({ minLength: 3, maxLength: 500, description: 'What happened, for the city to look into.' })
  @Transform(trimmed)
  @IsString()
  @Length(3, 500)
  @NotContains('<')
  reason!: string;
}
