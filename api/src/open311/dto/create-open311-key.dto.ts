import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length, Matches } from 'class-validator';
import { trimmed } from '../../auth/dto/register.dto.js';

export class CreateOpen311KeyDto {
  @ApiProperty({ minLength: 1, maxLength: 100, description: 'Who will use the key, e.g. "FixMyStreet Seoul".' })
  @Transform(trimmed)
  @IsString()
  @Length(1, 100)
  @Matches(/^[^<>]*$/, { message: 'noMarkup' })
  name!: string;
}
