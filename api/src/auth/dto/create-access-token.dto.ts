import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min, NotContains } from 'class-validator';
import { trimmed } from './register.dto.js';

export class CreateAccessTokenDto {
  @ApiProperty({ minLength: 1, maxLength: 100, example: 'My reporting script' })
  @Transform(trimmed)
  @IsString()
  @Length(1, 100)
  @NotContains('<')
  name!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 365, default: 90 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  expiresInDays?: number;
}
