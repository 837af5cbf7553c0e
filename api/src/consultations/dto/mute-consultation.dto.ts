import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';

export class MuteConsultationDto {
  @ApiPropertyOptional({ default: true, description: 'false lets the citizen write again.' })
  @IsOptional()
  @IsBoolean()
  muted?: boolean;
}
