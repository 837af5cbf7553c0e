import { ApiProperty } from '@nestjs/swagger';
import { type Role, ROLES, type UserAccount } from './user-account.entity.js';

/** The signed-in person as the API shows them: never the password hash or internal flags. */
export class MeResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ example: 'ko' }) preferredLanguage!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ nullable: true, type: String }) departmentId!: string | null;
  @ApiProperty() createdAt!: string;

  static of(user: UserAccount): MeResponse {
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      preferredLanguage: user.preferredLanguage,
      role: user.role,
      departmentId: user.departmentId,
      createdAt: user.createdAt.toISOString(),
    };
  }
}
