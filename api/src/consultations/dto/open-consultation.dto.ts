import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

/** What the consultation is about: exactly one of the three. */
export class OpenConsultationDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'A virtual appointment of the department, from 30 minutes before its start to its end.',
  })
  @IsOptional()
  @IsUUID()
  appointmentId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A queue ticket called or being served, taken by a signed-in person.' })
  @IsOptional()
  @IsUUID()
  ticketId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A complaint of the department filed with an account.' })
  @IsOptional()
  @IsUUID()
  complaintId?: string;
}
