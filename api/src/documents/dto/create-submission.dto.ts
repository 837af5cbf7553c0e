import { IsString, Matches, MaxLength } from 'class-validator';

export class CreateSubmissionDto {
  /** A document service of the city pack (GET /api/document-services). */
  @IsString()
  @MaxLength(64)
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  serviceId!: string;
}
