import { IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * The fields of POST requests, named as the spec names them; `attribute[code]` fields are taken apart before.
 * Only types and sizes are checked here: the content rules are those of CreateComplaintDto, which the form becomes.
 */
export class ServiceRequestForm {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  api_key?: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  jurisdiction_id?: string;

  @IsString()
  @MaxLength(64)
  service_code!: string;

  @IsOptional()
  @IsString()
  @MaxLength(32)
  lat?: string;

  @IsOptional()
  @IsString()
  @MaxLength(32)
  long?: string;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  address_string?: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  address_id?: string;

  @IsOptional()
  @IsString()
  @MaxLength(254)
  email?: string;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  media_url?: string;

  // Extensions: a pick in the 3D twin, as GET requests answers it.
  @IsOptional()
  @IsString()
  @MaxLength(64)
  building_id?: string;

  @IsOptional()
  @IsString()
  @MaxLength(8)
  floor?: string;

  @IsOptional()
  @IsString()
  @MaxLength(32)
  altitude?: string;

  // Accepted because the spec defines them, and dropped: the city needs none of them to handle the problem.
  @IsOptional()
  @IsString()
  @MaxLength(100)
  first_name?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  last_name?: string;

  @IsOptional()
  @IsString()
  @MaxLength(50)
  phone?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  device_id?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  account_id?: string;
}
