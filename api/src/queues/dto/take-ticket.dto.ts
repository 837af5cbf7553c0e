import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class TakeTicketDto {
  @ApiProperty({ description: 'A service the counter serves (the city pack’s `serviceIds` of the counter).' })
  @IsString()
  @MaxLength(64)
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  serviceId!: string;
}
