import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsDefined,
  IsEmail,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  NotContains,
  ValidateNested,
} from 'class-validator';
import { lowerCased, trimmed } from '../../auth/dto/register.dto.js';

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Markup is refused rather than silently stripped, so what the filer sees is what the city keeps. */
const NO_MARKUP = /^[^<>]*$/;

/** Where the problem is: coordinates, an address, a place of the city's list or a pick in the 3D twin. */
export class ComplaintLocationDto {
  // IsLatitude alone also takes the text "37.5"; the documented type is a number.
  @ApiPropertyOptional({ example: 37.5663 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLatitude()
  lat?: number;

  @ApiPropertyOptional({ example: 126.9779 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLongitude()
  long?: number;

  @ApiPropertyOptional({ maxLength: 300 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(3, 300)
  @Matches(NO_MARKUP, { message: 'noMarkup' })
  address?: string;

  @ApiPropertyOptional({ description: 'A building or landmark id of the city pack.' })
  @IsOptional()
  @Matches(ID)
  @MaxLength(64)
  placeId?: string;

  @ApiPropertyOptional({ description: 'A building id picked in the 3D twin.' })
  @IsOptional()
  @Matches(ID)
  @MaxLength(64)
  buildingId?: string;

  @ApiPropertyOptional({ minimum: -10, maximum: 200 })
  @IsOptional()
  @IsInt()
  @Min(-10)
  @Max(200)
  floor?: number;

  @ApiPropertyOptional({ description: 'Metres above the ellipsoid, from the 3D pick.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-500)
  @Max(10_000)
  altitude?: number;
}

export class CreateComplaintDto {
  @ApiProperty({ example: 'pothole', description: 'A complaint service of the city pack.' })
  @Matches(ID)
  @MaxLength(64)
  serviceId!: string;

  @ApiProperty({ minLength: 1, maxLength: 4000 })
  @Transform(trimmed)
  @IsString()
  @Length(1, 4000)
  @NotContains('<', { message: 'noMarkup' })
  description!: string;

  @ApiProperty({ type: ComplaintLocationDto })
  // ValidateNested passes a missing object (the service then met `undefined`: a 500) and a list: one object only.
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ComplaintLocationDto)
  location!: ComplaintLocationDto;

  @ApiPropertyOptional({ description: 'For news of an anonymous complaint; never shown publicly.' })
  @IsOptional()
  @Transform(lowerCased)
  @IsEmail()
  @MaxLength(254)
  contactEmail?: string;

  @ApiPropertyOptional({
    description:
      'Answers to the service’s questions (its attributes in the city pack) by attribute code; a list of keys for a multivaluelist.',
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    example: { size: 'large', lane: 'bus_lane' },
  })
  @IsOptional()
  @IsObject()
  attributes?: Record<string, string | string[]>;

  @ApiPropertyOptional({ maxLength: 2000, description: 'A link to a photo of the problem (https only); the city does not fetch it.' })
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true })
  @MaxLength(2000)
  mediaUrl?: string;
}
