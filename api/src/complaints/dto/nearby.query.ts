import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsLatitude, IsLongitude, IsOptional, Matches, MaxLength, ValidateIf } from 'class-validator';

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Where to look: coordinates, or a place of the city's list (its centre). */
export class NearbyQuery {
  @ApiPropertyOptional({ description: 'With long; required unless placeId is given.' })
  @ValidateIf((query: NearbyQuery) => query.placeId === undefined || query.lat !== undefined)
  @Type(() => Number)
  @IsLatitude()
  lat?: number;

  @ApiPropertyOptional({ description: 'With lat; required unless placeId is given.' })
  @ValidateIf((query: NearbyQuery) => query.placeId === undefined || query.long !== undefined)
  @Type(() => Number)
  @IsLongitude()
  long?: number;

  @ApiPropertyOptional({ description: 'A building or landmark id of the city pack, instead of coordinates.' })
  @IsOptional()
  @Matches(ID)
  @MaxLength(64)
  placeId?: string;

  @ApiProperty({ description: 'The complaint service.' })
  @Matches(ID)
  @MaxLength(64)
  service!: string;

  @IsOptional()
  @Matches(/^[A-Za-z_-]{1,16}$/)
  lang?: string;
}
