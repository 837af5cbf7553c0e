import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, NotContains } from 'class-validator';
import { trimmed } from '../../auth/dto/register.dto.js';
import { CONSULTATION_OUTCOMES, type ConsultationOutcome } from '../consultation-view.types.js';

export class EndConsultationDto {
  @ApiProperty({ enum: CONSULTATION_OUTCOMES })
  @IsIn(CONSULTATION_OUTCOMES)
  outcome!: ConsultationOutcome;

  @ApiPropertyOptional({ maxLength: 500, description: 'The official’s note on the outcome, kept with the consultation.' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, 500)
  @NotContains('<')
  note?: string;
}
