import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsLatitude, IsLongitude, IsOptional, Matches, MaxLength } from 'class-validator';

export class NearbyQuery {
  @ApiProperty()
  @Type(() => Number)
  @IsLatitude()
  lat!: number;

  @ApiProperty()
  @Type(() => Number)
  @IsLongitude()
  long!: number;

  @ApiProperty({ description: 'The complaint service.' })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  @MaxLength(64)
  service!: string;

  @IsOptional()
  @Matches(/^[A-Za-z_-]{1,16}$/)
  lang?: string;
}
