import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class TransferTicketDto {
  @ApiProperty({ description: 'The counter to send the ticket to (it may be the same counter, for another service).' })
  @IsString()
  @MaxLength(64)
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  counterId!: string;

  @ApiProperty({ description: 'A service the target counter serves.' })
  @IsString()
  @MaxLength(64)
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  serviceId!: string;
}
