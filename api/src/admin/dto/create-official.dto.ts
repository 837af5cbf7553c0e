import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsOptional, Matches, MaxLength } from 'class-validator';
import { RegisterDto } from '../../auth/dto/register.dto.js';

/** An official's account: the same rules as a citizen's registration, plus the department. */
export class CreateOfficialDto extends PickType(RegisterDto, ['email', 'displayName', 'password'] as const) {
  @ApiProperty({ description: 'A department id of the city pack.', example: 'civil-service' })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  @MaxLength(64)
  departmentId!: string;

  @ApiPropertyOptional({ description: 'The city pack official this account is: one of the department.', example: 'park-ji-hyun' })
  @IsOptional()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  @MaxLength(64)
  officialId?: string;
}
