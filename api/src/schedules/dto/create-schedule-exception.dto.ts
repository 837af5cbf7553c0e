import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';

/** Leave of one official, or a public holiday for the whole city (officialId null). */
export class CreateScheduleExceptionDto {
  @ApiPropertyOptional({
    nullable: true,
    example: 'park-ji-hyun',
    description: 'An official of the city pack; null or absent for the whole city.',
  })
  @IsOptional()
  @ValidateIf((dto: CreateScheduleExceptionDto) => dto.officialId !== null)
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  @MaxLength(64)
  officialId!: string | null;

  @ApiProperty({ example: '2026-12-25T00:00:00+09:00' })
  @IsISO8601({ strict: true })
  startsAt!: string;

  @ApiProperty({ example: '2026-12-26T00:00:00+09:00' })
  @IsISO8601({ strict: true })
  endsAt!: string;

  @ApiProperty({ example: 'Christmas Day' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  reason!: string;
}
