import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Length, Matches, MaxLength } from 'class-validator';
import { lowerCased, trimmed } from '../../auth/dto/register.dto.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../auth/password-policy.js';

export class CreateOfficialDto {
  @ApiProperty({ maxLength: 254 })
  @Transform(lowerCased)
  @IsEmail({ allow_display_name: false, allow_ip_domain: false })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ minLength: 1, maxLength: 100 })
  @Transform(trimmed)
  @IsString()
  @Length(1, 100)
  displayName!: string;

  @ApiProperty({ description: 'A department id of the city pack.', example: 'civil-service' })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  @MaxLength(64)
  departmentId!: string;

  @ApiProperty({
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description: 'A first password, to be changed by the official.',
  })
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH)
  password!: string;
}
