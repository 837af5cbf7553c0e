import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, Matches } from 'class-validator';

export class SetConsentDto {
  @ApiProperty()
  @IsBoolean()
  given!: boolean;

  @ApiProperty({ example: '2026-11', description: 'The version of the wording the person answered.' })
  @Matches(/^[0-9A-Za-z.-]{1,32}$/)
  version!: string;
}
