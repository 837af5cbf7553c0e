import { ApiProperty } from '@nestjs/swagger';
import { IsUUID, ValidateIf } from 'class-validator';

export class AssignComplaintDto {
  @ApiProperty({ nullable: true, format: 'uuid', description: 'An official of the complaint’s department, or null to unassign.' })
  @ValidateIf((_dto, value) => value !== null)
  @IsUUID()
  assigneeId!: string | null;
}
