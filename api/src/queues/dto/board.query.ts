import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class BoardQuery {
  @ApiProperty({ description: 'The hall’s id (the city pack’s `cityHall.id`).' })
  @IsString()
  @MaxLength(64)
  hall!: string;
}
