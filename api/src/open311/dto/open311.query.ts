import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** What every GeoReport v2 route accepts besides its own filters. */
export class Open311Query {
  @ApiPropertyOptional({ description: 'The city pack’s id; any other value answers 404.', example: 'seoul' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  jurisdiction_id?: string;

  /** Only filing needs a key; reading is open, so a key sent with a read is accepted and not checked. */
  @ApiPropertyOptional({ description: 'Needed only by POST requests; ignored elsewhere.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  api_key?: string;

  @ApiPropertyOptional({ description: 'The language of names and messages (else Accept-Language, else English).' })
  @IsOptional()
  @Matches(/^[A-Za-z_-]{1,16}$/)
  lang?: string;
}
