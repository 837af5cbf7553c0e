import { ApiProperty } from '@nestjs/swagger';
import { Matches, MaxLength, ValidateIf } from 'class-validator';

/** The pack official an official's account is; null unlinks it. Required: absent is not "unlink". */
export class LinkOfficialDto {
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'park-ji-hyun',
    description: "A pack official of the account's department, or null.",
  })
  @ValidateIf((dto: LinkOfficialDto) => dto.officialId !== null)
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  @MaxLength(64)
  officialId!: string | null;
}
