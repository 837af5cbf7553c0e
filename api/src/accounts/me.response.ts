import { ApiProperty } from '@nestjs/swagger';
import type { CityPack, LocalizedText } from '../city/city-pack.types.js';
import { type Role, ROLES, type UserAccount } from './user-account.entity.js';

/** The signed-in person as the API shows them: never the password hash or internal flags. */
export class MeResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ example: 'ko' }) preferredLanguage!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ nullable: true, type: String }) departmentId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The city pack official an official account is, once linked.' })
  officialId!: string | null;
  @ApiProperty() createdAt!: string;

  static of(user: UserAccount): MeResponse {
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      preferredLanguage: user.preferredLanguage,
      role: user.role,
      departmentId: user.departmentId,
      officialId: user.officialId,
      createdAt: user.createdAt.toISOString(),
    };
  }
}

/** The pack official a linked account is, with the counter they serve at, in every language of the pack. */
export class LinkedOfficial {
  @ApiProperty({ example: 'park-ji-hyun' }) id!: string;
  @ApiProperty({ example: { en: 'Park Ji-hyun' } }) name!: LocalizedText;
  @ApiProperty() role!: LocalizedText;
  @ApiProperty({ example: 'counter-1' }) counterId!: string;
  @ApiProperty() counterName!: LocalizedText;
}

/** GET /api/me: the account, and the pack official it is (null when unlinked). */
export class OwnAccountResponse extends MeResponse {
  @ApiProperty({ nullable: true, type: LinkedOfficial }) official!: LinkedOfficial | null;

  static ofOwn(user: UserAccount, pack: CityPack): OwnAccountResponse {
    const official = pack.officials.find((candidate) => candidate.id === user.officialId);
    const counter = pack.cityHall.counters.find((candidate) => candidate.id === official?.counterId);
    return {
      ...MeResponse.of(user),
      official: official
        ? { id: official.id, name: official.name, role: official.role, counterId: official.counterId, counterName: counter?.name ?? {} }
        : null,
    };
  }
}
