import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

/** The steps officials take on the day. */
export class AppointmentStatusDto {
  @ApiProperty({ enum: ['arrived', 'fulfilled', 'noshow'] })
  @IsIn(['arrived', 'fulfilled', 'noshow'])
  status!: 'arrived' | 'fulfilled' | 'noshow';
}
